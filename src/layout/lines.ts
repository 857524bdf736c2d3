// Line breaking, the way pdfmake does it (UAX #14 break opportunities, words measured with their trailing space,
// greedy filling), plus what pdfmake lacks: an unbreakable run stays on one line, and a line that ends at a soft
// hyphen (U+00AD) is measured with the hyphen it prints. The PDF writer sets exactly these lines.
import LineBreaker from 'linebreak';
import type { Inline, Paragraph } from '../document/types.js';
import { SOFT_HYPHEN } from '../uz/hyphenate.js';
import { styleOf, type FontMetrics, type FontStyle } from './fonts.js';

export { SOFT_HYPHEN };

/** Printed where a word is broken at a soft hyphen: U+2010, which looks like "-" but tells a reader it is a break. */
export const HYPHEN = '\u2010';
const SHY = /\u00AD/g;

/** One unit of line breaking: text between two break opportunities (it may run across inlines of different style). */
interface Unit {
  start: number;
  pieces: { inline: number; text: string; style: FontStyle }[];
  /** Ends at a soft hyphen: if a line ends here it prints a hyphen. */
  hyphen: boolean;
  /** A forced line break follows. */
  lineEnd: boolean;
}

function segments(text: string): string[] {
  const out: string[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position > last) out.push(text.slice(last, bk.position));
    last = bk.position;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Whether a line may break between `before` and `after` (the text on either side of two inlines' seam). */
function breakableSeam(before: string, after: string): boolean {
  if (!before || !after) return true;
  const lastWord = segments(before).at(-1) ?? '';
  const firstWord = segments(after)[0] ?? '';
  return segments(lastWord + firstWord).length > 1;
}

/** The paragraph's text as the offsets of `lines` count it: runs joined, a forced break as "\n". */
export function flatText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '\n' : '')).join('');
}

function units(p: Paragraph): Unit[] {
  const out: Unit[] = [];
  let offset = 0;
  let open: Unit | null = null;
  let previousText = '';
  const close = () => {
    if (open) out.push(open);
    open = null;
  };
  p.inlines.forEach((inline, index) => {
    if (inline.kind === 'break') {
      if (!open) open = { start: offset, pieces: [], hyphen: false, lineEnd: true };
      open.lineEnd = true;
      close();
      offset += 1;
      previousText = '';
      return;
    }
    if (inline.kind !== 'text') return;
    const style = styleOf(inline);
    if (open && breakableSeam(previousText, inline.text.replace(SHY, ''))) close();
    const pieces = inline.nowrap ? [inline.text] : segments(inline.text);
    pieces.forEach((piece, k) => {
      if (!open) open = { start: offset, pieces: [], hyphen: false, lineEnd: false };
      open.pieces.push({ inline: index, text: piece, style });
      open.hyphen = piece.endsWith(SOFT_HYPHEN);
      offset += piece.length;
      // Inside one inline every piece ends at a break opportunity; the last one only if the next inline allows it.
      if (k < pieces.length - 1) close();
    });
    previousText = inline.text.replace(SHY, '');
  });
  close();
  return out;
}

/**
 * The width of a line as pdfmake measures what the PDF writer gives it: each inline's text on the line (soft hyphens
 * dropped, the printed hyphen at a broken end) split at its break opportunities, each piece measured whole, the
 * spaces at the end of the line not counted.
 */
function lineWidth(line: Unit[], size: number, family: string, metrics: FontMetrics): number {
  const runs: { text: string; style: FontStyle }[] = [];
  let inline = -1;
  for (const u of line) {
    for (const piece of u.pieces) {
      if (piece.inline === inline) runs[runs.length - 1]!.text += piece.text;
      else runs.push({ text: piece.text, style: piece.style });
      inline = piece.inline;
    }
  }
  if (line.at(-1)?.hyphen && runs.length) runs[runs.length - 1]!.text += HYPHEN;
  let width = 0;
  runs.forEach((run, i) => {
    const text = run.text.replace(SHY, '');
    for (const segment of segments(text)) width += metrics.width(segment, family, run.style, size);
    if (i === runs.length - 1) {
      const spaces = /\s+$/.exec(text)?.[0];
      if (spaces) width -= metrics.width(spaces, family, run.style, size);
    }
  });
  return width;
}

export interface BrokenParagraph {
  /** Offsets where wrapped lines start (see Paragraph.lines). */
  lines: number[];
  /** Lines the paragraph takes, forced breaks included. */
  count: number;
}

/** Breaks `p` into lines no wider than `width` points. */
export function breakLines(p: Paragraph, width: number, family: string, metrics: FontMetrics): BrokenParagraph {
  const size = p.size ?? 12;
  const max = width - 0.01;
  const list = units(p);
  const lines: number[] = [];
  let count = 1;
  let line: Unit[] = [];
  for (const u of list) {
    if (line.length && lineWidth([...line, u], size, family, metrics) > max) {
      lines.push(u.start);
      count++;
      line = [];
    }
    line.push(u);
    if (u.lineEnd) {
      count++;
      line = [];
    }
  }
  // A paragraph that ends in a forced break does not get an extra empty line counted twice.
  if (list.at(-1)?.lineEnd) count--;
  return { lines, count: Math.max(1, count) };
}

/** The paragraph's lines as text pieces: each line's inlines, soft hyphens dropped, a hyphen printed where one ends a line. */
export function lineRuns(p: Paragraph): Inline[][] {
  const breaks = new Set(p.lines ?? []);
  const result: Inline[][] = [[]];
  let offset = 0;
  const push = (inline: Inline) => result[result.length - 1]!.push(inline);
  for (const inline of p.inlines) {
    if (inline.kind === 'break') {
      result.push([]);
      offset += 1;
      continue;
    }
    if (inline.kind !== 'text') {
      push(inline);
      continue;
    }
    let from = 0;
    for (let k = 1; k <= inline.text.length; k++) {
      if (k < inline.text.length && !breaks.has(offset + k)) continue;
      if (k === inline.text.length && !breaks.has(offset + k)) break;
      // A break at offset + k: the line so far ends here.
      const piece = inline.text.slice(from, k);
      const hyphen = piece.endsWith(SOFT_HYPHEN);
      const text = piece.replace(SHY, '') + (hyphen ? HYPHEN : '');
      if (text) push({ ...inline, text });
      result.push([]);
      from = k;
    }
    const rest = inline.text.slice(from).replace(SHY, '');
    if (rest) push({ ...inline, text: rest });
    offset += inline.text.length;
  }
  return result;
}
