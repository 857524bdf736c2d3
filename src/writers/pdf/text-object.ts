// One word as a PDF text object, written in one piece: exactly what pdfkit 0.19's text(word, x, y, { lineBreak:
// false }) writes (its _fragment), without the option handling, the state it keeps for flowing text, and the line
// by line writes around it. The PDF is drawn word by word, so this is most of the drawing. Bytes checked by the
// output hashes (test/e2e/output-hashes.test.ts): a pdfkit that writes text differently fails there.
import { held, remembered } from '../../memo.js';
import type { PdfFont } from './words.js';

/** pdfkit's page, as far as a text object touches it. */
export interface Page {
  height: number;
  fonts: Record<string, unknown>;
}

/** How pdfkit writes a number (PDFObject.number), refusing as it does one a PDF cannot hold (NaN, ±1e21 and beyond). */
export function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

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
  // By hand, not through `held`: this runs for every word drawn, and makes no closures.
  let bySize = written.get(font);
  if (!bySize) written.set(font, (bySize = new Map()));
  let byText = bySize.get(size);
  if (!byText) bySize.set(size, (byText = new Map()));
  let tail = byText.get(text);
  if (tail === undefined) byText.set(text, (tail = firstTail(font, size, text)));
  if (tail === null) tail = glyphRuns(font, size, text, x, baseline);
  // The words of a line share their baseline, and a document its page height: their numbers written once.
  if (page.height !== last.height) last.head = `q\n1 0 0 -1 0 ${num((last.height = page.height))} cm\nBT\n1 0 0 1 `;
  if (baseline !== last.baseline) last.y = ` ${num((last.baseline = baseline))} Tm\n`;
  return `${last.head}${num(x)}${last.y}${tail}`;
}

const last = { height: NaN, head: '', baseline: NaN, y: '' };

/** pdfkit's EmbeddedFont, as far as encoding a word touches it. */
interface Embedded {
  font: object;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: unknown[];
  layout(text: string): { glyphs: Glyph[]; positions: Position[] };
}
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: unknown;
}
type Position = ReturnType<PdfFont['encode']>[1][number];

/** A word's glyphs and where its glyph runs end, with the adjustment after each run (see `glyphRuns`). */
interface Shaped {
  glyphs: Glyph[];
  ends: number[];
  adjustments: number[];
}

/**
 * Shaped words by font file and text, for the whole process: the glyphs and runs depend on the font file alone
 * (pdfkit measures at 1000 units per em), only the glyph ids are a document's. `null`: a glyph has an offset.
 */
const shapes = new WeakMap<object, Map<string, Shaped | null>>();

function embedded(font: PdfFont): Embedded | null {
  const f = font as unknown as Partial<Embedded>;
  const usable =
    typeof f.layout === 'function' &&
    typeof f.scale === 'number' &&
    typeof f.subset?.includeGlyph === 'function' &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode) &&
    f.font;
  return usable ? (f as Embedded) : null;
}

function shapeOf(font: Embedded, text: string): Shaped | null {
  return remembered(
    held(shapes, font.font, () => new Map<string, Shaped | null>()),
    text,
    () => {
      const { glyphs, positions } = font.layout(text);
      if (positions.some((pos) => pos.xOffset || pos.yOffset)) return null;
      const ends: number[] = [];
      const adjustments: number[] = [];
      positions.forEach((pos, i) => {
        if (pos.xAdvance - pos.advanceWidth !== 0 || (i === positions.length - 1 && ends.at(-1) !== i + 1)) {
          ends.push(i + 1);
          adjustments.push(num(-(pos.xAdvance - pos.advanceWidth)));
        }
      });
      return { glyphs, ends, adjustments };
    },
    200_000,
  );
}

/**
 * The text after the first Tm, the first time the document writes the word: its glyphs encoded as pdfkit's
 * EmbeddedFont.encode encodes them (added to the subset in order, each glyph's width and characters kept the
 * first time), the runs taken from the word's shape; `null` when a glyph has an offset.
 */
function firstTail(font: PdfFont, size: number, text: string): string | null {
  const f = embedded(font);
  if (!f) return null;
  const shape = shapeOf(f, text);
  if (!shape) return null;
  const hex: string[] = new Array(shape.glyphs.length);
  shape.glyphs.forEach((glyph, i) => {
    const gid = f.subset.includeGlyph(glyph.id);
    hex[i] = `0000${gid.toString(16)}`.slice(-4);
    if (f.widths[gid] == null) f.widths[gid] = glyph.advanceWidth * f.scale;
    if (f.unicode[gid] == null) f.unicode[gid] = glyph.codePoints;
  });
  const runs: string[] = [];
  let last = 0;
  shape.ends.forEach((end, k) => {
    runs.push(`<${hex.slice(last, end).join('')}> ${shape.adjustments[k]}`);
    last = end;
  });
  return `/${font.id} ${num(size)} Tf\n${runs.length ? `[${runs.join(' ')}] TJ\n` : ''}ET\nQ`;
}

/**
 * Everything after the text object's first Tm: the font, the glyphs in runs (a run ending where a glyph's advance
 * differs from its width, kerning, with that difference), a glyph with an offset moved on its own, ET and Q.
 */
function glyphRuns(font: PdfFont, size: number, text: string, x: number, baseline: number): string {
  const out = [`/${font.id} ${num(size)} Tf`];
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
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
  return out.join('\n');
}
