// Joining an item's cells across its rows: a row split by a page break continues its text on the next page
// (joined with one space); a word that starts that continuation with a capital in mid-sentence is recorded
// (a page-break capital, kept as found).
import type { Column, RawItem } from './table.js';

/** A paragraph of a cell, with the table row each part of its text came from. */
export interface Para {
  text: string;
  marks: { at: number; row: number }[];
}

export interface PageBreakCapital {
  column: Column;
  row: number;
  word: string;
}

const ENDS_SENTENCE = /[.;:!?]$/u;
/** The hyphen our layout prints where it breaks a word (see src/layout/lines.ts). */
const HYPHENATED = '\u2010';
const CAPITAL_WORD = /^\p{Lu}\p{Ll}/u;

export function rowAt(p: Para, offset: number): number {
  let row = p.marks[0]!.row;
  for (const m of p.marks) if (m.at <= offset) row = m.row;
  return row;
}

/**
 * The paragraphs of one column of an item. A continuation row's first paragraph runs on from the last one
 * when that did not end a sentence; a sub-row (one per step) always starts new paragraphs.
 */
export function columnParagraphs(item: RawItem, column: Column, capitals: PageBreakCapital[]): Para[] {
  const out: Para[] = [];
  for (const row of item.rows) {
    const slot = row.slots[column];
    if (slot.kind !== 'text') continue;
    slot.paragraphs.forEach((text, i) => {
      const last = out[out.length - 1];
      if (i === 0 && row.kind === 'continuation' && last && !ENDS_SENTENCE.test(last.text)) {
        if (CAPITAL_WORD.test(text) && !last.text.endsWith(HYPHENATED) && !row.named)
          capitals.push({ column, row: row.row, word: text.split(/\s/)[0]!.replace(/[.,;:]+$/, '') });
        // A word the layout broke at the page (U+2010 at the end of the first part) is one word again.
        const broken = last.text.endsWith(HYPHENATED);
        if (broken) last.text = last.text.slice(0, -1);
        last.marks.push({ at: last.text.length + (broken ? 0 : 1), row: row.row });
        last.text = broken ? `${last.text}${text}` : `${last.text} ${text}`;
      } else out.push({ text, marks: [{ at: 0, row: row.row }] });
    });
  }
  return out;
}

/** One column as one text (paragraphs joined with `separator`). */
export function columnText(item: RawItem, column: Column, capitals: PageBreakCapital[], separator = ' '): string {
  return columnParagraphs(item, column, capitals)
    .map((p) => p.text)
    .join(separator);
}

/** The row of each text slot of a column, for messages ("table row 12"). */
export function firstRowOf(item: RawItem, column: Column): number {
  return item.rows.find((r) => r.slots[column].kind === 'text')?.row ?? item.rows[0]!.row;
}
