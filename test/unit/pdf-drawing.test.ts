// The PDF writer's shortcuts through pdfkit write what pdfkit itself writes: a word's text object (encoded once
// per document, shaped once per process), the states it sets once per page and repeats, a page's content handed
// over in one piece, and a paragraph's lines set once per process for every document with the same fonts.
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { loadTemplates } from '../../src/compose/compose.js';
import { planView } from '../../src/compose/view.js';
import { loadPlan } from '../../src/content/load.js';
import type { DocumentModel, Paragraph } from '../../src/document/types.js';
import { loadFontTable } from '../../src/fonts/coverage.js';
import { shareShaping } from '../../src/fonts/shared.js';
import { fontMetrics } from '../../src/layout/fonts.js';
import { textStyle } from '../../src/writers/pdf/index.js';
import { PageContent } from '../../src/writers/pdf/page-content.js';
import { drawItems, type Item } from '../../src/writers/pdf/page.js';
import { num, textObject } from '../../src/writers/pdf/text-object.js';
import { paragraphLines, paragraphStyles, wordStyles, type PdfFont } from '../../src/writers/pdf/words.js';

interface Pdfkit extends PDFDocument {
  _font: PdfFont;
}

/**
 * The bytes of a one-font PDF whose pages `draw` fills (uncompressed, so a difference is readable); given a
 * PageContent, as the writer does, if `content`.
 */
async function pdfOf(pages: number, draw: (pdf: Pdfkit, font: PdfFont, page: number, content: PageContent) => void, content = false): Promise<string> {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null, compress: false, info: { CreationDate: new Date(0) } }) as Pdfkit;
  const chunks: Buffer[] = [];
  pdf.on('data', (c) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.font('fonts/LiberationSerif-Regular.ttf');
  shareShaping(pdf._font);
  const pageContent = content ? new PageContent(pdf) : (undefined as never);
  for (let i = 0; i < pages; i++) {
    pdf.addPage({ size: [600, 400] });
    draw(pdf, pdf._font, i, pageContent);
    if (content) pageContent.endPage();
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks).toString('latin1');
}

// Repeated words, kerned pairs (AV, Ta) and a combining tilde (a glyph with an offset, drawn on its own).
const WORDS = ['Режа ', 'AVATAR ', 'Ўзбекистон', 'Ta AV', 'x\u0303y', 'Ўзбекистон', 'AVATAR ', 'x\u0303y'];

