// DocumentModel → PDF bytes, drawn with pdfkit where the layout put everything (src/layout decided every line,
// column width and page break), embedding the fonts named in fonts/fonts.yaml. The drawing calls and their
// numbers are those pdfmake 0.3 made for these documents, so the output is byte for byte what it was.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { loadFontTable } from '../../fonts/coverage.js';
import { shareShaping } from '../../fonts/shared.js';
import { fontMetrics, type FontStyle } from '../../layout/fonts.js';
import { BREAK_SPACER, pageBox, tablePages } from '../../document/grid.js';
import type { Block, DocumentModel, Frame, Paragraph } from '../../document/types.js';
import { drawItems, offsetItems, placeParagraph, type Cursor, type Item } from './page.js';
import { PageContent } from './page-content.js';
import { gridOf, placeTablePage } from './table.js';
import { emptyLine, paragraphStyles, type PdfFont, type TextStyle } from './words.js';

export interface PdfOptions {
  fontsDir: string;
  /** Called after each page is drawn. */
  betweenPages?: () => void;
}

/** The pages as they fill: each page's items, and the cursor on the last one. */
interface Pages {
  items: Item[][];
  at: Cursor;
  newPage(): void;
}

/**
 * `done(index)` is called for each page once nothing more goes on it: a page is drawn and let go as soon as it is
 * full, so a long plan's pages are never all held at once.
 */
function pages(doc: DocumentModel, done: (index: number) => void): Pages {
  const [top, right, , left] = doc.page.margins;
  const box = pageBox(doc.page.orientation);
  const result: Pages = {
    items: [[]],
    at: { x: left, y: top, width: box.width - left - right },
    newPage() {
      done(result.items.length - 1);
      result.items.push([]);
      result.at.y = top;
    },
  };
  return result;
}

/**
 * The approval block: a column `f.width` wide at its side of the page, beside empty columns sharing the rest (each
 * an empty line, drawn as pdfmake drew it); the block ends below the taller of them.
 */
function placeFrame(f: Frame, pages: Pages, style: TextStyle): void {
  const at = pages.at;
  const items = pages.items.at(-1)!;
  const fillers = f.align === 'center' ? 2 : 1;
  const filler = (at.width - f.width) / fillers;
  const columns = f.align === 'right' ? [filler, f.width] : f.align === 'left' ? [f.width, filler] : [filler, f.width, filler];
  const top = at.y;
  let bottom = top;
  let x = at.x;
  let last = 0;
  columns.forEach((width, i) => {
    if (at.y > bottom) bottom = at.y;
    x = x + last;
    last = width;
    const column: Cursor = { x, y: top, width };
    const isBlock = (f.align === 'left' && i === 0) || (f.align === 'right' && i === 1) || (f.align === 'center' && i === 1);
    if (isBlock) for (const p of f.blocks) placeParagraph(p, column, items, style);
    else {
      const line = emptyLine(style);
      items.push({ kind: 'line', line, x: column.x, y: column.y });
      column.y += line.height;
    }
    at.y = column.y;
  });
  if (at.y > bottom) bottom = at.y;
  at.y = bottom + (f.spaceAfter ?? 0);
}

function placeBlock(b: Block, pages: Pages, style: TextStyle): void {
  switch (b.kind) {
    case 'paragraph':
      if (b.pageBreakBefore) pages.newPage();
      placeParagraph(b, pages.at, pages.items.at(-1)!, style);
      break;
    case 'frame':
      placeFrame(b, pages, style);
      break;
    case 'table': {
      const { headerRows, pages: tablePageRows, newPageFirst } = tablePages(b);
      tablePageRows.forEach((rows, i) => {
        // The DOCX needs a 1 pt paragraph before a table on a new page; the PDF keeps the same distance.
        if (i > 0 || newPageFirst) {
          pages.newPage();
          pages.at.y += BREAK_SPACER;
        }
        placeTablePage(b, headerRows, rows, pages.at, pages.items.at(-1)!, style);
      });
      break;
    }
  }
}

/**
 * Opens the fonts in the order pdfmake measured the text, which numbers them in the PDF (F1, F2, …): blocks in
 * order, the approval block's columns in order, each table page's cells column by column.
 */
function openFonts(doc: DocumentModel, style: TextStyle): void {
  const open = (p: Paragraph) => paragraphStyles(p).forEach((s) => style.font(s));
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') open(b);
    else if (b.kind === 'frame') {
      if (b.align !== 'left') style.font('normal');
      b.blocks.forEach(open);
    } else {
      const grid = gridOf(b);
      const { headerRows, pages } = tablePages(b);
      for (const rows of pages) {
        const all = [...Array.from({ length: headerRows }, (_, r) => r), ...rows];
        for (let c = 0; c < b.columns.length; c++) {
          for (const r of all) {
            const slot = grid[r]![c]!;
            if (slot.kind === 'cell') slot.cell.blocks.forEach(open);
          }
        }
      }
    }
  }
}

