// Text comparison and table segmentation shared by the end-to-end tests.
import { HEADINGS } from '../../scripts/lib/expected.js';
import type { Item } from '../../src/domain/types.js';
import { columnLines, type ColumnLine, type PdfPage } from '../readers/pdf.js';

// The column headings and the Uzbek letters: one list for these tests and `npm run verify`.
export { HEADINGS, UZBEK_LETTERS } from '../../scripts/lib/expected.js';

/** Whitespace runs become one space. */
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** All whitespace removed: equal whatever the line breaks. */
export const squash = (s: string) => s.replace(/\s+|\u2010/gu, '');

/**
 * Words, also split after a hyphen or dash: a line break after "E-" in print reads "E- Anticor.uz" once lines are
 * joined with spaces, and "E-Anticor.uz" in the content; both give ["E-", "Anticor.uz"].
 */
export const words = (s: string) =>
  s
    // The hyphen the layout prints where it breaks a word (U+2010) is not part of the word.
    .replace(/\u2010\s+/gu, '')
    .split(/\s+|(?<=[-‐‑–—])/u)
    .map((w) => w.trim())
    .filter(Boolean);

/** What the mechanism cell prints: the intro, then the steps, numbered "1. …" when the item numbers them. */
export function mechanismParagraphs(item: Item): string[] {
  const { intro, numbered, steps } = item.mechanism;
  return [...(intro ? [intro] : []), ...steps.map((s, i) => (numbered ? `${i + 1}. ${s}` : s))];
}

/**
 * The lines of a column below its heading: on every page the first lines that read `heading` (the repeated header
 * cell) are dropped. `headingFound` lists, per page, whether they were there.
 */
export function bodyLines(pages: PdfPage[], col: number, heading: string): { lines: ColumnLine[]; headingFound: Record<number, boolean> } {
  const all = columnLines(pages, col);
  const lines: ColumnLine[] = [];
  const headingFound: Record<number, boolean> = {};
  for (const page of pages) {
    const onPage = all.filter((l) => l.page === page.number);
    let skip = 0;
    for (let k = 1; k <= Math.min(4, onPage.length); k++) {
      if (
        norm(
          onPage
            .slice(0, k)
            .map((l) => l.text)
            .join(' '),
        ) === heading
      ) {
        skip = k;
        break;
      }
    }
    headingFound[page.number] = skip > 0;
    lines.push(...onPage.slice(skip));
  }
  return { lines, headingFound };
}

/** Reading-order key: earlier pages first, then higher on the page. */
const before = (a: { page: number; y: number }, b: { page: number; y: number }, tolerance = 1) =>
  a.page < b.page || (a.page === b.page && a.y >= b.y - tolerance);

/**
 * Splits a column's body text by item: a line belongs to the last item whose number (column 1) is printed at or above
 * it in reading order, so a cell continued on the next page stays with its item. Lines above the first number go to
 * key 0.
 */
export function textByItem(pages: PdfPage[], col: number): Map<number, string> {
  const numbers = itemNumberLines(pages).flatMap((l) => {
    const m = /^(\d+)\.$/.exec(l.text);
    return m ? [{ page: l.page, y: l.y, number: Number(m[1]) }] : [];
  });
  const out = new Map<number, string[]>();
  for (const line of bodyLines(pages, col, HEADINGS[col - 1]!).lines) {
    let owner = 0;
    for (const n of numbers) if (before(n, line)) owner = n.number;
    out.set(owner, [...(out.get(owner) ?? []), line.text]);
  }
  return new Map([...out].map(([k, v]) => [k, v.join(' ')]));
}

/** The words the number cell adds where an item continues from the page before (templates/locale*.yaml). */
export const CONTINUED = ['давоми', 'davomi'];

/** Lines of column 1 below the heading, without the number and word that mark an item continued on a new page. */
export function itemNumberLines(pages: PdfPage[]): ColumnLine[] {
  const lines = bodyLines(pages, 1, HEADINGS[0]).lines;
  return lines.filter((l, i) => !CONTINUED.includes(l.text) && !CONTINUED.includes(lines[i + 1]?.text ?? ''));
}

/** Cyrillic letters, including the Uzbek ones. */
export const CYRILLIC = /[\u0400-\u04FF]/u;
export const LATIN = /[A-Za-z\u00C0-\u024F]/u;