describe('PDF drawing', () => {
  it("writes each word as pdfkit's text() writes it, in the first document and in the next", async () => {
    const byPdfkit = (order: string[]) => pdfOf(2, (pdf, _, page) => order.forEach((w, i) => pdf.text(w, 10 + i, 20 + 30 * i + page, { lineBreak: false })));
    const ours = (order: string[]) =>
      pdfOf(2, (_, font, page, content) => order.forEach((w, i) => content.add(textObject(content.page, font, 12, w, 10 + i, 20 + 30 * i + page))), true);
    const reversed = [...WORDS].reverse();
    expect(await ours(WORDS)).toBe(await byPdfkit(WORDS));
    // The words are shaped by now: a new document encodes them into its own subset, in its own order.
    expect(await ours(reversed)).toBe(await byPdfkit(reversed));
    expect(await ours(WORDS)).toMatch(/ Tm\n\[<[0-9a-f]+> 0\] TJ\n1 0 0 1 [\d.]+ [\d.]+ Tm/);
  });

  it('sets the fill and stroke states through pdfkit once a page and repeats what it wrote', async () => {
    const rule = (y: number): Item => ({ kind: 'rule', x1: 10, x2: 200.5, y1: y, y2: y, width: 0.75 });
    const byPdfkit = await pdfOf(3, (pdf) => {
      for (const y of [10, 20.25, 30]) {
        pdf.opacity(1);
        pdf.fill('black');
        pdf.lineWidth(0.75).undash().lineJoin('miter').lineCap('butt');
        pdf.moveTo(10, y).lineTo(200.5, y);
        pdf.strokeColor('black', 1).stroke();
      }
    });
    const ours = await pdfOf(
      3,
      (pdf, _, __, content) => {
        for (const y of [10, 20.25, 30]) {
          content.state('opacity 1', () => pdf.opacity(1));
          content.state('fill black', () => pdf.fill('black'));
          drawItems(pdf, content, undefined as never, [rule(y)]);
        }
      },
      true,
    );
    expect(ours).toBe(byPdfkit);
    expect(ours.match(/\/Gs\d gs/g)?.length).toBe(18);
  });

  it('gives a paragraph the lines measuring it again gives, whatever was set before with the same text', async () => {
    const plan = await loadPlan('content');
    const model = (await loadTemplates('templates')).render('plan', planView(plan));
    const paragraphs = cellParagraphs(model).slice(0, 200);
    const style = await styleFor(model);
    const variants = (p: Paragraph): Paragraph[] => [
      p,
      { ...p, inlines: p.inlines.map((i) => (i.kind === 'text' ? { ...i, bold: !i.bold } : i)) },
      { ...p, size: (p.size ?? model.font.size) + 1 },
      { ...p, indent: 12 },
    ];
    for (const width of [90, 160]) for (const p of paragraphs) for (const v of variants(p)) paragraphLines(v, style, width);
    let fresh = 0;
    for (const width of [90, 160])
      for (const p of paragraphs)
        for (const v of variants(p)) {
          const remembered = paragraphLines(v, style, width);
          expect(remembered).toEqual(paragraphLines(v, { ...style, key: `fresh ${fresh++}` }, width));
        }
    const p = paragraphs.find((q) => q.inlines.some((i) => i.kind === 'text' && i.text.length > 60))!;
    expect(paragraphLines(p, style, 90)).not.toEqual(paragraphLines(p, style, 160));
    expect(paragraphLines(variants(p)[1]!, style, 90)).not.toEqual(paragraphLines(p, style, 90));
  });

  it('refuses a number a PDF cannot hold, as pdfkit does, rather than write it', () => {
    expect(num(12.3456789)).toBe(12.345679);
    for (const bad of [NaN, Infinity, -1e21]) expect(() => num(bad)).toThrow(/unsupported number/);
  });

  it('sets lines anew when a font file is replaced under the same name, as during build --watch', async () => {
    const dir = await mkdtemp(path.resolve('.tmp/fonts-swap-'));
    try {
      await cp('fonts', dir, { recursive: true });
      const model = (await loadTemplates('templates')).render('plan', planView(await loadPlan('content')));
      const { writePdf } = await import('../../src/writers/pdf/index.js');
      await writePdf(model, { fontsDir: dir });
      // The italic file copied over the regular one: different widths under the regular's name.
      await copyFile('fonts/LiberationSerif-Italic.ttf', path.join(dir, 'LiberationSerif-Regular.ttf'));
      const after = await writePdf(model, { fontsDir: dir });
      vi.resetModules();
      const fresh = await (await import('../../src/writers/pdf/index.js')).writePdf(model, { fontsDir: dir });
      expect(Buffer.compare(Buffer.from(after), Buffer.from(fresh))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("opens a paragraph's fonts in the order its words use them", async () => {
    const plan = await loadPlan('content');
    const model = (await loadTemplates('templates')).render('plan', planView(plan));
    const text = (t: string, more: object = {}) => ({ kind: 'text' as const, text: t, ...more });
    const made: Paragraph[] = [
      { kind: 'paragraph', inlines: [] },
      { kind: 'paragraph', inlines: [text('бир', { bold: true }), { kind: 'break' }, text('икки', { italic: true })] },
      { kind: 'paragraph', inlines: [text('', { bold: true }), text('\u00ad', { italic: true }), text('уч тўрт')] },
      { kind: 'paragraph', inlines: [text('беш олти етти', { bold: true, nowrap: true }), text(' саккиз', { italic: true })], lines: [4] },
      { kind: 'paragraph', inlines: [text('тўққиз ўн', { italic: true }), { kind: 'page-number' }, text('бир', { bold: true })], lines: [7] },
    ];
    for (const p of [...made, ...cellParagraphs(model)]) expect(paragraphStyles(p)).toEqual([...new Set(wordStyles(p))]);
  });
});

function cellParagraphs(model: DocumentModel): Paragraph[] {
  return model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'frame' ? b.blocks : b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks))));
}

async function styleFor(model: DocumentModel) {
  const metrics = fontMetrics((await loadFontTable('fonts')).table);
  const pdf = new PDFDocument({ autoFirstPage: false, font: null });
  return textStyle(pdf, model, metrics.files[model.font.family]!, metrics.lineRatio(model.font.family));
}
