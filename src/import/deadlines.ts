// Deadline cells read back into the content notation: "2024 йил январь–март" → `2024-01..2024-03` (a hyphen
// or dash, and the month spellings "январ", "апрел" accepted), "2024 йил ҳар чоракда" → `2024 quarterly`,
// "Доимий равишда" → `continuous`; and the deadlines matched to the steps that start beside them.
import { MONTH_WORD, monthNumber } from '../uz/words.js';
import type { Step } from './mechanism.js';
import type { RawItem } from './table.js';

const pad = (n: number) => String(n).padStart(2, '0');
const M = `(${MONTH_WORD})`;
const DASH = '\\s*[-–—]\\s*';
const PATTERN = new RegExp(
  [
    `(\\d{4})\\s*йил\\s+${M}${DASH}(\\d{4})\\s*йил\\s+${M}`,
    `(\\d{4})\\s*йил\\s+${M}${DASH}${M}`,
    `(\\d{4})\\s*йил\\s+ҳар\\s+чоракда`,
    `(\\d{4})\\s*йил\\s+${M}`,
    `ҳар\\s+чоракда`,
    `доимий\\s+равишда`,
  ]
    .map((p) => `(?<![\\p{L}\\d])${p}(?!\\p{L})`)
    .join('|'),
  'giu',
);

export interface ParsedDeadlines {
  values: string[];
  /** Text left over that is no deadline. */
  rest: string;
}

export function parseDeadlineText(text: string): ParsedDeadlines {
  const values: string[] = [];
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    rest += text.slice(last, m.index);
    last = m.index + m[0].length;
    const g = m.slice(1);
    const ym = (y: string, month: string) => `${y}-${pad(monthNumber(month)!)}`;
    if (g[0]) values.push(`${ym(g[0], g[1]!)}..${ym(g[2]!, g[3]!)}`);
    else if (g[4]) values.push(`${ym(g[4], g[5]!)}..${ym(g[4], g[6]!)}`);
    else if (g[7]) values.push(`${g[7]} quarterly`);
    else if (g[8]) values.push(ym(g[8], g[9]!));
    else if (/^ҳар/iu.test(m[0])) values.push('quarterly');
    else values.push('continuous');
  }
  rest += text.slice(last);
  return { values, rest: rest.replace(/[\s,;.]+/g, ' ').trim() };
}

/** One deadline cell: the rows it covers (its own, then merged or empty rows below) and the text it holds. */
interface DeadlineCell {
  rows: number[];
  text: string;
}

function deadlineCells(item: RawItem): DeadlineCell[] {
  const cells: DeadlineCell[] = [];
  for (const row of item.rows) {
    const slot = row.slots.deadline;
    if (slot.kind === 'text') cells.push({ rows: [row.row], text: slot.paragraphs.join(' ') });
    else if (cells.length) cells[cells.length - 1]!.rows.push(row.row);
  }
  return cells;
}

export interface ItemDeadlines {
  /** `deadline` for the whole item, or one per step. */
  deadline?: string;
  deadlines?: string[];
  /** The cells' texts as the DOCX has them. */
  texts: string[];
  problems: string[];
}

/**
 * The steps beside a cell are those that start in its rows: as many deadlines as steps go one to one; one
 * deadline goes to all of them. An item shows one deadline for all steps in one cell (no sub-rows) → `deadline`.
 */
export function itemDeadlines(item: RawItem, steps: Step[]): ItemDeadlines {
  const cells = deadlineCells(item);
  const parsed = cells.map((c) => ({ ...c, ...parseDeadlineText(c.text) }));
  const problems = parsed.filter((c) => c.rest).map((c) => `Unexpected \`${c.rest}\` in the deadline cell \`${c.text}\`, expected only deadlines`);
  const all = parsed.flatMap((c) => c.values);
  const texts = cells.map((c) => c.text);
  if (all.length === 0) return { texts, problems: [...problems, 'Unexpected empty deadline cell, expected a deadline'] };
  const subRows = item.rows.some((r) => r.kind === 'sub');
  if (steps.length === 0 || (!subRows && all.length === 1)) {
    if (all.length > 1) problems.push(`Unexpected ${all.length} deadlines for an item without steps, expected one; kept the first`);
    return { deadline: all[0]!, texts, problems };
  }
  const perStep: (string | undefined)[] = steps.map(() => undefined);
  for (const cell of parsed) {
    const beside = steps.map((s, i) => ({ s, i })).filter(({ s }) => cell.rows.includes(s.row));
    if (beside.length === cell.values.length) beside.forEach(({ i }, k) => (perStep[i] = cell.values[k]));
    else if (cell.values.length === 1) beside.forEach(({ i }) => (perStep[i] = cell.values[0]));
    else if (cell.values.length) {
      problems.push(
        `Unexpected ${cell.values.length} deadlines beside ${beside.length} step${beside.length === 1 ? '' : 's'} in \`${cell.text}\`, expected one per step or one for all; matched them in order`,
      );
      beside.forEach(({ i }, k) => (perStep[i] = cell.values[Math.min(k, cell.values.length - 1)]));
    }
  }
  // A step with no deadline beside it takes the one above it (or, for the first, the first deadline).
  perStep.forEach((d, i) => {
    if (d === undefined) perStep[i] = i > 0 ? perStep[i - 1] : all[0];
  });
  const values = perStep as string[];
  if (!subRows && new Set(values).size === 1 && cells.length === 1) return { deadline: values[0]!, texts, problems };
  return { deadlines: values, texts, problems };
}
