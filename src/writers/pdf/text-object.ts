// One word as a PDF text object, written in one piece: exactly what pdfkit 0.19's text(word, x, y, { lineBreak:
// false }) writes (its _fragment), without the option handling, the state it keeps for flowing text, and the line
// by line writes around it. The PDF is drawn word by word, so this is most of the drawing. Bytes checked by the
// output hashes (test/e2e/output-hashes.test.ts): a pdfkit that writes text differently fails there.
import type PDFDocument from 'pdfkit';
import type { PdfFont } from './words.js';

/** pdfkit's page, as far as a text object touches it. */
interface Page {
  height: number;
  fonts: Record<string, unknown>;
}

/** How pdfkit writes a number (PDFObject.number). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The text object for `text` set in `font` at `size`, its top-left corner at (x, y) from the page's top-left. */
export function writeTextObject(doc: PDFDocument, font: PdfFont, size: number, text: string, x: number, y: number): void {
  if (text.length === 0) return;
  const page = (doc as unknown as { page: Page }).page;
  // pdfkit flips the y axis for the text object and sets the baseline at the font's ascender below `y`.
  const dy = (font.ascender / 1000) * size;
  const baseline = page.height - y - dy;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const out = ['q', `1 0 0 -1 0 ${num(page.height)} cm`, 'BT', `1 0 0 1 ${num(x)} ${num(baseline)} Tm`, `/${font.id} ${num(size)} Tf`];
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  // Glyphs in runs, a run ending where a glyph's advance differs from its width (kerning), with that difference.
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let at = x;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-advance)}`);
    }
    last = cur;
  };
  const flush = (cur: number) => {
    addSegment(cur);
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${num(at + pos.xOffset * scale)} ${num(baseline + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(at)} ${num(baseline)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    at += pos.xAdvance * scale;
  }
  flush(i);
  out.push('ET', 'Q');
  (doc as unknown as { addContent(data: string): void }).addContent(out.join('\n'));
}
