// What pdftotext reads in a PDF, as words with their boxes, and the text checks made on it.
// `pdftotext -bbox -raw` gives every word with its box in content-stream order: both our PDF writer and LibreOffice
// draw a table cell by cell, row by row, so the words of one cell come out together and in reading order
// (a cell that breaks across pages continues after the next page's header row).
import { run } from './programs.js';

export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e);

export function parseBbox(html: string): PdfPage[] {
  const pages: PdfPage[] = [];
  const word = /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;
  for (const chunk of html.split(/<page\b/).slice(1)) {
    const words: PdfWord[] = [];
    for (const m of chunk.matchAll(word)) words.push({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: unescape(m[5]!) });
    pages.push({ number: pages.length + 1, words });
  }
  return pages;
}

export async function readPdfWords(file: string): Promise<PdfPage[]> {
  const r = await run('pdftotext', ['-bbox', '-raw', '-enc', 'UTF-8', file, '-']);
  if (r.code !== 0) throw new Error(`pdftotext failed: ${r.stderr.trim()}`);
  return parseBbox(r.stdout);
}

/**
 * The comparable pieces of a text: split at white space and after every hyphen or dash (a line may break after
 * "чора-", and then pdftotext shows "чора-" and "тадбирлар" as two words), with punctuation stripped from both
 * ends ("таъминлаш." and «E-Anticor.uz» compare as words). Symbols such as № are kept.
 */
export function pieces(text: string): string[] {
  return text
    .split(/\s+|(?<=[-‐‑–—])/u)
    .map((w) => w.replace(/^\p{P}+|\p{P}+$/gu, ''))
    .filter(Boolean);
}

const letters = (w: string) => (w.match(/\p{L}/gu) ?? []).length;

/** The words of a content text that are checked: every piece with at least four letters. */
export function checkedWords(text: string): string[] {
  return pieces(text).filter((w) => letters(w) >= 4);
}

/** One position of the document's word stream; `joined` is the word a renderer's own hyphenation split. */
interface Token {
  text: string;
  joined?: string;
  page: number;
}

export interface WordStream {
  tokens: Token[];
  /** Index of each detected item number's token. */
  numberAt: Map<string, number>;
}

/**
 * The document as one stream of pieces. Where a word ends in a hyphen at the end of a line and the text goes on
 * in the next line, the stream also offers the two halves joined without the hyphen: the only case where a word
 * not in the content as written may match, and only because pdftotext shows the break.
 */
export function wordStream(pages: PdfPage[], numbers: DetectedNumber[]): WordStream {
  const tokens: Token[] = [];
  const numberAt = new Map<string, number>();
  const numberWords = new Set(numbers.map((n) => n.word));
  for (const page of pages) {
    page.words.forEach((w, i) => {
      if (numberWords.has(w)) numberAt.set(numbers.find((n) => n.word === w)!.number, tokens.length);
      const ps = pieces(w.text);
      ps.forEach((p) => tokens.push({ text: p, page: page.number }));
      const next = page.words[i + 1];
      if (ps.length && /[-‐‑]$/u.test(w.text) && next && next.y0 > w.y0 + 2) {
        const [head] = pieces(next.text);
        if (head) tokens[tokens.length - 1]!.joined = ps.at(-1)! + head;
      }
    });
  }
  return { tokens, numberAt };
}

/**
 * The words of `expected` not found, in order, in the stream from token `from` on: each word must come after the
 * one before it (a greedy scan finds an in-order match whenever one exists). A missing word is reported and the
 * scan goes on from where it was.
 */
export function missingInOrder(stream: WordStream, expected: string[], from: number): string[] {
  const missing: string[] = [];
  let at = from;
  for (const word of expected) {
    let i = at;
    let step = 0;
    for (; i < stream.tokens.length; i++) {
      const t = stream.tokens[i]!;
      if (t.text === word) {
        step = 1;
        break;
      }
      if (t.joined === word) {
        step = 2;
        break;
      }
    }
    if (step) at = i + step;
    else missing.push(word);
  }
  return missing;
}

export interface DetectedNumber {
  /** As printed, without its full stop: "12", "1.2". */
  number: string;
  page: number;
  word: PdfWord;
}

/** What the number cell of an item continued on a new page adds under its number (templates/locale*.yaml). */
export const CONTINUED = ['давоми', 'davomi'];

/** The first "№" on a page: the header row's first cell. */
const numberSign = (page: PdfPage) => page.words.find((w) => w.text === '№');

/**
 * Item numbers as printed in the № column: words "12." below the header's № whose centre lies on the centre of
 * the № heading (both are centred in the narrow first column). Step numbers ("1. …") stand in the mechanism
 * column, and the extracts' month summary writes numbers without a full stop, so neither is taken for an item.
 */
