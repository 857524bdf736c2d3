// The plan table read as items: header rows (marked, or repeated as ordinary rows on every page) are dropped;
// a row with a number starts an item; a row whose number cell is merged from above is a sub-row of the item
// (one per step); a row whose number cell is empty continues the item's row after a page break; a row of one cell
// across the table is a section's heading, over the items that follow it.
import type { BodyBlock, DocxRow } from './docx.js';

export const COLUMNS = ['number', 'measure', 'mechanism', 'deadline', 'basis', 'result', 'responsible'] as const;
export type Column = (typeof COLUMNS)[number];

export type Slot = { kind: 'text'; paragraphs: string[] } | { kind: 'merged' } | { kind: 'empty' };

/**
 * `first`: the row with the number; `sub`: a sub-row (number cell merged); `continuation`: the row goes on after a
 * page break (its number cell empty, or, as this tool writes it, the number with "давоми").
 */
export type RowKind = 'first' | 'sub' | 'continuation';

/** The number cell of an item continued on a new page, as this tool's layout writes it. */
const CONTINUED = /^\d+(?:\.\d+)*\.?\s+(давоми|davomi)$/u;

export interface RawRow {
  /** 1-based row of the table, for messages. */
  row: number;
  kind: RowKind;
  slots: Record<Column, Slot>;
  /** A continuation this tool wrote: the text was cut at a line by the layout, so a capital there is the text's own. */
  named?: boolean;
}

export interface RawItem {
  /** As printed, without its full stop: "7", "1.2". */
  number: string;
  rows: RawRow[];
  /** The index in `sections` of the heading the item stands under. */
  section?: number;
}

export interface PlanTable {
  items: RawItem[];
  /** Headings of rows across the table, in order (1-based table row, for messages). */
  sections: { heading: string; row: number }[];
  /** Rows with text that belong to no item (before the first numbered row). */
  stray: { row: number; text: string }[];
}

const isHeader = (row: DocxRow) => row.header || row.cells[0]?.paragraphs.join(' ').trim() === '№';

/** The table whose first row starts with "№", the blocks before it (approval block and title), and the blocks after. */
export function findPlanTable(blocks: BodyBlock[]): { before: string[]; rows: DocxRow[]; after: string[] } | null {
  const at = blocks.findIndex((b) => b.kind === 'table' && b.rows.some(isHeader));
  if (at < 0) return null;
  const text = (list: BodyBlock[]) => list.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  return { before: text(blocks.slice(0, at)), rows: (blocks[at] as { rows: DocxRow[] }).rows, after: text(blocks.slice(at + 1)) };
}

export function readPlanTable(rows: DocxRow[]): PlanTable {
  const header = rows.find(isHeader);
  const starts = (header?.cells ?? []).map((c) => c.gridStart);
  const columnOf = (gridStart: number) => {
    if (starts.length < COLUMNS.length) return Math.min(gridStart, COLUMNS.length - 1);
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= gridStart) i++;
    return Math.min(i, COLUMNS.length - 1);
  };
  const items: RawItem[] = [];
  const stray: PlanTable['stray'] = [];
  const sections: PlanTable['sections'] = [];
  rows.forEach((row, r) => {
    if (isHeader(row)) return;
    const only = row.cells.length === 1 ? row.cells[0]! : null;
    const heading = only && only.gridSpan > 1 && only.vMerge !== 'continue' ? only.paragraphs.join(' ').replace(/\s+/g, ' ').trim() : '';
    if (heading) {
      sections.push({ heading, row: r + 1 });
      return;
    }
    const slots = Object.fromEntries(COLUMNS.map((c) => [c, { kind: 'empty' } as Slot])) as Record<Column, Slot>;
    for (const cell of row.cells) {
      const column = COLUMNS[columnOf(cell.gridStart)]!;
      const paragraphs = cell.paragraphs.map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
      if (cell.vMerge === 'continue') slots[column] = { kind: 'merged' };
      else if (paragraphs.some((p) => p)) {
        const before = slots[column];
        slots[column] = { kind: 'text', paragraphs: [...(before.kind === 'text' ? before.paragraphs : []), ...paragraphs.filter((p) => p)] };
      }
    }
    const numberSlot = slots.number;
    const numbered = numberSlot.kind === 'text' ? /^(\d+(?:\.\d+)*)\s*\.?$/.exec(numberSlot.paragraphs.join(' ')) : null;
    const current = items[items.length - 1];
    if (numbered)
      items.push({ number: numbered[1]!, rows: [{ row: r + 1, kind: 'first', slots }], ...(sections.length ? { section: sections.length - 1 } : {}) });
    else if (current) {
      const named = numberSlot.kind === 'text' && CONTINUED.test(numberSlot.paragraphs.join(' '));
      current.rows.push({ row: r + 1, kind: numberSlot.kind === 'merged' ? 'sub' : 'continuation', slots, ...(named ? { named } : {}) });
    } else {
      const text = COLUMNS.map((c) => slots[c])
        .flatMap((s) => (s.kind === 'text' ? s.paragraphs : []))
        .join(' ');
      if (text) stray.push({ row: r + 1, text });
    }
  });
  return { items, sections, stray };
}
