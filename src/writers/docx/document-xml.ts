// The document model as WordprocessingML: word/document.xml and the footer part, written as strings element by
// element, in the markup (element and attribute order included) that the docx package wrote for the same model.
import { BREAK_SPACER, pageBox, tableGrid, tablePages, type GridSlot } from '../../document/grid.js';
import type { Align, Block, DocumentModel, Frame, Inline, Paragraph, Table, TableCell, VAlign } from '../../document/types.js';
import { FOOTER_ID } from './package-parts.js';
import { DECLARATION, escapeXml, IGNORABLE, STANDALONE, WORD_NAMESPACES, type XmlPiece } from './xml.js';

/** WordprocessingML measures lengths in twentieths of a point (twips) and font sizes in half-points. */
export const twips = (points: number) => Math.round(points * 20);
export const halfPoints = (points: number) => Math.round(points * 2);

const JUSTIFICATION: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };
const VERTICAL: Record<VAlign, string> = { top: '', middle: '<w:vAlign w:val="center"/>', bottom: '<w:vAlign w:val="bottom"/>' };

/** The run properties (w:rPr) of a run: bold, italic, size; nothing when it has none. */
function runProperties(bold: boolean | undefined, italic: boolean | undefined, size: number | undefined): string {
  const b = bold === undefined ? '' : bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  const i = italic === undefined ? '' : italic ? '<w:i/><w:iCs/>' : '<w:i w:val="false"/><w:iCs w:val="false"/>';
  const sz = size === undefined ? '' : `<w:sz w:val="${size}"/>` + (size ? `<w:szCs w:val="${size}"/>` : '');
  const all = b + i + sz;
  return all && `<w:rPr>${all}</w:rPr>`;
}

/** A run: its properties, then its content; an element without either is written empty. */
const run = (properties: string, content: string) => (properties || content ? `<w:r>${properties}${content}</w:r>` : '<w:r/>');

const text = (t: string) => `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`;

/**
 * A run's text as Word's pieces: soft hyphens as optional hyphens (w:softHyphen); in an unbreakable run (an act
 * code, a date) no-break spaces and non-breaking hyphens (w:noBreakHyphen), which Word and LibreOffice never break at.
 */
function textContent(t: string, nowrap: boolean): string {
  // A dash may be broken after by Word and LibreOffice: a word joiner (U+2060) after it holds it to the next letter.
  const source = nowrap ? t.replace(/ /g, '\u00A0').replace(/([–—\/])/g, '\u2060$1\u2060') : t;
  let out = '';
  for (const piece of source.split(nowrap ? /(\u00AD|-)/ : /(\u00AD)/)) {
    if (piece === '\u00AD') out += '<w:softHyphen/>';
    else if (piece === '-' && nowrap) out += '<w:noBreakHyphen/>';
    else if (piece) out += text(piece);
  }
  return out;
}

/** A field Word fills in (the page number, the page count): begin, instruction, separator, end, each a run of its own. */
function field(instruction: string, properties: string): string {
  return [
    '<w:fldChar w:fldCharType="begin"/>',
    `<w:instrText xml:space="preserve">${instruction}</w:instrText>`,
    '<w:fldChar w:fldCharType="separate"/>',
    '<w:fldChar w:fldCharType="end"/>',
  ]
    .map((part) => run(properties, part))
    .join('');
}

function inline(i: Inline, size: number | undefined): string {
  switch (i.kind) {
    case 'text':
      return run(runProperties(i.bold, i.italic, size), textContent(i.text, i.nowrap ?? false));
    case 'break':
      return run(runProperties(undefined, undefined, size), '<w:br/>');
    case 'page-number':
      return field('PAGE', runProperties(undefined, undefined, size));
    case 'page-count':
      return field('NUMPAGES', runProperties(undefined, undefined, size));
  }
}

/**
 * Exactly the model's distance between lines (lineRule exact), as the PDF sets it, so both paginate alike; space
 * before and after always written, 0 included.
 */
