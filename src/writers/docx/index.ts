// DocumentModel → DOCX bytes with docx. Names the model's font family (Times New Roman); embeds no font.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
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
import { A4, pageBox, scaleWidths, tableGrid } from '../../model/grid.js';
import type { Align, Block, DocumentModel, Frame, Inline, Paragraph, Table } from '../../model/types.js';
import { coreXml } from './core-xml.js';
import { setZipDates } from './zip-dates.js';

const twips = (points: number) => Math.round(points * 20);
const halfPoints = (points: number) => Math.round(points * 2);
/** Cell padding and rule width, as in the PDF writer (points). */
const CELL = { padX: 4, padY: 2, rule: 0.6 };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function run(inline: Inline, size?: number): ParagraphChild {
  const sz = size ? { size: halfPoints(size) } : {};
  switch (inline.kind) {
    case 'text':
      return new TextRun({ text: inline.text, bold: inline.bold, italics: inline.italic, ...sz });
    case 'break':
      return new TextRun({ break: 1, ...sz });
    case 'page-number':
      return new TextRun({ children: [PageNumber.CURRENT], ...sz });
    case 'page-count':
      return new TextRun({ children: [PageNumber.TOTAL_PAGES], ...sz });
  }
}

function paragraph(p: Paragraph, extra: Partial<IParagraphOptions> = {}): DocxParagraph {
  return new DocxParagraph({
    children: p.inlines.map((i) => run(i, p.size)),
    ...(p.align ? { alignment: ALIGN[p.align] } : {}),
    // Single line spacing proportional to the font size (`auto`), as in the PDF; without the rule Word and
    // LibreOffice read 240 as an exact 12 pt and larger type overlaps.
    spacing: { before: twips(p.spaceBefore ?? 0), after: twips(p.spaceAfter ?? 0), line: 240, lineRule: LineRuleType.AUTO },
    ...(p.indent ? { indent: { firstLine: twips(p.indent) } } : {}),
    ...(p.keepWithNext ? { keepNext: true } : {}),
    ...extra,
  });
}

/** A frame becomes paragraphs indented to its side of the page. */
function frame(f: Frame, textWidth: number): DocxParagraph[] {
  const free = Math.max(0, textWidth - f.width);
  const indent = f.align === 'right' ? { left: twips(free) } : f.align === 'center' ? { left: twips(free / 2), right: twips(free / 2) } : { right: twips(free) };
  return f.blocks.map((p, i) => {
    const last = i === f.blocks.length - 1;
    return paragraph(last && f.spaceAfter ? { ...p, spaceAfter: (p.spaceAfter ?? 0) + f.spaceAfter } : p, { indent });
  });
}

function table(t: Table, textWidth: number): DocxTable {
  const widths = scaleWidths(t.widths, twips(textWidth));
  const border = { style: BorderStyle.SINGLE, size: Math.round(CELL.rule * 8), color: '000000' };
  const rows = tableGrid(t).map((slots, r) => {
    const row = t.rows[r]!;
    const cells: DocxCell[] = [];
    for (const slot of slots) {
      if (slot.kind !== 'cell') continue;
      const { cell } = slot;
      const width = widths.slice(slot.column, slot.column + slot.colSpan).reduce((a, b) => a + b, 0);
      cells.push(
        new DocxCell({
          children: cell.blocks.map((p) => paragraph(cell.align && !p.align ? { ...p, align: cell.align } : p)),
          width: { size: width, type: WidthType.DXA },
          ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
          ...(slot.colSpan > 1 ? { columnSpan: slot.colSpan } : {}),
          ...(cell.valign === 'middle' ? { verticalAlign: VerticalAlignTable.CENTER } : cell.valign === 'bottom' ? { verticalAlign: VerticalAlignTable.BOTTOM } : {}),
        }),
      );
    }
    return new DocxRow({ children: cells, ...(row.header ? { tableHeader: true } : {}), ...(row.cantSplit ? { cantSplit: true } : {}) });
  });
  return new DocxTable({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: twips(CELL.padY), bottom: twips(CELL.padY), left: twips(CELL.padX), right: twips(CELL.padX) },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** Applies a table's font size to every paragraph in it that sets none. */
function withTableSize(t: Table): Table {
  if (!t.size) return t;
  const size = t.size;
  return { ...t, rows: t.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, blocks: c.blocks.map((p) => (p.size ? p : { ...p, size })) })) })) };
}

function blocks(list: Block[], textWidth: number): (DocxParagraph | DocxTable)[] {
  return list.flatMap((b): (DocxParagraph | DocxTable)[] => {
    switch (b.kind) {
      case 'paragraph':
        return [paragraph(b)];
      case 'frame':
        return frame(b, textWidth);
      case 'table':
        return [table(withTableSize(b), textWidth)];
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
            size: { width: twips(A4.width), height: twips(A4.height), orientation: doc.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: twips(top), right: twips(right), bottom: twips(bottom), left: twips(left), footer: twips(bottom / 3), header: twips(top / 3) },
          },
        },
        ...(doc.footer ? { footers: { default: new Footer({ children: doc.footer.map((p) => paragraph(p)) }) } } : {}),
        // Word needs a paragraph after a table that ends the document; a 1 pt empty one cannot spill onto a page of its own.
        children: [...blocks(doc.blocks, textWidth), new DocxParagraph({ children: [new TextRun({ text: '', size: 2 })], spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } })],
      },
    ],
  });
  const zip = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(doc.meta) }]);
  return setZipDates(new Uint8Array(zip), doc.meta.date);
}
