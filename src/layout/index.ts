// Layout: the step between composing a document and writing it. It marks the tokens no line may break,
// hyphenates the narrow columns, breaks every paragraph into lines with the real fonts and decides the page
// breaks, writing all of it into the model, so that both writers only translate what is decided here.
import type { Block, DocumentModel, Inline, Paragraph, Table, TableCell } from '../document/types.js';
import { held, remembered } from '../memo.js';
import { hyphenateText } from '../uz/hyphenate.js';
import { protectTokens } from '../uz/protect.js';
import { styleOf, type FontMetrics } from './fonts.js';
import { breakLines } from './lines.js';
import { cellWidth } from './measure.js';
import { paginate } from './paginate.js';
import { pageBox, tableGrid } from '../document/grid.js';

export interface LayoutOptions {
  metrics: FontMetrics;
  /** The word a continued item's number cell adds on the next page ("давоми"). */
  continued: string;
}

function hyphenated(inlines: Inline[]): Inline[] {
  const state = { quote: null as string | null };
  return inlines.map((i) => (i.kind === 'text' && !i.nowrap ? { ...i, text: hyphenateText(i.text, state) } : i));
}

/**
 * Short paragraphs laid out before in this process, by everything their layout depends on: the same names, dates and
 * numbers fill many cells, and a rebuild after one change has them already. Bounded, for a long `build --watch`.
 */
const prepared = new WeakMap<FontMetrics, Map<string, Paragraph>>();
const MAX_PREPARED = 200_000;
/** Paragraphs with more characters than this are not remembered by their text (see `prepare`). */
const MEMO_TEXT = 160;

function textLength(p: Paragraph): number {
  let n = 0;
  for (const i of p.inlines) if (i.kind === 'text') n += i.text.length;
  return n;
}

function preparedFor(metrics: FontMetrics): Map<string, Paragraph> {
  return held(prepared, metrics, () => new Map());
}

export function layOut(doc: DocumentModel, options: LayoutOptions): DocumentModel {
  const family = doc.font.family;
  const { metrics } = options;
  const relayout = (p: Paragraph, width: number): Paragraph => {
    const { lines, count } = breakLines(p, width, family, metrics);
    const { lines: _old, ...rest } = p;
    return count > 1 && lines.length ? { ...rest, lines } : rest;
  };
  const prepareNow = (p: Paragraph, width: number, hyphenate: boolean): Paragraph => {
    // A token wider than the column cannot stay whole: it breaks where it would without protection.
    const inlines = protectTokens(p.inlines).map((i) =>
      i.kind === 'text' && i.nowrap && metrics.width(i.text, family, styleOf(i), p.size ?? doc.font.size) > width ? { ...i, nowrap: undefined } : i,
    );
    return relayout({ ...p, inlines: hyphenate ? hyphenated(inlines) : inlines }, width);
  };
  // Short paragraphs (names, dates, numbers) recur in many cells of their own; a long one comes with its cell, which
  // layOutOnce remembers, and its text as a key would cost memory and time for nothing.
  const prepare = (p: Paragraph, width: number, hyphenate = false): Paragraph =>
    textLength(p) > MEMO_TEXT
      ? prepareNow(p, width, hyphenate)
      : remembered(
          preparedFor(metrics),
          `${family}\0${doc.font.size}\0${width}\0${hyphenate}\0${JSON.stringify(p)}`,
          () => prepareNow(p, width, hyphenate),
          MAX_PREPARED,
        );
  const [, right, , left] = doc.page.margins;
  const textWidth = pageBox(doc.page.orientation).width - left - right;

  const table = (t: Table): Table => {
    // Each column's geometry worked out once per table, not once per cell.
    const geometries = new Map<number, { width: number; hyphenate: boolean; key: string }>();
    return placeColumns(t, (blocks, col, span) => {
      let geometry = geometries.get(col * 1024 + span);
      if (!geometry) {
        const width = cellWidth(t, col, span);
        const hyphenate = t.hyphenate?.[col] ?? false;
        geometry = { width, hyphenate, key: `${family}\0${doc.font.size}\0${width}\0${hyphenate}` };
        geometries.set(col * 1024 + span, geometry);
      }
      const { width, hyphenate, key } = geometry;
      return layOutOnce(metrics, blocks, key, () => blocks.map((p) => prepare(p, width, hyphenate)));
    });
  };

  const blocks = doc.blocks.map((b): Block => {
    switch (b.kind) {
      case 'paragraph':
        return prepare(b, textWidth - (b.indent ?? 0));
      case 'frame':
        return { ...b, blocks: b.blocks.map((p) => prepare(p, b.width)) };
      case 'table':
        return table(b);
    }
  });
  const laidOut = { ...doc, blocks };
  return {
    ...laidOut,
    blocks: paginate(laidOut, {
      leading: doc.font.leading,
      relayout,
      continued: (cell, t) => {
        // Smaller than the number: the word has to fit the narrow number column.
        const size = Math.round(0.8 * (cell.blocks[0]?.size ?? t.size) * 2) / 2;
        const align = cell.blocks[0]?.align;
        const width = cellWidth(t, 0, cell.colSpan ?? 1);
        // The same few notes at every page break of every document: laid out once.
        const note = remembered(
          preparedFor(metrics),
          `\0continued\0${family}\0${options.continued}\0${size}\0${align}\0${width}`,
          () => relayout({ kind: 'paragraph', inlines: [{ kind: 'text', text: options.continued, italic: true }], size, ...(align ? { align } : {}) }, width),
          MAX_PREPARED,
        );
        return { ...cell, blocks: [...cell.blocks, note] };
      },
    }),
  };
}

/**
 * A cell's paragraphs laid out before in this process, by the composed list itself (src/compose/to-model.ts hands
 * every cell of the same markup the same list, in the plan and in every extract) and what else their layout depends
 * on: the font, the width and hyphenation of the column. Saves the paragraphs' own keys (their text as JSON).
 */
const laidOutCells = new WeakMap<FontMetrics, WeakMap<Paragraph[], Map<string, Paragraph[]>>>();

function layOutOnce(metrics: FontMetrics, blocks: Paragraph[], geometry: string, make: () => Paragraph[]): Paragraph[] {
  const byList = held(laidOutCells, metrics, () => new WeakMap<Paragraph[], Map<string, Paragraph[]>>());
  return held(
    held(byList, blocks, () => new Map<string, Paragraph[]>()),
    geometry,
    make,
  );
}

/** Lays out every cell's paragraphs at the width of the columns the cell really covers. */
function placeColumns(t: Table, lay: (blocks: Paragraph[], column: number, span: number) => Paragraph[]): Table {
  const grid = tableGrid(t);
  const columnOf = new Map<TableCell, { column: number; span: number }>();
  for (const row of grid) for (const slot of row) if (slot.kind === 'cell') columnOf.set(slot.cell, { column: slot.column, span: slot.colSpan });
  return {
    ...t,
    rows: t.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => {
        const at = columnOf.get(cell)!;
        return { ...cell, blocks: lay(cell.blocks, at.column, at.span) };
      }),
    })),
  };
}
