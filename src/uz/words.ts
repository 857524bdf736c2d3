// Uzbek words that lint and the importer both need to recognise: month names (and their usual misspellings),
// the nouns that end a unit's name, a folding key to compare names written in slightly different ways, and ids.
import { transliterate } from './translit.js';

export const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'] as const;

/** Month names written without their soft sign, as the Latin-script spelling has them ("январ", "апрел"). */
export const MISSPELT_MONTHS: Record<string, string> = Object.fromEntries(MONTHS.filter((m) => m.endsWith('ь')).map((m) => [m.slice(0, -1), m]));

/** 1–12 for a month name, a misspelling of one, or an inflected form ("июндаги", "мартгача"); else null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => w.startsWith(m.endsWith('ь') ? m.slice(0, -1) : m));
  return i < 0 ? null : i + 1;
}

/** A regular expression source matching a month name or its misspelling as a whole word. */
export const MONTH_WORD = `(?:${MONTHS.map((m) => (m.endsWith('ь') ? `${m.slice(0, -1)}ь?` : m)).join('|')})`;

/** Nouns that end the name of one of the Agency's units ("… бошқармаси", "… бўлими"). */
export const UNIT_NOUNS = [
  'бошқармаси',
  'бўлими',
  'хизмати',
  'тармоғи',
  'тармоқлар',
  'тармоқлари',
  'секретариати',
  'сектори',
  'департаменти',
  'инспекцияси',
  'юрисконсулт',
];

export function isUnitNoun(word: string): boolean {
  return UNIT_NOUNS.includes(word.toLowerCase().replace(/[.,;:]+$/, ''));
}

/**
 * A key under which two spellings of one name compare equal: case, quotation marks, spacing, and the letters
 * a typist or an extraction most often loses (қ→к, ҳ→х, ғ→г, ў→у) do not count.
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[«»“”„"'‘’]/g, '')
    .replace(/қ/g, 'к')
    .replace(/ҳ/g, 'х')
    .replace(/ғ/g, 'г')
    .replace(/ў/g, 'у')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An id from a name, through the one Cyrillic → Latin transliteration: `Матбуот хизмати` → `matbuot-xizmati`. */
export function slug(text: string, maxWords = 3): string {
  const words = text
    .toLowerCase()
    .replace(/[«»“”„"'‘’()]/g, '')
    .split(/[\s,;:.]+/)
    .filter((w) => w && w !== 'ва');
  return words
    .slice(0, maxWords)
    .map((w) => [...transliterate(w, { apostrophes: 'ascii' }).replaceAll("'", '')].map((c) => (/[a-z0-9]/.test(c) ? c : '-')).join(''))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
