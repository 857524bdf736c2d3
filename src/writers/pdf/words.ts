// A paragraph's laid-out lines as the words the PDF draws one by one, each measured and placed on its line.
// The PDF is drawn word by word, each word a text object at its own x, and every number below follows the
// arithmetic of pdfmake 0.3, which drew these documents before (same operations in the same order), so that the
// bytes stay those of its output: words split at UAX #14 break opportunities with their trailing space, a line's
// width counting the spaces at its end except at the last line, a line's height the font's (ascender − descender)
// times the line-height factor.
import LineBreaker from 'linebreak';
import { lineRuns } from '../../layout/lines.js';
import { held, remembered } from '../../memo.js';
import { styleOf, type FontStyle } from '../../layout/fonts.js';
import type { Align, Inline, Paragraph } from '../../document/types.js';

/** A pdfkit font (EmbeddedFont) as the writer uses it. */
export interface PdfFont {
  id: string;
  ascender: number;
  descender: number;
  widthOfString(text: string, size: number): number;
  lineHeight(size: number): number;
  /** The font's reference in the PDF, made when first used. */
  ref(): unknown;
  /** Glyph ids in hex and positions (1000 units per em) of `text`, the glyphs added to the document's subset. */
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}

/**
 * A line as the page draws it, word by word: the same in every document whose fonts are the same files (see
 * `TextStyle.key`). The words are held side by side in arrays, as a long plan keeps many thousands of lines.
 */
export interface Line {
  texts: string[];
  styles: FontStyle[];
  /** Where each word starts on the line (before any alignment). */
  xs: number[];
  /** From the line's top to each word's, which sets its baseline on the line's (the tallest ascender decides it). */
  dys: number[];
  size: number;
  /** Width without the spaces the line starts and ends with. */
  width: number;
  height: number;
}

export interface TextStyle {
  font(style: FontStyle): PdfFont;
  /** The size of paragraphs that set none. */
  size: number;
  /** The line height as a multiple of the font's own (ascender − descender). */
  lineHeight: number;
  /** Names the font files, size and line height: documents with the same key set the same text in the same lines. */
  key: string;
}

export interface PageInfo {
  current: number;
  count: number;
}

