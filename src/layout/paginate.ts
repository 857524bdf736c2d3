// Pages: every block placed from the top of page 1, a table's rows in groups (an item and its step sub-rows),
// page breaks decided here and written into the model (`pageBreakBefore`), so the PDF and the DOCX break in the
// same places. A group that fits the rest of the page stays whole; one that does not either moves to the next
// page (when little room is left) or is split (see split.ts) and continued under the header row on the next page.
import type { Block, DocumentModel, Paragraph, Table, TableCell, TableRow } from '../document/types.js';
import { BREAK_SPACER, headerRowCount, pageBox, tableGrid } from '../document/grid.js';
import { cellWidth, paragraphHeight, runHeight, type PlacedCell } from './measure.js';
import { splitGroup, type Part, type SplitContext } from './split.js';

/** A group moves to the next page instead of splitting when less than this share of a page is left. */
const MOVE_BELOW = 0.25;
/** Room kept free at the foot of every page, so a renderer that sets a line taller than we measure still fits. */
export const FOOT_SLACK = 13;

export interface PaginateContext {
  leading: number;
  relayout(p: Paragraph, width: number): Paragraph;
  continued(cell: TableCell, table: Table): TableCell;
}

/** The table's rows as groups: runs of rows that row spans tie together. */
function groups(table: Table, from: number): Part[] {
  const grid = tableGrid(table);
  const out: Part[] = [];
  let current: PlacedCell[] = [];
  let start = from;
  let end = from;
  for (let r = from; r < table.rows.length; r++) {
    for (const slot of grid[r]!) {
      if (slot.kind !== 'cell') continue;
      current.push({ row: r - start, column: slot.column, rowSpan: slot.rowSpan, colSpan: slot.colSpan, cell: slot.cell });
      end = Math.max(end, r + slot.rowSpan - 1);
    }
    if (r === end) {
      out.push({ cells: current, rows: r - start + 1 });
      current = [];
      start = r + 1;
      end = r + 1;
    }
  }
  return out;
}

const emptyCell = (size: number): TableCell => ({ blocks: [{ kind: 'paragraph', inlines: [], size }] });

/** A part back into table rows: each row lists the cells that start in it; gaps become empty cells. */
function partRows(part: Part, table: Table): TableRow[] {
  const columns = table.columns.length;
  const owner: (PlacedCell | null)[][] = Array.from({ length: part.rows }, () => new Array(columns).fill(null));
  for (const c of part.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.column; k < c.column + c.colSpan; k++) owner[r]![k] = c;
  const cells = [...part.cells];
  for (let k = 0; k < columns; k++) {
    for (let r = 0; r < part.rows; r++) {
      if (owner[r]![k]) continue;
      let end = r;
      while (end + 1 < part.rows && !owner[end + 1]![k]) end++;
      const filler: PlacedCell = { row: r, column: k, rowSpan: end - r + 1, colSpan: 1, cell: emptyCell(table.size) };
      for (let x = r; x <= end; x++) owner[x]![k] = filler;
      cells.push(filler);
      r = end;
    }
  }
  return Array.from({ length: part.rows }, (_, r) => ({
    cells: cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.column - b.column)
      .map(({ cell: { rowSpan: _r, colSpan: _c, ...cell }, rowSpan, colSpan }) => ({
        ...cell,
        ...(rowSpan > 1 ? { rowSpan } : {}),
        ...(colSpan > 1 ? { colSpan } : {}),
      })),
    cantSplit: true,
  }));
}

interface Cursor {
  /** Height of the page's text area. */
  page: number;
  y: number;
}

