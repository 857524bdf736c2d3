// Heights of what the layout places: paragraphs (from their measured lines), cells, and the rows of a table
// with row spans. The same arithmetic the writers' renderers use: a cell is its padding plus its paragraphs,
// a row is its tallest cell, a cell spanning rows makes the last of them taller when it needs more room.
import type { CellBox, Paragraph, Table, TableCell } from '../document/types.js';

/** Lines a laid-out paragraph takes: its wrapped lines and its forced breaks. */
export function lineCount(p: Paragraph): number {
  let breaks = 0;
  for (const i of p.inlines) if (i.kind === 'break') breaks++;
  const trailing = p.inlines.at(-1)?.kind === 'break' ? 1 : 0;
  return 1 + (p.lines?.length ?? 0) + breaks - trailing;
}

export function lineHeight(p: Paragraph, leading: number): number {
  return (p.size ?? 12) * leading;
}

export function paragraphHeight(p: Paragraph, leading: number): number {
  return (p.spaceBefore ?? 0) + lineCount(p) * lineHeight(p, leading) + (p.spaceAfter ?? 0);
}

export function cellLines(cell: TableCell): number {
  let n = 0;
  for (const p of cell.blocks) n += lineCount(p);
  return n;
}

export function cellHeight(cell: TableCell, box: CellBox, leading: number): number {
  let h = 0;
  for (const p of cell.blocks) h += paragraphHeight(p, leading);
  return 2 * box.padY + h;
}

/** The text width inside a cell that starts at `column` and spans `span` columns. */
export function cellWidth(table: Pick<Table, 'columns' | 'cell'>, column: number, span: number): number {
  const outer = table.columns.slice(column, column + span).reduce((a, b) => a + b, 0);
  return outer - 2 * table.cell.padX - table.cell.rule;
}

/** A cell placed in a run of rows: its first row (relative to the run) and how many rows it covers. */
export interface PlacedCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  cell: TableCell;
}

/** Heights of `count` rows (padding included, rules not) holding `cells`. */
export function rowHeights(cells: PlacedCell[], count: number, box: CellBox, leading: number): number[] {
  const heights = new Array<number>(count).fill(0);
  let spanning: PlacedCell[] | undefined;
  for (const c of cells) {
    if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, cellHeight(c.cell, box, leading));
    else if (c.rowSpan > 1) (spanning ??= []).push(c);
  }
  if (!spanning) return heights;
  spanning.sort((a, b) => a.row + a.rowSpan - (b.row + b.rowSpan));
  for (const c of spanning) {
    const last = c.row + c.rowSpan - 1;
    let room = (c.rowSpan - 1) * box.rule;
    for (let r = c.row; r <= last; r++) room += heights[r]!;
    const need = cellHeight(c.cell, box, leading);
    if (need > room) heights[last]! += need - room;
  }
  return heights;
}

/** Height of a run of rows with the rule under each. */
export function runHeight(cells: PlacedCell[], count: number, box: CellBox, leading: number): number {
  let h = 0;
  for (const r of rowHeights(cells, count, box, leading)) h = h + r + box.rule;
  return h;
}
