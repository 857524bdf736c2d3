// Line breaking, the way pdfmake does it (UAX #14 break opportunities, words measured with their trailing space,
// greedy filling), plus what pdfmake lacks: an unbreakable run stays on one line, and a line that ends at a soft
// hyphen (U+00AD) is measured with the hyphen it prints. The PDF writer sets exactly these lines.
import LineBreaker from 'linebreak';
import type { Inline, Paragraph } from '../document/types.js';
import { remembered } from '../memo.js';
import { SOFT_HYPHEN } from '../uz/hyphenate.js';
import { styleOf, type FontMetrics, type FontStyle } from './fonts.js';

export { SOFT_HYPHEN };

/** Printed where a word is broken at a soft hyphen: U+2010, which looks like "-" but tells a reader it is a break. */
export const HYPHEN = '\u2010';
const SHY = /\u00AD/g;

/** One unit of line breaking: text between two break opportunities (it may run across inlines of different style). */
export interface Unit {
  start: number;
  /** `clean`: the piece as printed, its soft hyphens dropped. */
  pieces: { inline: number; text: string; clean: string; style: FontStyle; nowrap: boolean }[];
  /** Ends at a soft hyphen: if a line ends here it prints a hyphen. */
  hyphen: boolean;
  /** A forced line break follows. */
  lineEnd: boolean;
}

/** `text` cut at its break opportunities (UAX #14). */
export function segments(text: string): string[] {
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

/** Joined word parts seen before: whether each has no break opportunity inside (the same words recur all through a plan). */
const wholeWords = new Map<string, boolean>();

function unbroken(text: string): boolean {
  return remembered(wholeWords, text, () => segments(text).length === 1, 100_000);
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

/** The paragraph's units of line breaking, in order. */
export function units(p: Paragraph): Unit[] {
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
      open.pieces.push({ inline: index, text: piece, clean: piece.replace(SHY, ''), style, nowrap: inline.nowrap ?? false });
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
 * The width of a line being filled, as pdfmake measures what the PDF writer gives it: each inline's text on the line
 * (soft hyphens dropped, the printed hyphen at a broken end) split at its break opportunities, each piece measured
 * whole and the widths added from the left, the spaces at the end of the line not counted.
 *
 * The line's pieces are the units' own (found once per paragraph), joined where a soft hyphen between them is
 * dropped; only an unbreakable run is split again. Adding a unit measures its pieces alone, where measuring the
 * whole line anew for every unit was quadratic in the words of a line. test/unit/line-measure.test.ts checks that
 * both give the same width, to the bit, on every line of the shipped plan.
 */
export class LineMeasure {
  /** Widths of the line's finished pieces, added from the left. */
  private head = 0;
  /** The inline and style of the line's last run. */
  private inline = -1;
  private style: FontStyle = 'normal';
  /** The last run's last piece (not finished: a soft hyphen may join the next to it), and the whole run's text. */
  private last = '';
  private joins = false;
  private run = '';
  /** The state after the unit last asked about, which `add` takes without measuring again. */
  private next: { u: Unit; head: number; inline: number; style: FontStyle; last: string; joins: boolean; run: string } | undefined;

  constructor(
    private readonly size: number,
    private readonly family: string,
    private readonly metrics: FontMetrics,
  ) {}

  private width(text: string, style: FontStyle): number {
    return this.metrics.width(text, this.family, style, this.size);
  }

  /** The line's width with `u` added at its end. */
  widthWith(u: Unit): number {
    let { head, inline, style, last, joins, run } = this;
    for (const piece of u.pieces) {
      const text = piece.clean;
      if (piece.inline === inline && !piece.nowrap) {
        // Joined across a dropped soft hyphen, unless the joined text still breaks there ("a\u00AD—b").
        if (joins && unbroken(last + text)) last += text;
        else {
          head += this.width(last, style);
          last = text;
        }
        run += text;
      } else {
        if (inline !== -1) head += this.width(last, style);
        inline = piece.inline;
        style = piece.style;
        run = text;
        if (piece.nowrap) {
          const parts = segments(text);
          for (let i = 0; i < parts.length - 1; i++) head += this.width(parts[i]!, style);
          last = parts.at(-1) ?? '';
        } else last = text;
      }
      joins = piece.text.endsWith(SOFT_HYPHEN);
    }
    this.next = { u, head, inline, style, last, joins, run };
    if (inline === -1) return 0;
    const printed = u.hyphen ? last + HYPHEN : last;
    let spaces = /\s+$/.exec(printed)?.[0];
    // Spaces at the end of a run can reach back past its last piece only if that piece is all spaces.
    if (spaces && spaces.length === printed.length) spaces = /\s+$/.exec(run)?.[0];
    const width = head + this.width(printed, style);
    return spaces ? width - this.width(spaces, style) : width;
  }

  /** Adds `u` to the line. */
  add(u: Unit): void {
    if (this.next?.u !== u) this.widthWith(u);
    ({ head: this.head, inline: this.inline, style: this.style, last: this.last, joins: this.joins, run: this.run } = this.next!);
    this.next = undefined;
  }
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
  let line = new LineMeasure(size, family, metrics);
  let empty = true;
  for (const u of list) {
    if (!empty && line.widthWith(u) > max) {
      lines.push(u.start);
      count++;
      line = new LineMeasure(size, family, metrics);
    }
    line.add(u);
    empty = false;
    if (u.lineEnd) {
      count++;
      line = new LineMeasure(size, family, metrics);
      empty = true;
    }
  }
  // A paragraph that ends in a forced break does not get an extra empty line counted twice.
  if (list.at(-1)?.lineEnd) count--;
  return { lines, count: Math.max(1, count) };
}

/** The paragraph's lines as text pieces: each line's inlines, soft hyphens dropped, a hyphen printed where one ends a line. */
export function lineRuns(p: Paragraph): Inline[][] {
  const breaks = [...new Set(p.lines ?? [])].sort((a, b) => a - b);
  let next = 0;
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
    // A break at an inline's first offset belongs to the inline before it, which ends there.
    while (next < breaks.length && breaks[next]! <= offset) next++;
    const end = offset + inline.text.length;
    let from = 0;
    for (; next < breaks.length && breaks[next]! <= end; next++) {
      // A break at offset + k: the line so far ends here.
      const k = breaks[next]! - offset;
      const piece = inline.text.slice(from, k);
      const hyphen = piece.endsWith(SOFT_HYPHEN);
      const text = piece.replace(SHY, '') + (hyphen ? HYPHEN : '');
      if (text) push({ ...inline, text });
      result.push([]);
      from = k;
    }
    const rest = inline.text.slice(from).replace(SHY, '');
    if (rest) push({ ...inline, text: rest });
    offset = end;
  }
  return result;
}