export function itemNumbers(pages: PdfPage[]): DetectedNumber[] {
  const found: DetectedNumber[] = [];
  for (const page of pages) {
    const sign = numberSign(page);
    if (!sign) continue;
    const centre = (sign.x0 + sign.x1) / 2;
    const column = page.words.filter((w) => w.y0 > sign.y0 && Math.abs((w.x0 + w.x1) / 2 - centre) < 12).sort((a, b) => a.y0 - b.y0);
    column.forEach((w, i) => {
      const m = /^(\d+(?:\.\d+)*)\.$/.exec(w.text);
      // "12." over "давоми" is item 12 going on from the page before, not item 12 again.
      const continued = CONTINUED.includes(column[i + 1]?.text ?? '') && column[i + 1]!.y0 - w.y0 < 14;
      if (m && !continued) found.push({ number: m[1]!, page: page.number, word: w });
    });
  }
  return found;
}

/**
 * Pages whose header row does not read the headings, with why. The header row is what follows the page's first
 * "№": its next pieces must be exactly the headings' pieces, and each heading's pieces must come in order. This
 * holds however a heading wraps inside its cell ("Ижро" / "муддати" on two lines, drawn before or after the next
 * cell's lines), and fails if a heading is missing, misspelt, or the row is not at the top of the table.
 * Pages before the table's first page (an extract's summary may fill page 1) need none.
 */
export function pagesWithoutHeader(pages: PdfPage[], headings: readonly string[]): string[] {
  const rest = headings.filter((h) => h !== '№').map(pieces);
  const count = rest.reduce((n, p) => n + p.length, 0);
  const wanted = rest.flat().sort().join('\u0000');
  const problems: string[] = [];
  const first = pages.findIndex((p) => numberSign(p));
  if (first < 0) return ['no page has the header row (no № found)'];
  for (const page of pages.slice(first)) {
    const sign = numberSign(page);
    if (!sign) {
      const text = page.words.map((w) => w.text).join(' ');
      problems.push(`page ${page.number}: no header row (no №)${page.words.length <= 3 ? `; the page is blank but for “${text}”` : ''}`);
      continue;
    }
    const after = page.words
      .slice(page.words.indexOf(sign) + 1)
      .flatMap((w) => pieces(w.text))
      .slice(0, count);
    const lost = rest.filter((h) => missingInOrder({ tokens: after.map((text) => ({ text, page: page.number })), numberAt: new Map() }, h, 0).length > 0);
    if (lost.length) problems.push(`page ${page.number}: header row lacks ${lost.map((h) => `“${h.join(' ')}”`).join(', ')}`);
    else if ([...after].sort().join('\u0000') !== wanted) problems.push(`page ${page.number}: header row reads “${after.join(' ')}”`);
  }
  return problems;
}

/**
 * Lines printed over each other: two words, one on a lower line than the other, whose boxes share some width and
 * more than `share` of the smaller height. pdftotext's boxes span the font's whole ascent and descent (about 1.2–1.3
 * times the size), so text set solid shows a small overlap between lines (LibreOffice: about 16 % of the box);
 * a 14-point title on 12-point exact line spacing overlaps by a third.
 */
export function overlappingLines(pages: PdfPage[], share = 0.25): string[] {
  const seen = new Map<string, string>();
  for (const page of pages) {
    const words = [...page.words].sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < words.length; i++) {
      const a = words[i]!;
      for (let j = i + 1; j < words.length && words[j]!.y0 < a.y1; j++) {
        const b = words[j]!;
        if (b.y0 <= a.y0 + 1 || b.x1 <= a.x0 || b.x0 >= a.x1) continue;
        const overlap = Math.min(a.y1, b.y1) - b.y0;
        if (overlap <= share * Math.min(a.y1 - a.y0, b.y1 - b.y0)) continue;
        const key = `${page.number}/${a.y0.toFixed(0)}/${b.y0.toFixed(0)}`;
        if (!seen.has(key)) seen.set(key, `page ${page.number}: “${lineOf(words, a)}” over “${lineOf(words, b)}”`);
      }
    }
  }
  return [...seen.values()];
}

/** The words on the same baseline as `w` and in reach of it (the same cell or title line), left to right. */
function lineOf(words: PdfWord[], w: PdfWord): string {
  const line = words.filter((o) => Math.abs(o.y0 - w.y0) < 0.5 && Math.abs(o.x0 - w.x0) < 200).sort((a, b) => a.x0 - b.x0);
  const text = line.map((o) => o.text).join(' ');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** How many times each of `chars` occurs in the text of all pages. */
export function letterCounts(pages: PdfPage[], chars: readonly string[]): Map<string, number> {
  const counts = new Map(chars.map((c) => [c, 0]));
  for (const page of pages) for (const w of page.words) for (const ch of w.text) if (counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  return counts;
}
