// One page of a table: its header rows (laid out apart at (0, 0) and then placed, as pdfmake placed a repeated
// header), its body rows, and the rules between cells. The arithmetic is pdfmake's (TableProcessor and the
// column context of its LayoutBuilder), so the numbers in the PDF stay what they were: a cell is as wide as its
// column less padding and rule, a row as tall as its tallest cell plus padding, a cell spanning rows lengthens the
// last of them, a vertically centred cell is shifted by half of what its row has to spare.
import { tableGrid, type GridSlot } from '../../document/grid.js';
import type { Table } from '../../document/types.js';
import { held } from '../../memo.js';
import { offsetItems, placeParagraph, type Cursor, type Item } from './page.js';
import type { TextStyle } from './words.js';

const grids = new WeakMap<Table, GridSlot[][]>();

/** The table's grid, worked out once per table: each of a long table's pages is laid out from it. */
export function gridOf(t: Table): GridSlot[][] {
  return held(grids, t, () => tableGrid(t));
}

interface Geometry {
  /** Text width of each column. */
  widths: number[];
  /** What precedes each column's text: the rule and padding on its left (and the padding right of the column before). */
  offsets: number[];
  /** Each column's left rule, relative to the table's left edge (one more: the right edge). */
  lefts: number[];
  /** From each column's left rule to the next (0 after the right edge). */
  spans: number[];
}

function geometry(t: Table): Geometry {
  const { padX, rule } = t.cell;
  const widths = t.columns.map((c) => c - 2 * padX - rule);
  const offsets = widths.map((_, i) => (i === 0 ? 0 : padX) + rule + padX);
  const lefts = [0];
  const spans: number[] = [];
  for (const w of widths) {
    spans.push(padX + padX + rule + w);
    lefts.push(lefts.at(-1)! + spans.at(-1)!);
  }
  spans.push(0);
  return { widths, offsets, lefts, spans };
}

/**
 * The rules of a table page, segment by segment as pdfmake's TableProcessor drew them. `open` counts, column by
 * column, the rows below that a row span still covers (its rowSpanData): no rule is drawn across those.
 */
class Rules {
  private open: number[];
  constructor(
    private t: Table,
    private g: Geometry,
    private grid: GridSlot[][],
    private rowsOf: number[],
  ) {
    this.open = new Array(g.widths.length + 1).fill(0);
  }

  private slot(r: number, c: number): GridSlot | undefined {
    const row = this.rowsOf[r];
    return row === undefined ? undefined : this.grid[row]![c];
  }

  /** The cell that covers (r, c) from above, if (r, c) is covered by a row span. */
  private spanningAbove(r: number, c: number): GridSlot | undefined {
    for (let k = r - 1; k >= 0; k--) {
      const s = this.slot(k, c)!;
      if (s.kind === 'cell') return s;
    }
    return undefined;
  }

  /** The horizontal rule above row `line` (of this page's rows), in segments, one per column or column span. */
  horizontal(line: number, y: number, x: number, items: Item[]): void {
    const { rule } = this.t.cell;
    const n = this.g.widths.length;
    for (let i = 0; i < n; i++) {
      if (this.open[i]) continue;
      const above = line > 0 ? this.slot(line - 1, i) : undefined;
      const below = this.slot(line, i);
      const spanning = above?.kind === 'covered' && above.by === 'row' ? this.spanningAbove(line - 1, i) : undefined;
      const from = spanning?.kind === 'cell' && spanning.column === i ? spanning : above;
      const span = from?.kind === 'cell' && from.colSpan > 1 ? from.colSpan : below?.kind === 'cell' && below.colSpan > 1 ? below.colSpan : 1;
      let width = 0;
      for (let k = 0; k < span; k++) width += this.g.spans[i + k] || 0;
      const left = this.g.lefts[i]!;
      const at = y + rule / 2;
      items.push({ kind: 'rule', x1: left + x, x2: left + width + x, y1: at, y2: at, width: rule });
      i += span - 1;
    }
  }

  /** The vertical rules of row `r` from `top` to `bottom`: left of every cell and at the table's right edge. */
  vertical(r: number, top: number, bottom: number, x: number, items: Item[]): void {
    const { rule } = this.t.cell;
    const n = this.g.widths.length;
    let cols = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n && cols) {
        cols--;
        continue;
      }
      const at = this.g.lefts[i]! + rule / 2 + x;
      items.push({ kind: 'rule', x1: at, x2: at, y1: top, y2: bottom, width: rule });
      if (i < n) {
        const s = this.slot(r, i)!;
        const by = s.kind === 'cell' ? s : s.by === 'row' ? this.spanningAbove(r, i) : undefined;
        cols = (by?.kind === 'cell' && by.column === i ? by.colSpan : 1) - 1;
      }
    }
  }

  /** After row `r`: the row spans it starts are open for the rows below, in every column they cover. */
  endRow(r: number): void {
    this.g.widths.forEach((_, i) => {
      const s = this.slot(r, i)!;
      if (s.kind === 'cell' && s.rowSpan > 1) for (let k = 0; k < s.colSpan; k++) this.open[i + k] = s.rowSpan;
    });
    this.open.forEach((n, i) => n > 0 && this.open[i]!--);
  }
}

/** A vertically aligned cell's shift, known once its row (or the last row it spans) is complete. */
interface Shift {
  item: Extract<Item, { kind: 'shift' }>;
  valign: 'middle' | 'bottom';
  /** The height of the cell's paragraphs. */
  content: number;
  /** The cell's first row: its height and where its content ends. */
  rowHeight: number;
  rowBottom: number;
  /** The cell spans rows: its shift waits for its last row. */
  spansRows: boolean;
}