/** The footer of page `index` (of `count`), set in a band above the page's bottom edge. */
function placeFooter(doc: DocumentModel, items: Item[], page: { current: number; count: number }, style: TextStyle): void {
  const footer = doc.footer;
  if (!footer) return;
  const [, right, bottom, left] = doc.page.margins;
  const box = pageBox(doc.page.orientation);
  const top = bottom - doc.page.footerDistance - footer.reduce((h, p) => h + (p.size ?? doc.font.size) * doc.font.leading, 0);
  // Laid out in a band of its own, its top at 0, then moved down to the band's place, as pdfmake did.
  const band: Item[] = [];
  const at: Cursor = { x: left, y: top, width: box.width - (left + right) };
  for (const p of footer) placeParagraph(p, at, band, style, page);
  items.push(...offsetItems(band, 0, box.height - bottom));
}

/** Whether the footer prints the page count, which is known only once every page is laid out. */
const countsPages = (doc: DocumentModel) => (doc.footer ?? []).some((p) => p.inlines.some((i) => i.kind === 'page-count'));

// A number for each font table read (src/fonts/coverage.ts reads a new one when a font file changes, even under the
// same name, as in `build --watch`): lines set with one table's fonts are never reused with another's.
const fontTables = new WeakMap<object, number>();
let fontTablesRead = 0;
function fontsId(files: object): number {
  let id = fontTables.get(files);
  if (id === undefined) fontTables.set(files, (id = fontTablesRead++));
  return id;
}

/** The document's fonts, each opened in the pdfkit document when first used (which numbers them F1, F2, …). */
export function textStyle(pdf: PDFDocument, doc: DocumentModel, files: Record<FontStyle, string>, lineRatio: number): TextStyle {
  const opened = new Map<FontStyle, PdfFont>();
  return {
    size: doc.font.size,
    // The model's leading is a multiple of the size; pdfmake's lineHeight, kept here, of the font's own height.
    lineHeight: doc.font.leading / lineRatio,
    key: `${fontsId(files)}|${doc.font.size}|${doc.font.leading / lineRatio}`,
    font(style) {
      let font = opened.get(style);
      if (!font) {
        pdf.font(files[style]);
        font = pdf._font as PdfFont;
        shareShaping(font);
        opened.set(style, font);
      }
      return font;
    },
  };
}

export async function writePdf(doc: DocumentModel, options: PdfOptions): Promise<Uint8Array> {
  const fontsDir = path.resolve(options.fontsDir);
  const metrics = fontMetrics((await loadFontTable(fontsDir)).table);
  const files = metrics.files[doc.font.family];
  if (!files) throw new Error(`font family "${doc.font.family}" is not in fonts.yaml`);
  const box = pageBox(doc.page.orientation);
  const date = new Date(`${doc.meta.date}T00:00:00Z`);
  // The info dictionary as pdfmake wrote it: its keys in this order, empty ones left out, and the producer string
  // it had (it is in the bytes; changing it is a deliberate output change).
  const fields = {
    Producer: 'plan-pipeline (pdfmake)',
    Creator: 'plan-pipeline',
    Title: doc.meta.title,
    Author: doc.meta.author,
    Subject: doc.meta.subject,
    CreationDate: date,
    ModDate: date,
  };
  const info = Object.fromEntries(Object.entries(fields).filter(([, value]) => value));
  const pdf = new PDFDocument({
    size: [box.width, box.height],
    pdfVersion: '1.3',
    tagged: false,
    displayTitle: false,
    compress: true,
    lang: doc.meta.language || undefined,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info,
    font: null,
  });
  const style = textStyle(pdf, doc, files, metrics.lineRatio(doc.font.family));
  openFonts(doc, style);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  const content = new PageContent(pdf);
  const draw = (index: number, count: number) => {
    const items = laid.items[index]!;
    placeFooter(doc, items, { current: index + 1, count }, style);
    pdf.addPage({ size: [box.width, box.height] });
    drawItems(pdf, content, style, items);
    content.endPage();
    laid.items[index] = [];
    options.betweenPages?.();
  };
  // Without a page count in the footer, each page is drawn as soon as it is full; with one, once all are laid out.
  const streaming = !countsPages(doc);
  const laid = pages(doc, (index) => streaming && draw(index, 0));
  for (const b of doc.blocks) placeBlock(b, laid, style);
  const count = laid.items.length;
  for (let index = streaming ? count - 1 : 0; index < count; index++) draw(index, count);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
