// DocumentModel → PDF bytes with pdfmake, embedding the fonts named in fonts/fonts.yaml.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentTable, TableCell as PdfCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { parse as parseYaml } from 'yaml';
import { pageBox, scaleWidths, tableGrid } from '../../model/grid.js';
import type { Block, DocumentModel, Frame, Inline, Paragraph, Table } from '../../model/types.js';
import { applyRowSpanPageBreakFix } from './rowspan-fix.js';

export interface PdfOptions {
  fontsDir: string;
}

/** Cell padding and rule width, in points: the numbers the column widths must leave room for. */
const CELL = { padX: 4, padY: 2, rule: 0.6 };
const LINE_HEIGHT = 1.0;

type FontFiles = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

function loadFonts(fontsDir: string): FontFiles {
  const table = parseYaml(readFileSync(path.join(fontsDir, 'fonts.yaml'), 'utf8')) as FontFiles;
  const fonts: FontFiles = {};
  for (const [family, files] of Object.entries(table)) {
    fonts[family] = {
      normal: path.join(fontsDir, files.normal),
      bold: path.join(fontsDir, files.bold),
      italics: path.join(fontsDir, files.italics),
      bolditalics: path.join(fontsDir, files.bolditalics),
    };
  }
  return fonts;
}

function inlineText(inline: Inline, page?: { current: number; count: number }): object | string {
  switch (inline.kind) {
    case 'text':
      return { text: inline.text, ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italics: true } : {}) };
    case 'break':
      return '\n';
    case 'page-number':
      return String(page?.current ?? '');
    case 'page-count':
      return String(page?.count ?? '');
  }
}

function paragraph(p: Paragraph, page?: { current: number; count: number }): Content {
  return {
    text: p.inlines.length ? p.inlines.map((i) => inlineText(i, page)) : ' ',
    ...(p.align ? { alignment: p.align } : {}),
    ...(p.size ? { fontSize: p.size } : {}),
    ...(p.indent ? { leadingIndent: p.indent } : {}),
    margin: [0, p.spaceBefore ?? 0, 0, p.spaceAfter ?? 0],
  } as Content;
}

function frame(f: Frame, textWidth: number): Content {
  const stack = { stack: f.blocks.map((p) => paragraph(p)), width: f.width };
  const filler = { text: '', width: '*' as const };
  const columns = f.align === 'right' ? [filler, stack] : f.align === 'left' ? [stack, filler] : [filler, stack, { ...filler }];
  return { columns, columnGap: 0, margin: [0, 0, 0, f.spaceAfter ?? 0], width: textWidth } as Content;
}

function table(t: Table, textWidth: number): ContentTable {
  const columns = t.widths.length;
  const available = textWidth - columns * 2 * CELL.padX - (columns + 1) * CELL.rule;
  const widths = scaleWidths(t.widths, Math.floor(available));
  const body: PdfCell[][] = tableGrid(t).map((slots) =>
    slots.map((slot) => {
      if (slot.kind === 'covered') return {};
      const { cell } = slot;
      return {
        stack: cell.blocks.map((p) => paragraph(p)),
        ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
        ...(slot.colSpan > 1 ? { colSpan: slot.colSpan } : {}),
        ...(cell.align ? { alignment: cell.align } : {}),
        ...(cell.valign && cell.valign !== 'top' ? { verticalAlignment: cell.valign } : {}),
      } as PdfCell;
    }),
  );
  let headerRows = 0;
  while (t.rows[headerRows]?.header) headerRows++;
  return {
    table: { headerRows, widths, body, dontBreakRows: false },
    layout: {
      hLineWidth: () => CELL.rule,
      vLineWidth: () => CELL.rule,
      paddingLeft: () => CELL.padX,
      paddingRight: () => CELL.padX,
      paddingTop: () => CELL.padY,
      paddingBottom: () => CELL.padY,
    },
    ...(t.size ? { fontSize: t.size } : {}),
  };
}

function block(b: Block, textWidth: number): Content {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(b);
    case 'frame':
      return frame(b, textWidth);
    case 'table':
      return table(b, textWidth);
  }
}

export function pdfDefinition(doc: DocumentModel): TDocumentDefinitions {
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
    defaultStyle: { font: doc.font.family, fontSize: doc.font.size, lineHeight: LINE_HEIGHT },
    content: doc.blocks.map((b) => block(b, textWidth)),
    ...(footer
      ? {
          footer: (current: number, count: number) => ({
            stack: footer.map((p) => paragraph(p, { current, count })),
            margin: [left, bottom / 3, right, 0],
          }),
        }
      : {}),
  } as TDocumentDefinitions;
}

export async function writePdf(doc: DocumentModel, options: PdfOptions): Promise<Uint8Array> {
  applyRowSpanPageBreakFix();
  const fontsDir = path.resolve(options.fontsDir);
  pdfmake.setFonts(loadFonts(fontsDir));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontsDir + path.sep));
  const buffer = await pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
  return new Uint8Array(buffer);
}
