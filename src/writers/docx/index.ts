// DocumentModel → DOCX bytes with docx. Names the model's font family (Times New Roman); embeds no font.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  SoftHyphen,
  Table as DocxTable,
  TableCell as DocxCell,
  TableLayoutType,
  TableRow as DocxRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { A4, BREAK_SPACER, pageBox, tableGrid, tablePages } from '../../document/grid.js';
import type { Align, Block, DocumentModel, Frame, Inline, Paragraph, Table } from '../../document/types.js';
import { coreXml } from './core-xml.js';
import { setZipDates } from './zip-dates.js';

const twips = (points: number) => Math.round(points * 20);
const halfPoints = (points: number) => Math.round(points * 2);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/**
 * A run's text as Word's pieces: soft hyphens as optional hyphens; in an unbreakable run (an act code, a date)
 * no-break spaces and non-breaking hyphens, which Word and LibreOffice never break at.
 */
function textPieces(text: string, nowrap: boolean): (string | SoftHyphen | NoBreakHyphen)[] {
  const out: (string | SoftHyphen | NoBreakHyphen)[] = [];
  // A dash may be broken after by Word and LibreOffice: a word joiner (U+2060) after it holds it to the next letter.
  const source = nowrap ? text.replace(/ /g, '\u00A0').replace(/([–—\/])/g, '\u2060$1\u2060') : text;
  for (const piece of source.split(nowrap ? /(\u00AD|-)/ : /(\u00AD)/)) {
    if (piece === '\u00AD') out.push(new SoftHyphen());
    else if (piece === '-' && nowrap) out.push(new NoBreakHyphen());
    else if (piece) out.push(piece);
  }
  return out;
}

function run(inline: Inline, size?: number): ParagraphChild {
  const sz = size ? { size: halfPoints(size) } : {};
  switch (inline.kind) {
    case 'text':
      return new TextRun({ children: textPieces(inline.text, inline.nowrap ?? false), bold: inline.bold, italics: inline.italic, ...sz });
    case 'break':
      return new TextRun({ break: 1, ...sz });
    case 'page-number':
      return new TextRun({ children: [PageNumber.CURRENT], ...sz });
    case 'page-count':
      return new TextRun({ children: [PageNumber.TOTAL_PAGES], ...sz });
  }
}