const spacing = (before: number, after: number, line: number) =>
  `<w:spacing w:after="${twips(after)}" w:before="${twips(before)}" w:line="${twips(line)}" w:lineRule="exact"/>`;

/**
 * A table cell's paragraphs written before in this process, as UTF-8, by the paragraph object and the leading: the
 * layout hands the plan and every extract the same laid-out paragraph for the same cell text (src/layout/index.ts),
 * and a model is not changed once laid out. Kept as bytes, a table page is put together without encoding its text
 * again. A Map, not a WeakMap (a large WeakMap costs every garbage collection), so it is bounded by the bytes it
 * holds: the pieces of a row split across a page are new objects in every build, and a long `build --watch` would
 * otherwise pile them up.
 */
const written = new Map<Paragraph, { leading: number; xml: Uint8Array }>();
const MAX_WRITTEN_BYTES = 32 * 1024 * 1024;
let writtenBytes = 0;
const encoder = new TextEncoder();

function paragraphBytes(p: Paragraph, leading: number): Uint8Array {
  const known = written.get(p);
  if (known?.leading === leading) return known.xml;
  const xml = encoder.encode(paragraph(p, leading));
  if (writtenBytes + xml.length > MAX_WRITTEN_BYTES) {
    written.clear();
    writtenBytes = 0;
  }
  written.set(p, { leading, xml });
  writtenBytes += xml.length;
  return xml;
}

class Pieces {
  readonly list: XmlPiece[] = [];
  private text = '';
  add(text: string): void {
    this.text += text;
  }
  addBytes(bytes: Uint8Array): void {
    if (this.text) this.list.push(this.text);
    this.text = '';
    this.list.push(bytes);
  }
  /** Everything added, the text last. */
  done(): XmlPiece[] {
    if (this.text) this.list.push(this.text);
    this.text = '';
    return this.list;
  }
}

