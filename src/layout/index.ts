// Layout: the step between composing a document and writing it. It marks the tokens no line may break,
// hyphenates the narrow columns, breaks every paragraph into lines with the real fonts and decides the page
// breaks, writing all of it into the model, so that both writers only translate what is decided here.
import type { Block, DocumentModel, Inline, Paragraph, Table, TableCell } from '../document/types.js';
import { remembered } from '../memo.js';
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
 * Paragraphs laid out before in this process, by everything their layout depends on: an extract's rows are the
 * plan's rows, and a rebuild after one change has the others already. Bounded, for a long `build --watch`.
 */
const prepared = new WeakMap<FontMetrics, Map<string, Paragraph>>();
const MAX_PREPARED = 200_000;

function preparedFor(metrics: FontMetrics): Map<string, Paragraph> {
  let known = prepared.get(metrics);
  if (!known) prepared.set(metrics, (known = new Map()));
  return known;
}

export function layOut(doc: DocumentModel, options: LayoutOptions): DocumentModel {
  const family = doc.font.family;
  const { metrics } = options;
  const relayout = (p: Paragraph, width: number): Paragraph => {
    const { lines, count } = breakLines(p, width, family, metrics);
    const { lines: _old, ...rest } = p;
    return count > 1 && lines.length ? { ...rest, lines } : rest;
  };
  const prepare = (p: Paragraph, width: number, hyphenate = false): Paragraph =>
    remembered(
      preparedFor(metrics),
      `${family}\0${doc.font.size}\0${width}\0${hyphenate}\0${JSON.stringify(p)}`,
      () => {
        // A token wider than the column cannot stay whole: it breaks where it would without protection.
        const inlines = protectTokens(p.inlines).map((i) =>
          i.kind === 'text' && i.nowrap && metrics.width(i.text, family, styleOf(i), p.size ?? doc.font.size) > width ? { ...i, nowrap: undefined } : i,
        );
        return relayout({ ...p, inlines: hyphenate ? hyphenated(inlines) : inlines }, width);
      },
      MAX_PREPARED,
    );
  const [, right, , left] = doc.page.margins;
  const textWidth = pageBox(doc.page.orientation).width - left - right;

  const table = (t: Table): Table => placeColumns(t, (p, col, span) => prepare(p, cellWidth(t, col, span), t.hyphenate?.[col] ?? false));

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
        const note: Paragraph = {
          kind: 'paragraph',
          inlines: [{ kind: 'text', text: options.continued, italic: true }],
          size,
          ...(cell.blocks[0]?.align ? { align: cell.blocks[0].align } : {}),
        };
        return { ...cell, blocks: [...cell.blocks, relayout(note, cellWidth(t, 0, cell.colSpan ?? 1))] };
      },
    }),
  };
}

/** Lays out every cell's paragraphs at the width of the columns the cell really covers. */
function placeColumns(t: Table, lay: (p: Paragraph, column: number, span: number) => Paragraph): Table {
  const grid = tableGrid(t);
  const columnOf = new Map<TableCell, { column: number; span: number }>();
  for (const row of grid) for (const slot of row) if (slot.kind === 'cell') columnOf.set(slot.cell, { column: slot.column, span: slot.colSpan });
  return {
    ...t,
    rows: t.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => {
        const at = columnOf.get(cell)!;
        return { ...cell, blocks: cell.blocks.map((p) => lay(p, at.column, at.span)) };
      }),
    })),
  };
}
