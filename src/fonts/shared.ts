// Every font file parsed once per process and its shaping shared by every document, where pdfkit would parse the
// file again for each PDF and shape every word again in each. Each document still opens its own pdfkit font with
// its own subset, so what a PDF embeds is exactly what it uses, and the bytes are those of an unshared run.
//
// pdfkit gives no hook for either: a small guarded patch and a shared cache (checked against fontkit 2.0 and pdfkit
// 0.19; test/unit/font-sharing.test.ts fails if they no longer apply):
// - fontkit.create(bytes), which pdfkit calls for each document, tries its formats in turn (probe, then `new`).
//   The TrueType format's probe declines bytes parsed before, and a format registered last answers them with the
//   font object made then (a constructor may return an object). fontkit fonts are read-only once made: subsets,
//   which pdfkit fills per document, are objects of their own.
// - shareShaping, called by whoever opens a pdfkit font (the PDF writer, the layout's metrics), hands each new pdfkit
//   font the one shaping cache of its font file. pdfkit caches a word's shaped run (glyphs and positions at 1000
//   units per em) per font object; the run depends on the font file alone, and pdfkit copies out of it before use.
// - fontkit keeps each glyph with the characters that first reached it, and the PDF's text layer names the glyph
//   by them. Subsetting a composite glyph (Ў is У with a breve) reaches its parts with none: kept, that nameless
//   part would name every У printed after it, and copying the PDF's text would drop them. A glyph reached with no
//   characters is handed out but not kept, so the characters that reach it next name it.
import { createRequire } from 'node:module';

export interface Font {
  postscriptName: string;
  familyName: string;
  hasGlyphForCodePoint(code: number): boolean;
  layout(text: string): { glyphs: { advanceWidth: number }[] };
  createSubset(): { includeGlyph(glyph: { advanceWidth: number }): number; encode(): Uint8Array };
}
interface Fontkit {
  create(bytes: Uint8Array, postscriptName?: string): Font;
  registerFormat(format: FontFormat): void;
}
interface FontFormat {
  probe(bytes: Uint8Array): boolean;
  new (stream: { buffer: Uint8Array }): Font;
}
interface PdfkitFont {
  font?: Font;
  layoutCache?: Record<string, unknown>;
}
// The fontkit that pdfkit requires (and so embeds with), wherever npm put it.
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as Fontkit;

const parsed: { bytes: Uint8Array; font: Font }[] = [];
const known = (bytes: Uint8Array) => parsed.find((p) => p.bytes.length === bytes.length && Buffer.compare(p.bytes, bytes) === 0)?.font;
let parsing = false;

/** The font in `bytes`, parsed the first time these bytes are seen in this process. */
export function parseFont(bytes: Uint8Array): Font {
  const hit = known(bytes);
  if (hit) return hit;
  const font = fontkit.create(bytes);
  keepOnlyNamedGlyphs(font);
  parsed.push({ bytes, font });
  if (!parsing) answerKnownBytes(Object.getPrototypeOf(font).constructor as FontFormat);
  return font;
}

/** The first patch: `trueType` is the class fontkit made the first font with. */
function answerKnownBytes(trueType: FontFormat): void {
  const probe = trueType.probe;
  if (typeof probe !== 'function' || !Object.getOwnPropertyDescriptor(trueType, 'probe')?.writable || typeof fontkit.registerFormat !== 'function') return;
  trueType.probe = (bytes) => !known(bytes) && probe.call(trueType, bytes);
  const Known = function (stream: { buffer: Uint8Array }) {
    return known(stream.buffer);
  } as unknown as FontFormat;
  Known.probe = (bytes) => known(bytes) !== undefined;
  fontkit.registerFormat(Known);
  parsing = true;
}

interface GlyphCache {
  getGlyph?: (id: number, characters?: number[]) => unknown;
  _glyphs?: Record<number, unknown>;
}
let naming = false;

/** The third patch, on the font object itself. */
function keepOnlyNamedGlyphs(font: Font): void {
  const f = font as unknown as GlyphCache;
  const own = f.getGlyph;
  if (typeof own !== 'function' || !f._glyphs || typeof f._glyphs !== 'object') return;
  f.getGlyph = function (this: GlyphCache, id: number, characters: number[] = []) {
    if (characters.length || this._glyphs![id]) return own.call(this, id, characters);
    const glyph = own.call(this, id, characters);
    delete this._glyphs![id];
    return glyph;
  };
  naming = true;
}

const shaping = new WeakMap<Font, Record<string, unknown>>();

/** Gives a pdfkit font the shaping cache every other pdfkit font of the same file uses. */
export function shareShaping(opened: object): void {
  const pdfkitFont = opened as PdfkitFont;
  const font = pdfkitFont.font;
  if (!font || !pdfkitFont.layoutCache) return;
  let cache = shaping.get(font);
  if (!cache) shaping.set(font, (cache = pdfkitFont.layoutCache));
  pdfkitFont.layoutCache = cache;
}

/**
 * Whether the patches apply (once a font was parsed, unless fontkit changed shape): fontkit answers bytes parsed
 * before with the font made then, and keeps only glyphs reached with characters.
 */
export function fontSharing(): { parsing: boolean; naming: boolean } {
  return { parsing, naming };
}