/** A paragraph (w:p); `indent` (a frame's) takes the place of the paragraph's own first-line indent. */
function paragraph(p: Paragraph, leading: number, indent?: string): string {
  const size = p.size ? halfPoints(p.size) : undefined;
  const properties =
    (p.keepWithNext ? '<w:keepNext/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    spacing(p.spaceBefore ?? 0, p.spaceAfter ?? 0, (p.size ?? 12) * leading) +
    (indent ?? (p.indent ? `<w:ind w:firstLine="${twips(p.indent)}"/>` : '')) +
    (p.align ? `<w:jc w:val="${JUSTIFICATION[p.align]}"/>` : '');
  let runs = '';
  for (const i of p.inlines) runs += inline(i, size);
  return `<w:p><w:pPr>${properties}</w:pPr>${runs}</w:p>`;
}

/**
 * An empty paragraph `height` points high (an empty 1 pt run, exact line height). Word needs one between two
 * tables, or it joins them into one, and one after a table that ends the document; at 1 pt that one cannot spill
 * onto a page of its own.
 */
const spacer = (height: number, pageBreakBefore: boolean) =>
  `<w:p><w:pPr>${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}${spacing(0, 0, height)}</w:pPr>` +
  `${run(runProperties(undefined, undefined, halfPoints(1)), text(''))}</w:p>`;

/** A frame becomes paragraphs indented to its side of the page. */
function frame(f: Frame, textWidth: number, leading: number): string {
  const free = Math.max(0, textWidth - f.width);
  const indent =
    f.align === 'right'
      ? `<w:ind w:left="${twips(free)}"/>`
      : f.align === 'center'
        ? `<w:ind w:left="${twips(free / 2)}" w:right="${twips(free / 2)}"/>`
        : `<w:ind w:right="${twips(free)}"/>`;
  return f.blocks
    .map((p, i) => {
      const last = i === f.blocks.length - 1;
      return paragraph(last && f.spaceAfter ? { ...p, spaceAfter: (p.spaceAfter ?? 0) + f.spaceAfter } : p, leading, indent);
    })
    .join('');
}

/** A cell's properties (w:tcPr): its width in twips (the columns it spans), span, vertical merge, vertical alignment. */
function cellProperties(width: number, colSpan: number, merge: '' | 'restart' | 'continue', valign: VAlign | undefined): string {
  return (
    `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
    (colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '') +
    (merge ? `<w:vMerge w:val="${merge}"/>` : '') +
    (valign ? VERTICAL[valign] : '') +
    '</w:tcPr>'
  );
}

/** A cell (w:tc). Word wants every cell to end with a paragraph, so an empty one gets an empty paragraph. */
function cell(out: Pieces, c: TableCell, width: number, colSpan: number, rowSpan: number, leading: number): void {
  out.add(`<w:tc>${cellProperties(width, colSpan, rowSpan > 1 ? 'restart' : '', c.valign)}`);
  if (!c.blocks.length) out.add('<w:p/>');
  for (const p of c.blocks) out.addBytes(paragraphBytes(p, leading));
  out.add('</w:tc>');
}

/**
 * A cell that a vertically merged cell from a row above covers: Word wants one in every row of the merge, marked as
 * continuing it, empty, with the merged cell's width, span, vertical alignment and its last paragraph's justification.
 */
function mergedCell(c: TableCell, width: number, colSpan: number): string {
  const align = c.blocks.at(-1)?.align;
  const content = align ? `<w:p><w:pPr><w:jc w:val="${JUSTIFICATION[align]}"/></w:pPr></w:p>` : '<w:p/>';
  return `<w:tc>${cellProperties(width, colSpan, 'continue', c.valign)}${content}</w:tc>`;
}

/** A cell merged down from a row above, and how many rows below this one it still covers. */
type Merge = { slot: Extract<GridSlot, { kind: 'cell' }>; rows: number };

/** What every row of a table needs: the column widths in twips and the distance between lines. */
interface TableContext {
  widths: number[];
  leading: number;
}

/** A row (w:tr); `merges` carries the cells merged down from the rows above in this same Word table. */
function row(out: Pieces, t: Table, slots: GridSlot[], r: number, merges: (Merge | undefined)[], { widths, leading }: TableContext): void {
  const spanWidth = (column: number, span: number) => widths.slice(column, column + span).reduce((a, b) => a + b, 0);
  const cells = new Pieces();
  slots.forEach((slot, column) => {
    if (slot.kind === 'cell') {
      cell(cells, slot.cell, spanWidth(column, slot.colSpan), slot.colSpan, slot.rowSpan, leading);
      for (let k = 0; k < slot.colSpan; k++) merges[column + k] = slot.rowSpan > 1 && k === 0 ? { slot, rows: slot.rowSpan - 1 } : undefined;
    } else if (slot.by === 'row') {
      const merge = merges[column];
      if (merge && merge.rows > 0) {
        cells.add(mergedCell(merge.slot.cell, spanWidth(column, merge.slot.colSpan), merge.slot.colSpan));
        merge.rows--;
      }
    }
  });
  // A row without any cell is left out, as docx did.
  const content = cells.done();
  if (!content.length) return;
  const { cantSplit, header } = t.rows[r]!;
  const properties = (cantSplit ? '<w:cantSplit/>' : '') + (header ? '<w:tblHeader/>' : '');
  out.add(`<w:tr>${properties && `<w:trPr>${properties}</w:trPr>`}`);
  for (const piece of content) {
    if (typeof piece === 'string') out.add(piece);
    else out.addBytes(piece);
  }
  out.add('</w:tr>');
}

/** The table's properties (w:tblPr): fixed layout at the columns' width, single rules all round, the cell padding. */
function tableProperties(t: Table, widths: number[]): string {
  const { padX, padY, rule } = t.cell;
  const border = `w:val="single" w:color="000000" w:sz="${Math.round(rule * 8)}"`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${border}/>`).join('');
  const [y, x] = [twips(padY), twips(padX)];
  return (
    `<w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>${borders}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${y}"/><w:left w:type="dxa" w:w="${x}"/><w:bottom w:type="dxa" w:w="${y}"/><w:right w:type="dxa" w:w="${x}"/></w:tblCellMar>` +
    '</w:tblPr>'
  );
}

/**
 * A table as one Word table (w:tbl) per page the layout gave it, each with the header rows again, a page break
 * between; given page by page.
 */
function* table(t: Table, leading: number): Generator<XmlPiece[]> {
  const context: TableContext = { widths: t.columns.map(twips), leading };
  const grid = tableGrid(t);
  const head = tableProperties(t, context.widths) + `<w:tblGrid>${context.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const { headerRows, pages, newPageFirst } = tablePages(t);
  const header = Array.from({ length: headerRows }, (_, r) => r);
  for (const [i, body] of pages.entries()) {
    const merges: (Merge | undefined)[] = [];
    const out = new Pieces();
    out.add((i > 0 || newPageFirst ? spacer(BREAK_SPACER, true) : '') + `<w:tbl>${head}`);
    for (const r of [...header, ...body]) row(out, t, grid[r]!, r, merges, context);
    out.add('</w:tbl>');
    yield out.done();
  }
}

function* block(b: Block, textWidth: number, leading: number): Generator<XmlPiece[]> {
  switch (b.kind) {
    case 'paragraph':
      yield [paragraph(b, leading)];
      break;
    case 'frame':
      yield [frame(b, textWidth, leading)];
      break;
    case 'table':
      yield* table(b, leading);
  }
}

/** The section's properties (w:sectPr): footer, A4 in the model's orientation, margins (header at a third of the top). */
function sectionProperties(doc: DocumentModel): string {
  const [top, right, bottom, left] = doc.page.margins;
  const { width, height } = pageBox(doc.page.orientation);
  return (
    '<w:sectPr>' +
    (doc.footer ? `<w:footerReference w:type="default" r:id="${FOOTER_ID}"/>` : '') +
    `<w:pgSz w:w="${twips(width)}" w:h="${twips(height)}" w:orient="${doc.page.orientation}"/>` +
    `<w:pgMar w:top="${twips(top)}" w:right="${twips(right)}" w:bottom="${twips(bottom)}" w:left="${twips(left)}"` +
    ` w:header="${twips(top / 3)}" w:footer="${twips(doc.page.footerDistance)}" w:gutter="0"/>` +
    '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/** The extra namespaces docx declares on w:document (charts, ink, 3D models, newer Word markup). */
const DOCUMENT_NAMESPACES = [
  WORD_NAMESPACES,
  'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"',
  'xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"',
  'xmlns:cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex"',
  'xmlns:cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex"',
  'xmlns:cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex"',
  'xmlns:cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex"',
  'xmlns:cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex"',
  'xmlns:cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex"',
  'xmlns:cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex"',
  'xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink"',
  'xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d"',
  'xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"',
  'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"',
  'xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml"',
  'xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash"',
  'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"',
].join(' ');

/**
 * word/document.xml: the blocks, the trailing 1 pt paragraph, the section properties. Given in pieces, block by
 * block and a table page by page, so that a long plan's markup is never all held as one text (two bytes a character
 * for Cyrillic) and as its nested parts at once: each piece can be encoded and dropped.
 */
export function* documentXml(doc: DocumentModel): Generator<XmlPiece[]> {
  const [, right, , left] = doc.page.margins;
  const textWidth = pageBox(doc.page.orientation).width - left - right;
  yield [`${STANDALONE}<w:document ${IGNORABLE} ${DOCUMENT_NAMESPACES}><w:body>`];
  for (const b of doc.blocks) yield* block(b, textWidth, doc.font.leading);
  yield [spacer(1, false) + sectionProperties(doc) + '</w:body></w:document>'];
}

/** word/footer1.xml: the footer's paragraphs. */
export function footerXml(footer: Paragraph[], leading: number): string {
  const content = footer.map((p) => paragraph(p, leading)).join('');
  return `${DECLARATION}<w:ftr ${WORD_NAMESPACES}` + (content ? `>${content}</w:ftr>` : '/>');
}
