// DocumentModel → PDF bytes with pdfmake, embedding the fonts named in fonts/fonts.yaml.
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentTable, TableCell as PdfCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { loadFontTable } from '../../fonts/coverage.js';
import { shareFontsAcrossDocuments } from '../../fonts/shared.js';
import { fontMetrics } from '../../layout/fonts.js';
import { lineRuns } from '../../layout/lines.js';
import { BREAK_SPACER, pageBox, tableGrid, tablePages } from '../../document/grid.js';
import type { Block, DocumentModel, Frame, Inline, Paragraph, Table } from '../../document/types.js';
import { applyRowSpanPageBreakFix } from './rowspan-fix.js';

export interface PdfOptions {
  fontsDir: string;
}

type PageInfo = { current: number; count: number };

function inlineText(inline: Inline, page?: PageInfo): object | string {
  switch (inline.kind) {
    case 'text':
      return {
        text: inline.text,
        ...(inline.bold ? { bold: true } : {}),
        ...(inline.italic ? { italics: true } : {}),
        ...(inline.nowrap ? { noWrap: true } : {}),
      };
    case 'break':
      return '\n';
    case 'page-number':
      return String(page?.current ?? '');
    case 'page-count':
      return String(page?.count ?? '');
  }
}

/** The paragraph's text as pdfmake inlines, set in the lines the layout measured (soft hyphens printed at breaks). */
function inlines(p: Paragraph, page?: PageInfo): (object | string)[] {
  const lines = lineRuns(p);
  return lines.flatMap((line, i) => [...line.map((inline) => inlineText(inline, page)), ...(i < lines.length - 1 ? ['\n'] : [])]);
}

function paragraph(p: Paragraph, page?: PageInfo): Content {
  const text = inlines(p, page);
  return {
    text: text.length ? text : ' ',
    ...(p.align ? { alignment: p.align } : {}),
    ...(p.size ? { fontSize: p.size } : {}),
    ...(p.indent ? { leadingIndent: p.indent } : {}),
    margin: [0, p.spaceBefore ?? 0, 0, p.spaceAfter ?? 0],
    ...(p.pageBreakBefore ? { pageBreak: 'before' } : {}),
  } as Content;
}

function frame(f: Frame, textWidth: number): Content {
  const stack = { stack: f.blocks.map((p) => paragraph(p)), width: f.width };
  const filler = { text: '', width: '*' as const };
  const columns = f.align === 'right' ? [filler, stack] : f.align === 'left' ? [stack, filler] : [filler, stack, { ...filler }];
  return { columns, columnGap: 0, margin: [0, 0, 0, f.spaceAfter ?? 0], width: textWidth } as Content;
}

/**
 * A table as pdfmake tables, one per page the layout gave it (each with the header rows again), so that pdfmake
 * breaks exactly where the layout did. pdfmake widths are inner widths: the model's outer width less padding and rule.
 */
function table(t: Table): Content[] {
  const { padX, padY, rule } = t.cell;
  const widths = t.columns.map((c) => c - 2 * padX - rule);
  const grid = tableGrid(t);
  // pdfmake writes its layout into the cell objects, so every page's table gets cells of its own.
  const bodyRow = (r: number): PdfCell[] =>
    grid[r]!.map((slot) => {
      if (slot.kind === 'covered') return {};
      const { cell } = slot;
      return {
        stack: cell.blocks.map((p) => paragraph(p)),
        ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
        ...(slot.colSpan > 1 ? { colSpan: slot.colSpan } : {}),
        ...(cell.valign && cell.valign !== 'top' ? { verticalAlignment: cell.valign } : {}),
      } as PdfCell;
    });
  const { headerRows, pages, newPageFirst } = tablePages(t);
  const header = () => Array.from({ length: headerRows }, (_, r) => bodyRow(r));
  return pages.map((rows, i): ContentTable => ({
    table: { headerRows, widths, body: [...header(), ...rows.map(bodyRow)], dontBreakRows: false },
    layout: {
      hLineWidth: () => rule,
      vLineWidth: () => rule,
      paddingLeft: () => padX,
      paddingRight: () => padX,
      paddingTop: () => padY,
      paddingBottom: () => padY,
    },
    // The DOCX needs a 1 pt paragraph before a table on a new page; the PDF keeps the same distance.
    ...(i > 0 || newPageFirst ? { pageBreak: 'before', margin: [0, BREAK_SPACER, 0, 0] } : {}),
  }));
}

function block(b: Block, textWidth: number): Content[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraph(b)];
    case 'frame':
      return [frame(b, textWidth)];
    case 'table':
      return table(b);
  }
}

export function pdfDefinition(doc: DocumentModel, lineRatio: number): TDocumentDefinitions {
  const [top, right, bottom, left] = doc.page.margins;
  const box = pageBox(doc.page.orientation);
  const textWidth = box.width - left - right;
  const date = new Date(`${doc.meta.date}T00:00:00Z`);
  const footer = doc.footer;
  return {
    pageSize: 'A4',
    pageOrientation: doc.page.orientation,
    pageMargins: [left, top, right, bottom],
    language: doc.meta.language || undefined,
    info: {
      title: doc.meta.title,
      author: doc.meta.author,
      ...(doc.meta.subject ? { subject: doc.meta.subject } : {}),
      creator: 'plan-pipeline',
      producer: 'plan-pipeline (pdfmake)',
      creationDate: date,
      modDate: date,
    },
    // pdfmake's line height is a multiple of the font's own (ascender − descender); the model's is of the size.
    defaultStyle: { font: doc.font.family, fontSize: doc.font.size, lineHeight: doc.font.leading / lineRatio },
    content: doc.blocks.flatMap((b) => block(b, textWidth)),
    ...(footer
      ? {
          footer: (current: number, count: number) => ({
            stack: footer.map((p) => paragraph(p, { current, count })),
            margin: [left, bottom - doc.page.footerDistance - footer.reduce((h, p) => h + (p.size ?? doc.font.size) * doc.font.leading, 0), right, 0],
          }),
        }
      : {}),
  } as TDocumentDefinitions;
}

export async function writePdf(doc: DocumentModel, options: PdfOptions): Promise<Uint8Array> {
  applyRowSpanPageBreakFix();
  shareFontsAcrossDocuments();
  const fontsDir = path.resolve(options.fontsDir);
  const metrics = fontMetrics((await loadFontTable(fontsDir)).table);
  pdfmake.setFonts(metrics.files);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontsDir + path.sep));
  const buffer = await pdfmake.createPdf(pdfDefinition(doc, metrics.lineRatio(doc.font.family))).getBuffer();
  return new Uint8Array(buffer);
}