function setShift(s: Shift, room: number): void {
  s.item.dy = s.valign === 'middle' ? () => -(s.content - room) / 2 : () => -(s.content - room);
}

/** A table page being laid out: what the rows before left for the rows after. */
interface Run {
  t: Table;
  g: Geometry;
  grid: GridSlot[][];
  style: TextStyle;
  /** Where a cell spanning rows ends, for the last row it spans: keyed "row/column" of that row. */
  endings: Map<string, number>;
  /** The shifts of cells spanning rows, keyed as `endings`. */
  spanShifts: Map<string, Shift>;
}

/**
 * The cells of row `r` (grid row `row`) from `at`, column by column, each column starting at the row's top; the
 * row ends at the lowest column end, not counting a cell that spans rows (its end counts in its last row).
 * Returns that end.
 */
function placeCells(run: Run, row: number, r: number, at: Cursor, items: Item[]): number {
  const { g, grid, endings } = run;
  const contentTop = at.y;
  let bottom = contentTop;
  const shifts: Shift[] = [];
  let x = at.x;
  let lastWidth = 0;
  let pendingEnding: string | undefined;
  const endColumn = () => {
    if (pendingEnding) endings.set(pendingEnding, at.y);
    else if (at.y > bottom) bottom = at.y;
    pendingEnding = undefined;
  };
  for (let c = 0; c < g.widths.length; c++) {
    const slot = grid[row]![c]!;
    const start = c;
    let width = g.widths[c]!;
    if (slot.kind === 'cell') for (let k = 1; k < slot.colSpan; k++) width += g.widths[++c]! + g.offsets[c]!;
    endColumn();
    x = x + lastWidth + g.offsets[start]!;
    lastWidth = width;
    at.y = contentTop;
    if (slot.kind === 'cell') {
      const cell: Cursor = { x, y: contentTop, width };
      const valign = slot.cell.valign === 'top' ? undefined : slot.cell.valign;
      const item: Extract<Item, { kind: 'shift' }> = { kind: 'shift', dy: () => 0 };
      if (valign) items.push(item);
      for (const p of slot.cell.blocks) placeParagraph(p, cell, items, run.style);
      if (valign) {
        items.push({ kind: 'end-shift' });
        const shift: Shift = { item, valign, content: cell.y - contentTop, rowHeight: 0, rowBottom: 0, spansRows: slot.rowSpan > 1 };
        if (slot.rowSpan > 1) run.spanShifts.set(`${r + slot.rowSpan - 1}/${start}`, shift);
        shifts.push(shift);
      }
      at.y = cell.y;
      if (slot.rowSpan > 1) pendingEnding = `${r + slot.rowSpan - 1}/${start}`;
    } else if (slot.by === 'row') {
      at.y = endings.get(`${r}/${start}`) ?? at.y;
    }
  }
  endColumn();
  for (const s of shifts) {
    s.rowHeight = bottom - contentTop;
    s.rowBottom = bottom;
    if (!s.spansRows) setShift(s, s.rowHeight);
  }
  return bottom;
}

/**
 * Lays out the page's rows `rowsOf` (indices into the table's rows, the header rows first) at the cursor: cells,
 * then the row's vertical rules and the rule under it. Header rows are laid out apart at (0, 0) and then moved to
 * the cursor, as pdfmake placed them; the table's top rule comes with them or, without header rows, with the
 * first row.
 */
function placeRows(t: Table, rowsOf: number[], headerRows: number, page: Cursor, pageItems: Item[], style: TextStyle): void {
  const { padY, rule } = t.cell;
  const run: Run = { t, g: geometry(t), grid: gridOf(t), style, endings: new Map(), spanShifts: new Map() };
  const rules = new Rules(t, run.g, run.grid, rowsOf);
  let at: Cursor = headerRows ? { x: 0, y: 0, width: page.width } : page;
  let items: Item[] = headerRows ? [] : pageItems;
  if (headerRows) {
    rules.horizontal(0, at.y, at.x, items);
    at.y += rule;
  }
  let tableTop = 0;
  rowsOf.forEach((row, r) => {
    if (r === 0 && !headerRows) {
      tableTop = at.y;
      at.y += rule;
    }
    const rowTop = at.y;
    at.y += padY;
    at.y = placeCells(run, row, r, at, items) + padY;
    const rowBottom = at.y;
    // A cell spanning rows has the room from its first row's top to where the text of its last row may end.
    for (const [key, s] of run.spanShifts) {
      if (!key.startsWith(`${r}/`)) continue;
      const endBottom = rowBottom + rule / 2 - (rule + padY);
      setShift(s, s.rowHeight + endBottom - s.rowBottom);
    }
    if (r === 0 && !headerRows) rules.horizontal(0, tableTop, at.x, items);
    rules.vertical(r, rowTop - rule, rowBottom + rule, at.x, items);
    rules.endRow(r);
    rules.horizontal(r + 1, rowBottom, at.x, items);
    at.y = rowBottom + rule;
    if (r === headerRows - 1) {
      pageItems.push(...offsetItems(items, page.x, page.y));
      page.y += at.y;
      at = page;
      items = pageItems;
    }
  });
}

/** One page of the table at the cursor: its header rows, then the body rows `rows`. Moves the cursor below it. */
export function placeTablePage(t: Table, headerRows: number, rows: number[], at: Cursor, items: Item[], style: TextStyle): void {
  placeRows(t, [...Array.from({ length: headerRows }, (_, r) => r), ...rows], headerRows, at, items, style);
}
