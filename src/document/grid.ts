// Where every cell of a table stands once row and column spans are counted. Worked out once here so the
// writers can never disagree on which cell covers which column.
import type { Table, TableCell } from './types.js';

export type GridSlot =
  | { kind: 'cell'; cell: TableCell; column: number; rowSpan: number; colSpan: number }
  /** Covered by a cell that started in an earlier row (rowSpan) or column (colSpan). */
  | { kind: 'covered'; by: 'row' | 'column' };

/** One array per row, one slot per column. */
export function tableGrid(table: Table): GridSlot[][] {
  const columns = table.columns.length;
  const pendingRows: number[] = new Array(columns).fill(0);
  return table.rows.map((row) => {
    const slots: GridSlot[] = new Array(columns);
    let col = 0;
    const skipCovered = () => {
      while (col < columns && pendingRows[col]! > 0) {
        slots[col] = { kind: 'covered', by: 'row' };
        col++;
      }
    };
    for (const cell of row.cells) {
      skipCovered();
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      slots[col] = { kind: 'cell', cell, column: col, rowSpan, colSpan };
      for (let k = 0; k < colSpan; k++) {
        if (k > 0) slots[col + k] = { kind: 'covered', by: 'column' };
        pendingRows[col + k] = rowSpan;
      }
      col += colSpan;
    }
    skipCovered();
    for (let k = 0; k < columns; k++) pendingRows[k] = Math.max(0, pendingRows[k]! - 1);
    return slots;
  });
}

/** Scales relative widths to `total`, rounding so the parts add up exactly. */
export function scaleWidths(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.floor((w / sum) * total));
  const rest = total - scaled.reduce((a, b) => a + b, 0);
  scaled[scaled.length - 1]! += rest;
  return scaled;
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };

export function pageBox(orientation: 'portrait' | 'landscape'): { width: number; height: number } {
  return orientation === 'landscape' ? { width: A4.height, height: A4.width } : A4;
}

/** Space a table continued on a new page starts with: the DOCX needs a paragraph there (Word joins two adjacent tables), 1 pt high. */
export const BREAK_SPACER = 1;

/** How many rows lead the table as its header, repeated on every page. */
export function headerRowCount(table: Table): number {
  let n = 0;
  while (table.rows[n]?.header) n++;
  return n;
}

/**
 * The table as the layout paged it: the body rows of each page (indices into `rows`), each page a table of its
 * own after the header rows again; `newPageFirst` when even its first page starts on a new page.
 */
export function tablePages(table: Table): { headerRows: number; pages: number[][]; newPageFirst: boolean } {
  const headerRows = headerRowCount(table);
  const pages: number[][] = [[]];
  table.rows.forEach((row, r) => {
    if (r < headerRows) return;
    if (row.pageBreakBefore && pages.at(-1)!.length) pages.push([]);
    pages.at(-1)!.push(r);
  });
  return { headerRows, pages, newPageFirst: table.rows[headerRows]?.pageBreakBefore ?? false };
}
