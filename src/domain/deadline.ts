// The deadline notation of content files: `2024-03`, `2024-01..2024-03`, `2024 quarterly`, `quarterly`, `continuous`.
import type { Deadline, YearMonth } from './types.js';

const MONTH = /^(\d{4})-(\d{2})$/;

export const DEADLINE_SYNTAX = '`YYYY-MM`, `YYYY-MM..YYYY-MM`, `YYYY quarterly`, `quarterly` or `continuous`';

export function parseYearMonth(text: string): YearMonth | null {
  const m = MONTH.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

export function parseDeadline(text: string): Deadline | null {
  const t = text.trim();
  if (t === 'continuous') return { kind: 'continuous' };
  if (t === 'quarterly') return { kind: 'quarterly' };
  const q = /^(\d{4}) quarterly$/.exec(t);
  if (q) return { kind: 'quarterly', year: Number(q[1]) };
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

/** The months of the period a deadline falls in: a range covers its months, quarterly the quarter-end months, continuous every month. */
export function deadlineMonths(d: Deadline, period: { start: YearMonth; end: YearMonth }): YearMonth[] {
  const all: YearMonth[] = [];
  for (let i = monthIndex(period.start); i <= monthIndex(period.end); i++) all.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  switch (d.kind) {
    case 'month':
      return all.filter((m) => monthIndex(m) === monthIndex(d.month));
    case 'range':
      return all.filter((m) => monthIndex(m) >= monthIndex(d.from) && monthIndex(m) <= monthIndex(d.to));
    case 'quarterly':
      return all.filter((m) => m.month % 3 === 0 && (d.year === undefined || m.year === d.year));
    case 'continuous':
      return all;
  }
}