interface Piece {
  text: string;
  style: FontStyle;
  lineEnd: boolean;
  /** No break opportunity between this word and the next (they join across two inlines). */
  noNewLine?: boolean;
  noWrap?: boolean;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;
const LEADING_SPACE = /^\s/;

/** Text split after each break opportunity; a forced break ends its word with `lineEnd` (pdfmake's splitWords). */
function splitWords(text: string, noWrap: boolean): { text: string; lineEnd: boolean }[] {
  if (noWrap || text.length === 0) return [{ text, lineEnd: false }];
  const words: { text: string; lineEnd: boolean }[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const word = text.slice(last, bk.position);
    if (bk.required || /\r?\n$|\r$/.test(word)) words.push({ text: word.replace(/\r?\n$|\r$/, ''), lineEnd: true });
    else words.push({ text: word, lineEnd: false });
    last = bk.position;
  }
  return words;
}

function inlineText(inline: Inline, page?: PageInfo): string {
  switch (inline.kind) {
    case 'text':
      return inline.text;
    case 'break':
      return '\n';
    case 'page-number':
      return String(page?.current ?? '');
    case 'page-count':
      return String(page?.count ?? '');
  }
}

/** The inlines pdfmake was given for the paragraph: its measured lines, a forced break between two of them. */
function items(p: Paragraph, page?: PageInfo): { text: string; style: FontStyle; noWrap: boolean }[] {
  const lines = lineRuns(p);
  return lines.flatMap((line, i) => [
    ...line.map((inline) => ({
      text: inlineText(inline, page),
      style: inline.kind === 'text' ? styleOf(inline) : ('normal' as FontStyle),
      noWrap: inline.kind === 'text' && inline.nowrap === true,
    })),
    ...(i < lines.length - 1 ? [{ text: '\n', style: 'normal' as FontStyle, noWrap: false }] : []),
  ]);
}

// A paragraph's words, worked out once: the fonts are opened in one pass over the document, the lines set in another.
const known = new WeakMap<Paragraph, Piece[]>();

/** The paragraph's words, marked where two inlines join without a break opportunity (pdfmake's TextBreaker). */
function pieces(p: Paragraph, page?: PageInfo): Piece[] {
  if (page) return split(p, page);
  return held(known, p, () => split(p));
}

function split(p: Paragraph, page?: PageInfo): Piece[] {
  const list = items(p, page);
  // An empty paragraph is one space high.
  if (!list.length) return [{ text: ' ', style: 'normal', lineEnd: false }];
  const out: Piece[] = [];
  let lastWord: string | null = null;
  list.forEach((item, i) => {
    const words = splitWords(item.text, item.noWrap);
    if (lastWord !== null && words.length) {
      const first = item.noWrap ? (splitWords(words[0]!.text, false)[0]?.text ?? null) : words[0]!.text;
      if (first !== null && splitWords(lastWord + first, false).length === 1) out[out.length - 1]!.noNewLine = true;
    }
    for (const w of words) out.push({ ...w, style: item.style, noWrap: item.noWrap });
    lastWord = null;
    const last = words.at(-1);
    if (i + 1 < list.length && last && !last.lineEnd) lastWord = item.noWrap ? (splitWords(last.text, false).at(-1)?.text ?? null) : last.text;
  });
  return out;
}

/** The font style of each word of the paragraph, in order. */
export function wordStyles(p: Paragraph): FontStyle[] {
  return pieces(p).map((piece) => piece.style);
}

const stylesOf = new WeakMap<Paragraph, FontStyle[]>();

/**
 * The distinct styles of `wordStyles(p)` in the order they first occur, without splitting the text into words:
 * every inline the words are split from gives at least one word, in its style, and a paragraph with none is one
 * space in the normal style.
 */
export function paragraphStyles(p: Paragraph): FontStyle[] {
  let styles = stylesOf.get(p);
  if (!styles) {
    const list = items(p);
    styles = list.length ? [...new Set(list.map((item) => item.style))] : ['normal'];
    stylesOf.set(p, styles);
  }
  return styles;
}

interface Measured {
  text: string;
  font: PdfFont;
  style: FontStyle;
  size: number;
  width: number;
  height: number;
  x: number;
  leadingCut: number;
  trailingCut: number;
  lineEnd: boolean;
  noNewLine: boolean;
  noWrap: boolean;
}

/** A piece's width, and those of its leading and trailing spaces. */
type Widths = [width: number, leading: number, trailing: number];

/**
 * Widths by font file, size and text, for the whole process: the same words recur on every page and in every
 * extract, and pdfkit measures each again from its shaped run. The same numbers pdfkit gives, kept.
 */
const measured = new WeakMap<object, Map<number, Map<string, Widths>>>();

function widthsOf(font: PdfFont, size: number, text: string): Widths {
  const file = (font as { font?: object }).font ?? font;
  const byText = held(
    held(measured, file, () => new Map<number, Map<string, Widths>>()),
    size,
    () => new Map<string, Widths>(),
  );
  return remembered(
    byText,
    text,
    () => {
      const leading = text.match(LEADING);
      const trailing = text.match(TRAILING);
      return [font.widthOfString(text, size), leading ? font.widthOfString(leading[0], size) : 0, trailing ? font.widthOfString(trailing[0], size) : 0];
    },
    200_000,
  );
}

function measure(piece: Piece, size: number, style: TextStyle, leadingCut: number): Measured {
  const font = style.font(piece.style);
  const [width, leading, trailing] = widthsOf(font, size, piece.text);
  return {
    text: piece.text,
    font,
    style: piece.style,
    size,
    width,
    height: font.lineHeight(size) * style.lineHeight,
    x: 0,
    leadingCut: LEADING_SPACE.test(piece.text) ? leadingCut + leading : leadingCut,
    trailingCut: trailing,
    lineEnd: piece.lineEnd,
    noNewLine: piece.noNewLine === true,
    noWrap: piece.noWrap === true,
  };
}

/** A paragraph's lines, and the font styles of its words in the order they are first used. */
interface SetParagraph {
  lines: Line[];
  styles: FontStyle[];
}

/**
 * Paragraphs set in lines, for the whole process, by what decides their lines: the fonts (`TextStyle.key`), the
 * width, the size, the indent, the text with its styles and the layout's breaks. The extracts set the plan's rows
 * again at the same widths, and a plan repeats its cells; every number is the one measuring again would give.
 */
const set = new Map<string, SetParagraph>();
/** Each `TextStyle.key` as a short number, for the keys of `set`. */
const styleIds = new Map<string, number>();
/** A paragraph's part of that key, worked out once per paragraph. */
const contentKeys = new WeakMap<Paragraph, string>();

function contentKey(p: Paragraph): string {
  let key = contentKeys.get(p);
  if (key === undefined) {
    key = `${p.size ?? ''}|${p.indent ?? ''}|${(p.lines ?? []).join(',')}|`;
    for (const i of p.inlines) key += i.kind === 'text' ? `${styleOf(i)}${i.nowrap ? '!' : ''}${i.text.length}:${i.text}` : `<${i.kind}>`;
    contentKeys.set(p, key);
  }
  return key;
}

/** The paragraph's lines of measured words. A footer's (given the page it is on) is set each time. */
export function paragraphLines(p: Paragraph, style: TextStyle, width: number, page?: PageInfo): Line[] {
  if (page) return lines(pieces(p, page), p.size ?? style.size, style, width, p.indent);
  let id = styleIds.get(style.key);
  if (id === undefined) styleIds.set(style.key, (id = styleIds.size));
  const known = remembered(
    set,
    `${id}|${width}|${contentKey(p)}`,
    () => ({ lines: lines(pieces(p), p.size ?? style.size, style, width, p.indent), styles: paragraphStyles(p) }),
    20_000,
  );
  // Opening the fonts as measuring would have, in case one is not open yet: that numbers the document's fonts.
  for (const s of known.styles) style.font(s);
  return known.lines;
}

/** A line with one empty word: what an empty column beside the approval block holds. */
export function emptyLine(style: TextStyle): Line {
  return lines([{ text: '', style: 'normal', lineEnd: false }], style.size, style, Infinity)[0]!;
}

function lines(list: Piece[], size: number, style: TextStyle, width: number, indent?: number): Line[] {
  // The words still to place, the next one last.
  const words = list.map((piece, i) => measure(piece, size, style, i === 0 && indent ? -indent : 0)).reverse();
  const result: Line[] = [];
  while (words.length) result.push(nextLine(words, width));
  return result;
}

/** A line in the making: pdfmake's Line. */
class LineBuilder {
  words: Measured[] = [];
  sum = 0;
  leadingCut = 0;
  trailingCut = 0;
  forced = false;
  constructor(private maxWidth: number) {}
  add(w: Measured): void {
    if (!this.words.length) this.leadingCut = w.leadingCut;
    this.trailingCut = w.trailingCut;
    w.x = this.sum - this.leadingCut;
    this.words.push(w);
    this.sum += w.width;
    if (w.lineEnd) this.forced = true;
  }
  width(): number {
    return this.sum - this.leadingCut - this.trailingCut;
  }
  room(): number {
    return this.maxWidth - this.width();
  }
  /** Whether the next word of `words` (with the words it may not be parted from) fits on the line. */
  fits(words: Measured[]): boolean {
    if (!this.words.length) return true;
    if (this.forced) return false;
    const w = words.at(-1)!;
    let width = w.width;
    let cut = w.trailingCut;
    if (w.noNewLine) {
      for (let k = words.length - 2; k >= 0; k--) {
        const n = words[k]!;
        width += n.width;
        cut += n.trailingCut;
        if (!n.noNewLine) break;
      }
    }
    return this.sum + width - this.leadingCut - cut <= this.maxWidth;
  }
}

/** The longest start of `text` no wider than `room` (at least one character). */
function fitLength(text: string, room: number, w: Measured): number {
  let low = 1;
  let high = text.length;
  let best = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (w.font.widthOfString(text.substring(0, mid), w.size) <= room) {
      best = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}

/**
 * Takes the next line's words off `words` (the next one last), as pdfmake filled a line: the layout's breaks are forced breaks, so
 * the lines are the layout's; but a word wider than what is left of the line (its trailing space counted) is cut
 * where it stops fitting and drawn in two pieces, the pieces keeping the whole word's cuts.
 */
function nextLine(words: Measured[], maxWidth: number): Line {
  const line = new LineBuilder(maxWidth);
  let forceContinue = false;
  while (words.length && (line.fits(words) || forceContinue)) {
    let hardWrap = false;
    const w = words.pop()!;
    if (!w.noWrap && w.text.length > 1 && w.width > line.room()) {
      const n = fitLength(w.text, line.room(), w);
      if (n < w.text.length) {
        const rest: Measured = { ...w, text: w.text.substr(n) };
        w.text = w.text.substr(0, n);
        rest.width = w.font.widthOfString(rest.text, w.size);
        w.width = w.font.widthOfString(w.text, w.size);
        words.push(rest);
        hardWrap = true;
      }
    }
    line.add(w);
    forceContinue = w.noNewLine && !hardWrap;
  }
  const placed = line.words;
  const height = Math.max(0, ...placed.map((w) => w.height));
  const ascenderHeight = Math.max(0, ...placed.map((w) => (w.font.ascender / 1000) * w.size));
  const descent = height - ascenderHeight;
  return {
    texts: placed.map((w) => w.text),
    styles: placed.map((w) => w.style),
    xs: placed.map((w) => w.x),
    dys: placed.map((w) => height - (w.font.ascender / 1000) * w.size - descent),
    size: placed[0]?.size ?? 0,
    width: line.width(),
    height,
  };
}

/**
 * How far a line moves right in a box `width` wide. Justified text stays left: each line of a laid-out paragraph
 * but the last ends in a forced break, and pdfmake justified neither.
 */
export function alignOffset(align: Align | undefined, width: number, lineWidth: number): number {
  if (align === 'right') return width - lineWidth;
  if (align === 'center') return (width - lineWidth) / 2;
  return 0;
}
