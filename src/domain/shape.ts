// A plan's shape: the columns of its table (the standard seven of a work plan unless plan.yaml declares its own)
// and how its item numbers read ("3", or sub-numbers "1.2" within sections).
import type { Column } from './types.js';

type ColumnDeclaration = Omit<Column, 'builtin'>;

/** The Agency's work plan: № | measure | mechanism | deadline | legal basis | result | responsible. */
export const DEFAULT_COLUMNS: readonly ColumnDeclaration[] = [
  { field: 'number', heading: '№', width: 5, align: 'center' },
  { field: 'measure', heading: 'Чора-тадбирлар номи', width: 17 },
  { field: 'mechanism', heading: 'Амалга ошириш механизми', width: 23 },
  { field: 'deadline', heading: 'Ижро муддати', width: 10, align: 'center' },
  { field: 'basis', heading: 'Норматив-ҳуқуқий асоси', width: 14, align: 'center' },
  { field: 'result', heading: 'Мақсад (кутилаётган натижа)', width: 16 },
  { field: 'responsible', heading: 'Масъул ижрочилар', width: 15, align: 'center' },
];

/** Built-in columns print centred where the standard plan does; running text keeps the table's alignment. */
const DEFAULT_ALIGN: Record<string, Column['align']> = { number: 'center', deadline: 'center', basis: 'center', responsible: 'center' };

/** Columns whose words may be hyphenated (running text); the others are kept whole (dates, citations, names). */
const KEPT_WHOLE = new Set(['number', 'deadline', 'basis', 'responsible']);

export function columnAlign(c: { field: string; align?: Column['align'] }): Column['align'] | undefined {
  return c.align ?? DEFAULT_ALIGN[c.field];
}

/** The `hyphenate` and `keep` column lists of the table (1-based), as the standard plan has them: "2 3 6" and "4 5 7". */
export function columnFlags(columns: readonly { field: string }[]): { hyphenate: number[]; keep: number[] } {
  const at = (pick: (field: string) => boolean) => columns.flatMap((c, i) => (pick(c.field) && c.field !== 'number' ? [i + 1] : []));
  return { hyphenate: at((f) => !KEPT_WHOLE.has(f)), keep: at((f) => KEPT_WHOLE.has(f)) };
}

/** Parts of a sub-number beyond this many are refused by the schema; the key below packs three. */
const PART = 1000;

/**
 * The sortable whole number an item is known by (in releases, change reports, amendments): the number itself for a
 * plan numbered 1, 2, 3; for a plan with sub-numbers, "1.2" → 1 002 000, so "1.10" follows "1.9" and "2" follows both.
 */
export function numberKey(label: string, subNumbered: boolean): number {
  const parts = label.split('.').map(Number);
  if (!subNumbered) return parts[0]!;
  return ((parts[0] ?? 0) * PART + (parts[1] ?? 0)) * PART + (parts[2] ?? 0);
}

/** An item number as written in a content file (3, "1.2", or 1.2 read as a decimal), as its label. */
export function numberLabel(written: number | string, rawText?: string): string {
  if (typeof written === 'string') return written;
  if (Number.isInteger(written)) return String(written);
  // A decimal such as 1.10 loses its trailing zero when read as a number: the digits as written are the label.
  return rawText && /^\d+(\.\d+)+$/.test(rawText.trim()) ? rawText.trim() : String(written);
}
