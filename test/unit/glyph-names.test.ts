// The PDF's text layer names each glyph by a character. fontkit remembers the characters that first reached a glyph,
// and subsetting a composite (Ў is У with a breve; the Latin ʼ is drawn from ’) reaches its parts with none: a PDF
// made after one holding Ў or ʼ copied every У or ’ as nothing. A glyph reached with no characters is no longer kept
// (src/fonts/shared.ts), and the letters of both editions name theirs as the fonts are read (src/fonts/coverage.ts),
// so a document's text layer is the same whatever the process (or render thread) made before it.
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/document/types.js';
import { RenderPool } from '../../src/pipeline/render-pool.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { readPdf } from '../readers/pdf.js';

const doc = (text: string): DocumentModel => ({
  meta: { title: 'Синов', author: 'plan-pipeline', date: '2024-01-04', language: 'uz-Cyrl' },
  page: { size: 'A4', orientation: 'portrait', margins: [56.69, 56.69, 56.69, 56.69], footerDistance: 28.35 },
  font: { family: 'Times New Roman', size: 12, leading: 1.15 },
  blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text }] }],
});

const text = async (bytes: Uint8Array) =>
  (await readPdf(bytes))
    .flatMap((p) => p.items.map((i) => i.str))
    .join(' ')
    .replace(/\s+/g, ' ');

describe('glyph names in the text layer', () => {
  it('copies ’ as ’ after a document whose ʼ is drawn from it', async () => {
    await writePdf(doc('maʼlumot, taʼlim'), { fontsDir: 'fonts' });
    expect(await text(await writePdf(doc('“Yoshlar’s” kun’i'), { fontsDir: 'fonts' }))).toContain('Yoshlar’s” kun’i');
  }, 60_000);

  it('copies У as У after a document that held only Ў, on the main thread and on a render thread alike', async () => {
    await writePdf(doc('Ўзбекистон Ўғли'), { fontsDir: 'fonts' });
    const after = await writePdf(doc('Уста Умаров'), { fontsDir: 'fonts' });
    expect(await text(after)).toContain('Уста Умаров');
    // The main lane takes the costliest job and the thread the cheapest: first a document with Ў on the thread, then
    // one with У beside a longer one that keeps the main lane busy.
    const pool = new RenderPool(1);
    try {
      const job = (text: string) => ({ format: 'pdf' as const, model: doc(text) });
      await pool.renderAll([job('Ўзбекистон Ўғли, Ўрол Ўктам'), job('Ўзбекистон Ўғли')], 'fonts', async () => {});
      const got: Uint8Array[] = [];
      await pool.renderAll([job('Бошқа ҳужжат, узунроқ матн билан'), job('Уста Умаров')], 'fonts', async (i, bytes) => void (got[i] = bytes));
      expect(Buffer.compare(Buffer.from(got[1]!), Buffer.from(after))).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
