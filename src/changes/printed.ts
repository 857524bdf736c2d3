// The plan's table read back from the composed document: each item's cells as the templates wrote them, by
// column field, so that what a release records and `changes` compares is the printed text, not a second
// formatting of the content.
import type { TableEntry } from '../compose/view.js';
import type { DocumentModel, Paragraph, Table, TableCell } from '../document/types.js';
import type { Column } from '../domain/types.js';

/** One item as printed: the paragraphs of each column's cells, top to bottom, and the deadline text of each sub-row. */
export interface PrintedItem {
  cells: Record<string, string[]>;
  /** For each sub-row, the text of the deadline cell that covers it. */
  rowDeadlines: string[];
}

function paragraphText(p: Paragraph): string {
  return p.inlines.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '\n' : '')).join('');
}

const cellText = (c: TableCell): string[] => c.blocks.map(paragraphText);

/** The table whose header row reads the columns' headings. */
function itemsTable(doc: DocumentModel, columns: Column[]): Table {
  const headings = columns.map((c) => c.heading).join('\u0000');
  const table = doc.blocks.find(
    (b): b is Table => b.kind === 'table' && !!b.rows[0]?.header && b.rows[0].cells.map((c) => cellText(c).join(' ')).join('\u0000') === headings,
  );
  if (!table) throw new Error("the composed plan has no table headed by the plan's columns");
  return table;
}

/**
 * Walks the table's body in step with the view's entries (a section's row, a withdrawn number's row, an item's
 * `rowCount` sub-rows) and gives each item's printed cells by its number.
 */
export function printedItems(doc: DocumentModel, columns: Column[], entries: TableEntry[]): Map<number, PrintedItem> {
  const table = itemsTable(doc, columns);
  const body = table.rows.filter((r) => !r.header);
  const covered: number[] = new Array(columns.length).fill(0);
  // Each body row's cells with the column each starts in, counting the spans from the rows above.
  const placed = body.map((row) => {
    let col = 0;
    const cells = row.cells.map((cell) => {
      while (covered[col]! > 0) col++;
      const at = col;
      for (let k = 0; k < (cell.colSpan ?? 1); k++) covered[at + k] = cell.rowSpan ?? 1;
      col += cell.colSpan ?? 1;
      return { at, cell };
    });
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, covered[k]! - 1);
    return cells;
  });
  const out = new Map<number, PrintedItem>();
  let r = 0;
  for (const entry of entries) {
    if (entry.section || entry.withdrawn) {
      r++;
      continue;
    }
    const rows = placed.slice(r, r + entry.rowCount);
    r += entry.rowCount;
    const cells: Record<string, string[]> = {};
    const deadlineAt = columns.findIndex((c) => c.field === 'deadline');
    const rowDeadlines: string[] = [];
    let deadline = '';
    for (const row of rows) {
      for (const { at, cell } of row) (cells[columns[at]!.field] ??= []).push(...cellText(cell));
      const d = row.find((c) => c.at === deadlineAt);
      if (d) deadline = cellText(d.cell).join(' ');
      rowDeadlines.push(deadline);
    }
    out.set(entry.number, { cells, rowDeadlines });
  }
  return out;
}
