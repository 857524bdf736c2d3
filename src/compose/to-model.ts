// Markup element tree → document model. Attribute values are the template's, so a wrong one is a template error.
import { pageBox, scaleWidths } from '../document/grid.js';
import type { Align, Block, CellBox, DocumentModel, Frame, Inline, Paragraph, Table, TableCell, TableRow, VAlign } from '../document/types.js';
import { MarkupError, type Element, type MarkupNode } from './markup.js';

function num(el: Element, name: string): number | undefined {
  const v = el.attrs[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new MarkupError(`<${el.name} ${name}="${v}">: expected a number`, el.line);
  return n;
}

function oneOf<T extends string>(el: Element, name: string, allowed: readonly T[]): T | undefined {
  const v = el.attrs[name];
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new MarkupError(`<${el.name} ${name}="${v}">: expected one of ${allowed.join(', ')}`, el.line);
  return v as T;
}

const flag = (el: Element, name: string) => name in el.attrs;
const ALIGN = ['left', 'center', 'right', 'justify'] as const;

function elements(el: Element, allowed: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (child.trim()) throw new MarkupError(`text "${child.trim().slice(0, 30)}" directly inside <${el.name}>, expected it inside <p>`, el.line);
      continue;
    }
    if (!allowed.includes(child.name))
      throw new MarkupError(`<${child.name}> inside <${el.name}>, expected ${allowed.map((a) => `<${a}>`).join(', ')}`, child.line);
    out.push(child);
  }
  return out;
}

/** `style.footer`: the paragraph is in the page footer, the only place a page number means something in both writers. */
function inlines(nodes: MarkupNode[], style: { bold?: boolean; italic?: boolean; footer?: boolean }, out: Inline[]): Inline[] {
  for (const node of nodes) {
    if (typeof node === 'string') {
      const text = node.replace(/\s+/g, ' ');
      if (text) out.push({ kind: 'text', text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}) });
      continue;
    }
    switch (node.name) {
      case 'b':
        inlines(node.children, { ...style, bold: true }, out);
        break;
      case 'i':
        inlines(node.children, { ...style, italic: true }, out);
        break;
      case 'br':
        out.push({ kind: 'break' });
        break;
      case 'page-number':
      case 'page-count':
        // The PDF writer knows the page only while it draws the footer; in the body it would print nothing.
        if (!style.footer) throw new MarkupError(`<${node.name}/> outside <footer>, expected page numbers only in the page footer`, node.line);
        out.push({ kind: node.name });
        break;
      default:
        throw new MarkupError(`<${node.name}> inside a paragraph, expected text, <b>, <i>, <br/>, <page-number/> or <page-count/>`, node.line);
    }
  }
  return out;
}

/** Collapses white space the way HTML does: no space at the edges of a paragraph or around a line break. */
function tidy(list: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of list) {
    const prev = merged[merged.length - 1];
    if (inline.kind === 'text' && prev?.kind === 'text' && prev.bold === inline.bold && prev.italic === inline.italic) {
      merged[merged.length - 1] = { ...prev, text: (prev.text + inline.text).replace(/ {2,}/g, ' ') };
    } else merged.push(inline);
  }
  return merged
    .map((inline, i) => {
      if (inline.kind !== 'text') return inline;
      let text = inline.text;
      const before = merged[i - 1];
      const after = merged[i + 1];
      if (!before || before.kind === 'break' || (before.kind === 'text' && before.text.endsWith(' '))) text = text.replace(/^ /, '');
      if (!after || after.kind === 'break') text = text.replace(/ $/, '');
      return { ...inline, text };
    })
    .filter((inline) => inline.kind !== 'text' || inline.text !== '');
}

function paragraph(el: Element, inherited: { bold?: boolean; footer?: boolean } = {}): Paragraph {
  const style = { bold: inherited.bold || flag(el, 'bold'), italic: flag(el, 'italic'), footer: inherited.footer };
  const p: Paragraph = { kind: 'paragraph', inlines: tidy(inlines(el.children, style, [])) };
  const align = oneOf<Align>(el, 'align', ALIGN);
  if (align) p.align = align;
  const size = num(el, 'size');
  if (size !== undefined) p.size = size;
  const before = num(el, 'space-before');
  if (before !== undefined) p.spaceBefore = before;
  const after = num(el, 'space-after');
  if (after !== undefined) p.spaceAfter = after;
  const indent = num(el, 'indent');
  if (indent !== undefined) p.indent = indent;
  if (flag(el, 'keep-with-next')) p.keepWithNext = true;
  return p;
}