function paginateTable(table: Table, cursor: Cursor, ctx: PaginateContext): Table {
  const box = table.cell;
  const headerCount = headerRowCount(table);
  const header = table.rows.slice(0, headerCount);
  const headerGroups = groups({ ...table, rows: header }, 0);
  const headerHeight = box.rule + headerGroups.reduce((h, g) => h + runHeight(g.cells, g.rows, box, ctx.leading), 0);
  const split: SplitContext = {
    table,
    leading: ctx.leading,
    widthOf: (c) => cellWidth(table, c.column, c.colSpan),
    relayout: ctx.relayout,
    continued: (cell) => ctx.continued(cell, table),
  };
  const bottom = cursor.page - FOOT_SLACK;
  const fresh = BREAK_SPACER + headerHeight;
  const rows: TableRow[] = [...header];
  const body = groups(table, headerCount);
  // Rows the template marked cant-split (header-like rows, summary grids) are never split; a row kept with the next
  // (a section heading) moves with it. Known by their first cell, which leads the group they start.
  const cantSplitFirst = new Set(table.rows.filter((r) => r.cantSplit).map((r) => r.cells[0]));
  const keptFirst = new Set(table.rows.filter((r) => r.keepWithNext).map((r) => r.cells[0]));
  let breakNext = false;
  const newPage = () => {
    cursor.y = fresh;
    breakNext = true;
  };
  const place = (part: Part) => {
    const partRowsList = partRows(part, table).map((r, i) => (i === 0 && breakNext ? { ...r, pageBreakBefore: true } : r));
    rows.push(...partRowsList);
    breakNext = false;
    cursor.y += runHeight(part.cells, part.rows, box, ctx.leading);
  };

  // The table starts on a new page when its header and first group do not fit.
  const firstHeight = body[0] ? runHeight(body[0].cells, body[0].rows, box, ctx.leading) : 0;
  if (cursor.y > 0 && cursor.y + headerHeight + Math.min(firstHeight, 3 * table.size * ctx.leading) > bottom) newPage();
  else cursor.y += headerHeight;

  for (const [g, first] of body.entries()) {
    let group = first;
    const cantSplit = cantSplitFirst.has(group.cells[0]?.cell);
    // A row kept with the next needs room for itself and the next group's first lines.
    const next = keptFirst.has(group.cells[0]?.cell) ? body[g + 1] : undefined;
    const withNext = next ? Math.min(runHeight(next.cells, next.rows, box, ctx.leading), 3 * table.size * ctx.leading) : 0;
    for (;;) {
      const height = runHeight(group.cells, group.rows, box, ctx.leading);
      if (cursor.y + height + withNext <= bottom || (withNext && cursor.y <= fresh + 0.001)) {
        place(group);
        break;
      }
      const room = bottom - cursor.y;
      const fitsAPage = height <= bottom - fresh;
      if (cantSplit || (fitsAPage && room < MOVE_BELOW * cursor.page)) {
        if (cursor.y <= fresh + 0.001) {
          place(group); // taller than a page and not to be split: let it run over rather than loop
          break;
        }
        newPage();
        continue;
      }
      const parts = splitGroup(group, room, split);
      if (!parts) {
        if (cursor.y <= fresh + 0.001) {
          place(group);
          break;
        }
        newPage();
        continue;
      }
      place(parts[0]);
      newPage();
      group = parts[1];
    }
  }
  return { ...table, rows };
}

/** Places every block; returns the blocks with their page breaks. */
export function paginate(doc: DocumentModel, ctx: PaginateContext): Block[] {
  const [top, , bottom] = doc.page.margins;
  const cursor: Cursor = { page: pageBox(doc.page.orientation).height - top - bottom, y: 0 };
  const out: Block[] = [];
  const heightOf = (b: Block): number =>
    b.kind === 'paragraph'
      ? paragraphHeight(b, ctx.leading)
      : b.kind === 'frame'
        ? b.blocks.reduce((h, p) => h + paragraphHeight(p, ctx.leading), 0) + (b.spaceAfter ?? 0)
        : 0;
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') {
      out.push(paginateTable(b, cursor, ctx));
      continue;
    }
    // A paragraph kept with the next one moves with it: measure the chain up to the next block's first line.
    let chain = heightOf(b);
    for (let k = i; doc.blocks[k]?.kind === 'paragraph' && (doc.blocks[k] as Paragraph).keepWithNext && doc.blocks[k + 1]; k++) {
      const next = doc.blocks[k + 1]!;
      chain += next.kind === 'table' ? 3 * next.size * ctx.leading : heightOf(next);
    }
    if (cursor.y > 0 && cursor.y + chain > cursor.page - FOOT_SLACK) {
      cursor.y = 0;
      out.push(b.kind === 'paragraph' ? { ...b, pageBreakBefore: true } : b);
    } else out.push(b);
    cursor.y += heightOf(b);
  }
  return out;
}
