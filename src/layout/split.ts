// Splitting what does not fit: a cell's lines at a height, and a table row group (an item with its step sub-rows)
// at the best place for the page: between steps where that fills the page, else between lines, never leaving a
// side with fewer than MIN_LINES lines of its tallest cell, never cutting a kept cell (deadline, basis, executors).
import type { Inline, Paragraph, Table, TableCell } from '../document/types.js';
import { flatText, HYPHEN, SOFT_HYPHEN } from './lines.js';
import { cellHeight, cellLines, lineCount, lineHeight, paragraphHeight, rowHeights, runHeight, type PlacedCell } from './measure.js';

export const MIN_LINES = 3;
/** Lines of a cut paragraph that must stay together at either side of the cut. */
const MIN_PARAGRAPH_PART = 2;

/** Where every line of a paragraph starts, forced breaks included. */
function lineStarts(p: Paragraph): number[] {
  const starts = [...(p.lines ?? [])];
  let offset = 0;
  for (const inline of p.inlines) {
    if (inline.kind === 'text') offset += inline.text.length;
    else if (inline.kind === 'break') starts.push(++offset);
  }
  return starts.sort((a, b) => a - b);
}

function splitInlines(inlines: Inline[], at: number): [Inline[], Inline[]] {
  const before: Inline[] = [];
  const after: Inline[] = [];
  let offset = 0;
  for (const inline of inlines) {
    const length = inline.kind === 'text' ? inline.text.length : inline.kind === 'break' ? 1 : 0;
    if (offset + length <= at) before.push(inline);
    else if (offset >= at) after.push(inline);
    else if (inline.kind === 'text') {
      before.push({ ...inline, text: inline.text.slice(0, at - offset) });
      after.push({ ...inline, text: inline.text.slice(at - offset) });
    }
    offset += length;
  }
  // The break that ended the first part's last line is not needed on either side.
  if (before.at(-1)?.kind === 'break') before.pop();
  const last = before.at(-1);
  if (last?.kind === 'text') {
    const text = last.text.replace(/\s+$/, '');
    before[before.length - 1] = { ...last, text: text.endsWith(SOFT_HYPHEN) ? `${text.slice(0, -1)}${HYPHEN}` : text };
  }
  const first = after[0];
  if (first?.kind === 'text') after[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  return [before, after];
}

export type Relayout = (p: Paragraph, width: number) => Paragraph;

/**
 * The first lines of a cell that fit in `height` (padding included) and the rest; null on a side that gets no line.
 * A paragraph is cut only where both of its parts keep MIN_PARAGRAPH_PART lines.
 */
export function cutCell(
  cell: TableCell,
  height: number,
  table: Table,
  leading: number,
  width: number,
  relayout: Relayout,
): { first: TableCell | null; rest: TableCell | null } {
  if (cellHeight(cell, table.cell, leading) <= height) return { first: cell, rest: null };
  let room = height - 2 * table.cell.padY;
  const first: Paragraph[] = [];
  const rest: Paragraph[] = [];
  for (const p of cell.blocks) {
    if (rest.length) {
      rest.push(p);
      continue;
    }
    const h = paragraphHeight(p, leading);
    if (h <= room) {
      first.push(p);
      room -= h;
      continue;
    }
    const lh = lineHeight(p, leading);
    const count = lineCount(p);
    let fit = Math.floor((room - (p.spaceBefore ?? 0) + 0.001) / lh);
    fit = Math.min(fit, count - MIN_PARAGRAPH_PART);
    if (fit >= MIN_PARAGRAPH_PART) {
      const starts = lineStarts(p);
      let at = starts[fit - 1]!;
      // No word is hyphenated across a page: a word broken at the cut goes whole to the next page.
      const text = flatText(p.inlines);
      if (text[at - 1] === SOFT_HYPHEN) {
        const space = text.lastIndexOf(' ', at - 1);
        if (space + 1 > (starts[fit - 2] ?? 0)) at = space + 1;
      }
      const [a, b] = splitInlines(p.inlines, at);
      first.push(relayout({ ...p, inlines: a, spaceAfter: 0 }, width));
      rest.push(relayout({ ...p, inlines: b, spaceBefore: 0 }, width));
    } else rest.push(p);
  }
  return { first: first.length ? { ...cell, blocks: first } : null, rest: rest.length ? { ...cell, blocks: rest } : null };
}

export interface Part {
  cells: PlacedCell[];
  rows: number;
}

export interface SplitContext {
  table: Table;
  leading: number;
  widthOf(c: PlacedCell): number;
  relayout: Relayout;
  /** The number cell as it reads where the item continues ("11." → "11." + "(давоми)"). */
  continued(cell: TableCell): TableCell;
}

const partHeight = (part: Part, ctx: SplitContext) => runHeight(part.cells, part.rows, ctx.table.cell, ctx.leading);

/** The tallest cell of a part, in lines, not counting the number column. */
const tallest = (part: Part) => Math.max(0, ...part.cells.filter((c) => c.column > 0).map((c) => cellLines(c.cell)));

/**
 * The group split with its first part at most `room` high, or null when no split keeps the rules.
 * `cut` is the number of rows the first part takes whole; `inside` cuts the next row between lines too.
 */
function trySplit(group: Part, cut: number, inside: boolean, room: number, ctx: SplitContext): [Part, Part] | null {
  const heights = rowHeights(group.cells, group.rows, ctx.table.cell, ctx.leading);
  const first: PlacedCell[] = [];
  const second: PlacedCell[] = [];
  const firstRows = inside ? cut + 1 : cut;
  const secondStart = cut;
  const keep = ctx.table.keep ?? [];
  for (const c of group.cells) {
    const end = c.row + c.rowSpan - 1;
    if (end < cut) {
      first.push(c);
      continue;
    }
    if (c.row > cut || (!inside && c.row >= cut)) {
      second.push({ ...c, row: c.row - secondStart });
      continue;
    }
    // The cell crosses the cut.
    const inFirst = firstRows - c.row;
    const inSecond = end - secondStart + 1;
    if (c.column === 0) {
      first.push({ ...c, rowSpan: inFirst });
      second.push({ ...c, row: 0, rowSpan: inSecond, cell: ctx.continued(c.cell) });
      continue;
    }
    let top = 0;
    for (let r = 0; r < c.row; r++) top += heights[r]! + ctx.table.cell.rule;
    const cap = room - top - inFirst * ctx.table.cell.rule;
    if (keep[c.column]) {
      if (cellHeight(c.cell, ctx.table.cell, ctx.leading) <= cap) first.push({ ...c, rowSpan: inFirst });
      else second.push({ ...c, row: 0, rowSpan: inSecond });
      continue;
    }
    const { first: a, rest: b } = cutCell(c.cell, cap, ctx.table, ctx.leading, ctx.widthOf(c), ctx.relayout);
    if (a) first.push({ ...c, rowSpan: inFirst, cell: a });
    if (b) second.push({ ...c, row: 0, rowSpan: inSecond, cell: b });
  }
  const one: Part = { cells: first, rows: firstRows };
  const two: Part = { cells: second, rows: group.rows - secondStart };
  if (!second.some((c) => c.column > 0)) return null;
  if (!first.some((c) => c.column > 0)) return null;
  if (partHeight(one, ctx) > room + 0.001) return null;
  if (tallest(one) < MIN_LINES || tallest(two) < MIN_LINES) return null;
  return [one, two];
}

/**
 * The best split of `group` whose first part fits in `room`: a boundary between sub-rows (steps) when it fills
 * at least 60% of what the best line-level cut would, else the line-level cut that fills the most.
 */
export function splitGroup(group: Part, room: number, ctx: SplitContext): [Part, Part] | null {
  let bestStep: [Part, Part] | null = null;
  let bestLine: [Part, Part] | null = null;
  const height = (s: [Part, Part] | null) => (s ? partHeight(s[0], ctx) : -1);
  // A cut that leaves too little for the next page is tried again a line or two higher.
  const line = ctx.table.size * ctx.leading;
  const attempt = (cut: number, inside: boolean) => {
    for (let less = 0; less <= MIN_LINES; less++) {
      const s = trySplit(group, cut, inside, room - less * line, ctx);
      if (s) return s;
    }
    return null;
  };
  for (let cut = 1; cut < group.rows; cut++) {
    const s = attempt(cut, false);
    if (s && height(s) > height(bestStep)) bestStep = s;
  }
  for (let cut = 0; cut < group.rows; cut++) {
    const s = attempt(cut, true);
    if (s && height(s) > height(bestLine)) bestLine = s;
  }
  if (bestStep && height(bestStep) >= 0.6 * height(bestLine)) return bestStep;
  return bestLine ?? bestStep;
}
