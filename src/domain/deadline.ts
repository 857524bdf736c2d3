// The deadline notation of content files: `2024-03-01`, `by 2024-03-01`, `2024-03`, `2024-01..2024-03`, `2025 Q2`,
// `2024 quarterly`, `2024 H1`, `2024`, `continuous`, `as set` (each also without its year where one is optional),
// and `{ text: … }` for wording no form fits.
import type { Deadline, YearMonth } from './types.js';

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const DEADLINE_SYNTAX =
  '`YYYY-MM-DD` (a day), `by YYYY-MM-DD`, `YYYY-MM`, `YYYY-MM..YYYY-MM`, `[YYYY] Q1`–`Q4` (one quarter), `[YYYY] quarterly`, `[YYYY] H1`/`H2` (a half-year), `YYYY` (the year), `continuous`, `as set`, or `{ text: … }`';

export function parseYearMonth(text: string): YearMonth | null {
  const m = MONTH.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

/** A calendar day written YYYY-MM-DD that exists. */
export function isRealDate(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `[YYYY ]<word>`: the year is optional. */
function withYear(t: string, word: RegExp): { year?: number; m: RegExpExecArray } | null {
  const m = new RegExp(`^(?:(\\d{4}) )?${word.source}$`).exec(t);
  if (!m) return null;
  return m[1] === undefined ? { m } : { year: Number(m[1]), m };
}

/** A deadline written in the notation, or `{ text }` for free wording; null when it is neither. */
export function parseDeadline(value: string | { text: string }): Deadline | null {
  if (typeof value !== 'string') return value.text.trim() ? { kind: 'text', text: value.text.trim() } : null;
  const t = value.trim().replace(/\s+/g, ' ');
  if (t === 'continuous') return { kind: 'continuous' };
  if (t === 'as set') return { kind: 'as-set' };
  if (/^\d{4}$/.test(t)) return { kind: 'year', year: Number(t) };
  if (isRealDate(t)) return { kind: 'day', date: t };
  const by = /^by (\S+)$/.exec(t);
  if (by) return isRealDate(by[1]!) ? { kind: 'by', date: by[1]! } : null;
  const quarterly = withYear(t, /quarterly/);
  if (quarterly) return { kind: 'quarterly', ...(quarterly.year !== undefined ? { year: quarterly.year } : {}) };
  const quarter = withYear(t, /Q([1-4])/);
  if (quarter) return { kind: 'quarter', quarter: Number(quarter.m[2]) as 1 | 2 | 3 | 4, ...(quarter.year !== undefined ? { year: quarter.year } : {}) };
  const half = withYear(t, /H([12])/);
  if (half) return { kind: 'half', half: Number(half.m[2]) as 1 | 2, ...(half.year !== undefined ? { year: half.year } : {}) };
  const [a, b, ...rest] = t.split('..');
  if (rest.length > 0 || a === undefined) return null;
  const from = parseYearMonth(a);
  if (!from) return null;
  if (b === undefined) return { kind: 'month', month: from };
  const to = parseYearMonth(b);
  if (!to || monthIndex(to) <= monthIndex(from)) return null;
  return { kind: 'range', from, to };
}

export function monthIndex(m: YearMonth): number {
  return m.year * 12 + (m.month - 1);
}

export function sameDeadline(a: Deadline, b: Deadline): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function monthOf(iso: string): YearMonth {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/** Every month of the period, first to last. */
export function periodMonths(period: { start: YearMonth; end: YearMonth }): YearMonth[] {
  const all: YearMonth[] = [];
  for (let i = monthIndex(period.start); i <= monthIndex(period.end); i++) all.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  return all;
}

/**
 * The months of the period a deadline falls due in: a day's month, a range's months, a quarter's or half-year's last
 * month (every quarter's for `quarterly`), a year's December. A continuous deadline, one "as set" or one in free
 * words names no month: an extract lists those items apart rather than in every month.
 */
export function deadlineMonths(d: Deadline, period: { start: YearMonth; end: YearMonth }): YearMonth[] {
  const all = periodMonths(period);
  const inYear = (m: YearMonth, year: number | undefined) => year === undefined || m.year === year;
  switch (d.kind) {
    case 'day':
    case 'by':
      return all.filter((m) => monthIndex(m) === monthIndex(monthOf(d.date)));
    case 'month':
      return all.filter((m) => monthIndex(m) === monthIndex(d.month));
    case 'range':
      return all.filter((m) => monthIndex(m) >= monthIndex(d.from) && monthIndex(m) <= monthIndex(d.to));
    case 'quarterly':
      return all.filter((m) => m.month % 3 === 0 && inYear(m, d.year));
    case 'quarter':
      return all.filter((m) => m.month === d.quarter * 3 && inYear(m, d.year));
    case 'half':
      return all.filter((m) => m.month === d.half * 6 && inYear(m, d.year));
    case 'year':
      return all.filter((m) => m.month === 12 && m.year === d.year);
    case 'continuous':
    case 'as-set':
    case 'text':
      return [];
  }
}

/** A deadline written back in the content notation (what `parseDeadline` reads); free text as `{ text: … }`. */
export function deadlineSyntax(d: Deadline): string {
  const ym = (m: YearMonth) => `${m.year}-${String(m.month).padStart(2, '0')}`;
  const year = (y: number | undefined) => (y === undefined ? '' : `${y} `);
  switch (d.kind) {
    case 'day':
      return d.date;
    case 'by':
      return `by ${d.date}`;
    case 'month':
      return ym(d.month);
    case 'range':
      return `${ym(d.from)}..${ym(d.to)}`;
    case 'quarter':
      return `${year(d.year)}Q${d.quarter}`;
    case 'quarterly':
      return `${year(d.year)}quarterly`;
    case 'half':
      return `${year(d.year)}H${d.half}`;
    case 'year':
      return String(d.year);
    case 'continuous':
      return 'continuous';
    case 'as-set':
      return 'as set';
    case 'text':
      return `{ text: ${JSON.stringify(d.text)} }`;
  }
}

/** Whether a deadline falls due in no particular month: continuous, as set, or in free words. */
export function namesNoMonth(d: Deadline): boolean {
  return d.kind === 'continuous' || d.kind === 'as-set' || d.kind === 'text';
}