/**
 * Cells read before in this process, by the table's size and the cell's markup: a cell is made from its own markup
 * alone, and the extracts repeat the plan's cells word for word. Each use gets its own cell object (a table tells
 * its cells apart by identity) around the one `blocks` list, by which the layout knows it laid them out before.
 */
const cells = new Map<string, TableCell>();
const MAX_CELLS = 200_000;

function sharedCell(el: Element, size: number, source: string | undefined): TableCell {
  if (source === undefined || el.start === undefined || el.end === undefined) return cell(el, size);
  const key = `${size}\0${source.slice(el.start, el.end)}`;
  let known = cells.get(key);
  if (!known) {
    // Copies of the key and of the cell's texts: a slice of the rendered markup would keep the whole document alive.
    known = structuredClone(cell(el, size));
    if (cells.size >= MAX_CELLS) cells.clear();
    cells.set(JSON.parse(JSON.stringify(key)) as string, known);
  }
  return { ...known };
}

/** A cell holds paragraphs; bare text in a cell is one paragraph. Each paragraph takes the cell's alignment and the table's size unless it sets its own. */
function cell(el: Element, size: number): TableCell {
  const hasBlocks = el.children.some((c) => typeof c !== 'string');
  const align = oneOf<Align>(el, 'align', ALIGN);
  const blocks = (hasBlocks ? elements(el, ['p']).map((p) => paragraph(p, { bold: flag(el, 'bold') })) : [paragraph(el)]).map((p) => ({
    ...p,
    size: p.size ?? size,
    ...(align && !p.align ? { align } : {}),
  }));
  const c: TableCell = { blocks };
  const rowSpan = num(el, 'rowspan');
  if (rowSpan && rowSpan > 1) c.rowSpan = rowSpan;
  const colSpan = num(el, 'colspan');
  if (colSpan && colSpan > 1) c.colSpan = colSpan;
  if (align) c.align = align;
  const valign = oneOf<VAlign>(el, 'valign', ['top', 'middle', 'bottom']);
  if (valign) c.valign = valign;
  return c;
}

function numbers(el: Element, name: string): number[] | undefined {
  const v = el.attrs[name];
  if (v === undefined) return undefined;
  const list = v.trim().split(/\s+/).map(Number);
  if (list.some((n) => !Number.isFinite(n))) throw new MarkupError(`<${el.name} ${name}="${v}">: expected numbers separated by spaces`, el.line);
  return list;
}

/** `hyphenate="2 3 6"`: 1-based column numbers → one flag per column. */
function columnFlags(el: Element, name: string, columns: number): boolean[] | undefined {
  const list = numbers(el, name);
  if (!list) return undefined;
  if (list.some((n) => !Number.isInteger(n) || n < 1 || n > columns))
    throw new MarkupError(`<table ${name}="${el.attrs[name]}">: expected column numbers from 1 to ${columns}`, el.line);
  return Array.from({ length: columns }, (_, i) => list.includes(i + 1));
}

/** Relative widths become points, rounded to whole twips (1/20 pt) so that the DOCX can hold them exactly. */
function columnWidths(widths: number[], textWidth: number): number[] {
  return scaleWidths(widths, Math.round(textWidth * 20)).map((w) => w / 20);
}

function table(el: Element, textWidth: number, fontSize: number, source: string | undefined): Table {
  const widths = numbers(el, 'widths') ?? [];
  if (!widths.length || widths.some((w) => !(w > 0))) throw new MarkupError('<table> needs widths="…", positive numbers, one per column', el.line);
  const size = num(el, 'size') ?? fontSize;
  const rows: TableRow[] = elements(el, ['tr']).map((tr) => {
    const row: TableRow = { cells: elements(tr, ['td']).map((td) => sharedCell(td, size, source)) };
    if (flag(tr, 'header')) row.header = true;
    if (flag(tr, 'cant-split')) row.cantSplit = true;
    if (flag(tr, 'keep-with-next')) row.keepWithNext = true;
    return row;
  });
  const [padX = 4, padY = 2] = numbers(el, 'padding') ?? [];
  const box: CellBox = { padX, padY, rule: num(el, 'rule') ?? 0.6 };
  const t: Table = { kind: 'table', columns: columnWidths(widths, textWidth), cell: box, rows, size };
  const hyphenate = columnFlags(el, 'hyphenate', widths.length);
  if (hyphenate) t.hyphenate = hyphenate;
  const keep = columnFlags(el, 'keep', widths.length);
  if (keep) t.keep = keep;
  checkGrid(t, el);
  return t;
}

