// The editions a plan is published in: the Cyrillic original and the Latin (1995 alphabet) transliteration.
// A Latin document is the Cyrillic document model with its helpers' words taken from locale.latn.yaml and
// every remaining Cyrillic text transliterated, so no template is kept twice.
import type { DocumentModel, Inline, Paragraph, Block } from '../document/types.js';
import { transliterate } from '../uz/translit.js';

export type Edition = 'cyrl' | 'latn';
export const EDITIONS: Edition[] = ['cyrl', 'latn'];

export interface EditionInfo {
  /** The locale file in templates/ with this edition's words. */
  localeFile: string;
  language: string;
  /** Turns a document composed for this edition into its final text. */
  finish(doc: DocumentModel): DocumentModel;
}

function mapParagraph(p: Paragraph, f: (s: string) => string): Paragraph {
  return { ...p, inlines: p.inlines.map((i): Inline => (i.kind === 'text' ? { ...i, text: f(i.text) } : i)) };
}

/**
 * A table cell's paragraphs through `f`, from `cells` when that list went through before: the composer hands every
 * cell of the same markup the same list (src/compose/to-model.ts), and the layout knows a list it laid out before.
 */
function mapCell(blocks: Paragraph[], f: (s: string) => string, cells?: WeakMap<Paragraph[], Paragraph[]>): Paragraph[] {
  let mapped = cells?.get(blocks);
  if (!mapped) {
    mapped = blocks.map((p) => mapParagraph(p, f));
    cells?.set(blocks, mapped);
  }
  return mapped;
}

function mapBlock(b: Block, f: (s: string) => string, cells?: WeakMap<Paragraph[], Paragraph[]>): Block {
  switch (b.kind) {
    case 'paragraph':
      return mapParagraph(b, f);
    case 'frame':
      return { ...b, blocks: b.blocks.map((p) => mapParagraph(p, f)) };
    case 'table':
      return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, blocks: mapCell(c.blocks, f, cells) })) })) };
  }
}

/**
 * Every text of the document through `f`: runs, metadata, footer. `cells` remembers the table cells mapped, for a
 * caller whose `f` is always the same function of the text.
 */
export function mapText(doc: DocumentModel, f: (s: string) => string, cells?: WeakMap<Paragraph[], Paragraph[]>): DocumentModel {
  return {
    ...doc,
    meta: { ...doc.meta, title: f(doc.meta.title), author: f(doc.meta.author), ...(doc.meta.subject ? { subject: f(doc.meta.subject) } : {}) },
    blocks: doc.blocks.map((b) => mapBlock(b, f, cells)),
    ...(doc.footer ? { footer: doc.footer.map((p) => mapParagraph(p, f)) } : {}),
  };
}

const MONTH_STEMS = 'январ|феврал|март|апрел|май|июн|июл|август|сентябр|октябр|ноябр|декабр';
/** A month name as a whole word, in the forms a date takes ("4 январь", "14 июндаги", "1 мартгача"). */
const MONTH_WORD = `(?:${MONTH_STEMS})(?:ь|да|дан|га|гача|даги|дагидек|нинг|ни|ча|ги)?`;
/** "йил" as a whole word, with the endings a year takes ("2024 йилда", "2023–2024 йиллар"). */
const YEAR_WORD = 'йил(?:лар)?(?:да|дан|га|гача|даги|нинг|ни|ги|ча)?';

/**
 * Latin spelling joins a numeral to the word it counts with a hyphen ("2024-yil", "14-iyun", "27.11.2023-y."),
 * where the Cyrillic text has a space; applied to free text before transliteration. Only a year (four digits)
 * before "йил", a day (one or two digits) before a month name, and a date before "й." are joined: "5 йил
 * давомида", "2 марта", "3 майдонда" are cardinal numbers or other words and stay as they are.
 */
export function hyphenateNumerals(text: string): string {
  return text
    .replace(new RegExp(`(?<![\\d.])(\\d{4})\\s+(${YEAR_WORD})(?![\\p{L}\\p{M}])`, 'gu'), '$1-$2')
    .replace(/(\d)\s+(й\.)/gu, '$1-$2')
    .replace(new RegExp(`(?<![\\d.])(\\d{1,2})\\s+(${MONTH_WORD})(?![\\p{L}\\p{M}])`, 'gu'), '$1-$2');
}

/** The Latin text of every table cell transliterated in this process. */
const latinCells = new WeakMap<Paragraph[], Paragraph[]>();

export const EDITION_INFO: Record<Edition, EditionInfo> = {
  cyrl: { localeFile: 'locale.yaml', language: 'uz-Cyrl-UZ', finish: (doc) => ({ ...doc, meta: { ...doc.meta, language: 'uz-Cyrl-UZ' } }) },
  latn: {
    localeFile: 'locale.latn.yaml',
    language: 'uz-Latn-UZ',
    finish: (doc) => {
      const latin = mapText(doc, (s) => transliterate(hyphenateNumerals(s)), latinCells);
      return { ...latin, meta: { ...latin.meta, language: 'uz-Latn-UZ' } };
    },
  },
};
