// One word as a PDF text object, written in one piece: exactly what pdfkit 0.19's text(word, x, y, { lineBreak:
// false }) writes (its _fragment), without the option handling, the state it keeps for flowing text, and the line
// by line writes around it. The PDF is drawn word by word, so this is most of the drawing. Bytes checked by the
// output hashes (test/e2e/output-hashes.test.ts): a pdfkit that writes text differently fails there.
import type { PdfFont } from './words.js';

/** pdfkit's page, as far as a text object touches it. */
export interface Page {
  height: number;
  fonts: Record<string, unknown>;
}

/** How pdfkit writes a number (PDFObject.number). */
export const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * What follows a word's position when its glyphs carry no offsets (the font selection and the glyph runs), by
 * font object, size and text. A font object belongs to one document, so this is a document's own: the first time
 * a word is written its glyphs are encoded, which adds them to that document's subset in the order of first use;
 * encoding it again gives the same glyph ids and changes nothing, so the text after that is the same text. `null`:
 * the word has a glyph with an offset, whose position depends on where the word starts, and is worked out each time.
 */
const written = new WeakMap<PdfFont, Map<number, Map<string, string | null>>>();

/**
 * The text object for `text` set in `font` at `size`, its top-left corner at (x, y) from the page's top-left:
 * the one string pdfkit writes for it (its lines joined by newlines). Uses the font on `page`.
 */
export function textObject(page: Page, font: PdfFont, size: number, text: string, x: number, y: number): string {
  // pdfkit flips the y axis for the text object and sets the baseline at the font's ascender below `y`.
  const dy = (font.ascender / 1000) * size;
  const baseline = page.height - y - dy;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  let bySize = written.get(font);
  if (!bySize) written.set(font, (bySize = new Map()));
  let byText = bySize.get(size);
  if (!byText) bySize.set(size, (byText = new Map()));
  let tail = byText.get(text);
  if (tail === undefined) {
    const run = glyphRuns(font, size, text, x, baseline);
    tail = run.offsets ? null : run.text;
    byText.set(text, tail);
    if (tail === null) return `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(baseline)} Tm\n${run.text}`;
  } else if (tail === null) {
    tail = glyphRuns(font, size, text, x, baseline).text;
  }
  return `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(baseline)} Tm\n${tail}`;
}

/**
 * Everything after the text object's first Tm: the font, the glyphs in runs (a run ending where a glyph's advance
 * differs from its width, kerning, with that difference), a glyph with an offset moved on its own, ET and Q.
 */
function glyphRuns(font: PdfFont, size: number, text: string, x: number, baseline: number): { text: string; offsets: boolean } {
  const out = [`/${font.id} ${num(size)} Tf`];
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let offsets = false;
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
      offsets = true;
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
  return { text: out.join('\n'), offsets };
}