/** Every row must fill exactly the table's columns once spans are counted, so writers never guess. */
function checkGrid(t: Table, el: Element): void {
  const covered: number[] = new Array(t.columns.length).fill(0);
  t.rows.forEach((row, r) => {
    let col = 0;
    for (const c of row.cells) {
      while (col < covered.length && covered[col]! > 0) col++;
      const span = c.colSpan ?? 1;
      for (let k = 0; k < span; k++) {
        if (col + k >= covered.length) throw new MarkupError(`row ${r + 1} of the table has more cells than its ${t.columns.length} columns`, el.line);
        covered[col + k] = c.rowSpan ?? 1;
      }
      col += span;
    }
    while (col < covered.length && covered[col]! > 0) col++;
    if (col < covered.length) throw new MarkupError(`row ${r + 1} of the table fills ${col} of its ${t.columns.length} columns`, el.line);
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, covered[k]! - 1);
  });
  if (covered.some((c) => c > 0)) throw new MarkupError('a rowspan reaches past the last row of the table', el.line);
}

function frame(el: Element): Frame {
  const width = num(el, 'width');
  if (!width) throw new MarkupError('<frame> needs width="…" in points', el.line);
  const f: Frame = {
    kind: 'frame',
    align: oneOf(el, 'align', ['left', 'center', 'right'] as const) ?? 'right',
    width,
    blocks: elements(el, ['p']).map((p) => paragraph(p)),
  };
  const after = num(el, 'space-after');
  if (after !== undefined) f.spaceAfter = after;
  return f;
}

function block(el: Element, textWidth: number, fontSize: number, source: string | undefined): Block {
  if (el.name === 'p') return paragraph(el);
  if (el.name === 'table') return table(el, textWidth, fontSize, source);
  return frame(el);
}

/** The root holds one <document> with <meta>, <page>, <font>, then blocks and an optional <footer>. */
export function toModel(root: Element): DocumentModel {
  const [doc] = elements(root, ['document']);
  if (!doc) throw new MarkupError('no <document> element', 1);
  const children = elements(doc, ['meta', 'page', 'font', 'p', 'table', 'frame', 'footer']);
  const find = (name: string) => {
    const el = children.find((c) => c.name === name);
    if (!el) throw new MarkupError(`<document> needs a <${name}/>`, doc.line);
    return el;
  };
  const meta = find('meta');
  const page = find('page');
  const font = find('font');
  const margins = (page.attrs.margins ?? '').trim().split(/\s+/).map(Number);
  if (margins.length !== 4 || margins.some((m) => !(m >= 0))) throw new MarkupError('<page margins="top right bottom left"> in points', page.line);
  const footer = children.find((c) => c.name === 'footer');
  const orientation = oneOf(page, 'orientation', ['portrait', 'landscape'] as const) ?? 'portrait';
  const textWidth = pageBox(orientation).width - margins[1]! - margins[3]!;
  const fontSize = num(font, 'size') ?? 12;
  const model: DocumentModel = {
    meta: {
      title: meta.attrs.title ?? '',
      author: meta.attrs.author ?? '',
      date: meta.attrs.date ?? '',
      language: meta.attrs.lang ?? '',
      ...(meta.attrs.subject ? { subject: meta.attrs.subject } : {}),
    },
    page: {
      size: 'A4',
      orientation,
      margins: margins as [number, number, number, number],
      footerDistance: num(page, 'footer') ?? margins[2]! / 3,
    },
    font: { family: font.attrs.family ?? 'Times New Roman', size: fontSize, leading: num(font, 'leading') ?? 1.15 },
    blocks: children.filter((c) => ['p', 'table', 'frame'].includes(c.name)).map((c) => block(c, textWidth, fontSize, root.source)),
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(model.meta.date))
    throw new MarkupError('<meta date="YYYY-MM-DD"> is required: documents take their date from the content', meta.line);
  if (footer) model.footer = elements(footer, ['p']).map((p) => paragraph(p, { footer: true }));
  return withSizes(model);
}

/** Every paragraph outside a table states its size (a table's paragraphs took the table's). */
function withSizes(model: DocumentModel): DocumentModel {
  const sized = (p: Paragraph): Paragraph => (p.size ? p : { ...p, size: model.font.size });
  const blocks = model.blocks.map((b): Block => (b.kind === 'paragraph' ? sized(b) : b.kind === 'frame' ? { ...b, blocks: b.blocks.map(sized) } : b));
  return { ...model, blocks, ...(model.footer ? { footer: model.footer.map(sized) } : {}) };
}