function paragraph(p: Paragraph, leading: number, extra: Partial<IParagraphOptions> = {}): DocxParagraph {
  return new DocxParagraph({
    children: p.inlines.map((i) => run(i, p.size)),
    ...(p.align ? { alignment: ALIGN[p.align] } : {}),
    // Exactly the model's distance between lines, as the PDF sets it, so both paginate alike.
    spacing: { before: twips(p.spaceBefore ?? 0), after: twips(p.spaceAfter ?? 0), line: twips((p.size ?? 12) * leading), lineRule: LineRuleType.EXACT },
    ...(p.indent ? { indent: { firstLine: twips(p.indent) } } : {}),
    ...(p.keepWithNext ? { keepNext: true } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...extra,
  });
}

/** The paragraph between two tables that starts a new page: Word would join two adjacent tables into one. */
const pageBreak = () =>
  new DocxParagraph({
    children: [new TextRun({ text: '', size: 2 })],
    pageBreakBefore: true,
    spacing: { before: 0, after: 0, line: twips(BREAK_SPACER), lineRule: LineRuleType.EXACT },
  });

/** A frame becomes paragraphs indented to its side of the page. */
function frame(f: Frame, textWidth: number, leading: number): DocxParagraph[] {
  const free = Math.max(0, textWidth - f.width);
  const indent =
    f.align === 'right' ? { left: twips(free) } : f.align === 'center' ? { left: twips(free / 2), right: twips(free / 2) } : { right: twips(free) };
  return f.blocks.map((p, i) => {
    const last = i === f.blocks.length - 1;
    return paragraph(last && f.spaceAfter ? { ...p, spaceAfter: (p.spaceAfter ?? 0) + f.spaceAfter } : p, leading, { indent });
  });
}

/** A table as one Word table per page the layout gave it, each with the header rows again, a page break between. */
function table(t: Table, leading: number): (DocxTable | DocxParagraph)[] {
  const widths = t.columns.map(twips);
  const { padX, padY, rule } = t.cell;
  const border = { style: BorderStyle.SINGLE, size: Math.round(rule * 8), color: '000000' };
  const grid = tableGrid(t);
  const row = (r: number) => docxRow(t, grid, r, widths, leading);
  const { headerRows, pages, newPageFirst } = tablePages(t);
  // Each page's table gets its own header row objects: docx writes a row object once.
  const header = () => Array.from({ length: headerRows }, (_, r) => row(r));
  return pages.flatMap((body, i) => [
    ...(i > 0 || newPageFirst ? [pageBreak()] : []),
    new DocxTable({
      rows: [...header(), ...body.map(row)],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { top: twips(padY), bottom: twips(padY), left: twips(padX), right: twips(padX) },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    }),
  ]);
}

function docxRow(t: Table, grid: ReturnType<typeof tableGrid>, r: number, widths: number[], leading: number): DocxRow {
  const row = t.rows[r]!;
  const cells = grid[r]!.flatMap((slot) => {
    if (slot.kind !== 'cell') return [];
    const width = widths.slice(slot.column, slot.column + slot.colSpan).reduce((a, b) => a + b, 0);
    return [
      new DocxCell({
        children: slot.cell.blocks.map((p) => paragraph(p, leading)),
        width: { size: width, type: WidthType.DXA },
        ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
        ...(slot.colSpan > 1 ? { columnSpan: slot.colSpan } : {}),
        ...(slot.cell.valign === 'middle'
          ? { verticalAlign: VerticalAlignTable.CENTER }
          : slot.cell.valign === 'bottom'
            ? { verticalAlign: VerticalAlignTable.BOTTOM }
            : {}),
      }),
    ];
  });
  return new DocxRow({ children: cells, ...(row.header ? { tableHeader: true } : {}), ...(row.cantSplit ? { cantSplit: true } : {}) });
}

function blocks(list: Block[], textWidth: number, leading: number): (DocxParagraph | DocxTable)[] {
  return list.flatMap((b): (DocxParagraph | DocxTable)[] => {
    switch (b.kind) {
      case 'paragraph':
        return [paragraph(b, leading)];
      case 'frame':
        return frame(b, textWidth, leading);
      case 'table':
        return table(b, leading);
    }
  });
}

export async function writeDocx(doc: DocumentModel): Promise<Uint8Array> {
  const [top, right, bottom, left] = doc.page.margins;
  const box = pageBox(doc.page.orientation);
  const textWidth = box.width - left - right;
  const document = new Document({
    creator: doc.meta.author,
    title: doc.meta.title,
    ...(doc.meta.subject ? { subject: doc.meta.subject } : {}),
    styles: {
      default: {
        document: { run: { font: doc.font.family, size: halfPoints(doc.font.size), ...(doc.meta.language ? { language: { value: doc.meta.language } } : {}) } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape; give the portrait size.
            size: {
              width: twips(A4.width),
              height: twips(A4.height),
              orientation: doc.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(top),
              right: twips(right),
              bottom: twips(bottom),
              left: twips(left),
              footer: twips(doc.page.footerDistance),
              header: twips(top / 3),
            },
          },
        },
        ...(doc.footer ? { footers: { default: new Footer({ children: doc.footer.map((p) => paragraph(p, doc.font.leading)) }) } } : {}),
        // Word needs a paragraph after a table that ends the document; a 1 pt empty one cannot spill onto a page of its own.
        children: [
          ...blocks(doc.blocks, textWidth, doc.font.leading),
          new DocxParagraph({ children: [new TextRun({ text: '', size: 2 })], spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } }),
        ],
      },
    ],
  });
  const zip = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(doc.meta) }]);
  return setZipDates(new Uint8Array(zip), doc.meta.date);
}
