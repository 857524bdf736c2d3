// Uzbek hyphenation by the 1995 spelling rules ("Бўғин кўчириш"): a word is broken between syllables; every
// syllable has one vowel; a single consonant between vowels goes with the next syllable, of several only the
// last does; no syllable of one letter is left at either end of the word; ng, sh, ch (and oʻ, gʻ) are one letter,
// and ъ / ʼ stay with the letter before them. Abbreviations, numbers, web addresses and quoted names (acts,
// platforms) are never broken. The breaks are written as soft hyphens (U+00AD).
import { remembered } from '../memo.js';
/** The break a hyphenated word carries; layout prints a hyphen there only when the line breaks at it. */
export const SOFT_HYPHEN = '\u00AD';

const RULES = {
  vowels: 'аеёиоуўэюяыaeiou',
  /** Letters written with two characters that one break may not separate. */
  digraphs: ['sh', 'ch', 'ng', 'oʻ', 'gʻ', "o'", "g'", 'o‘', 'g‘'],
  /** Marks that belong to the letter before them. */
  marks: "ъьʼʻ’'",
  /** At least this many letters on each side of a break. */
  minPart: 2,
  /** Words shorter than this are left whole. */
  minWord: 5,
};

type Letter = { text: string; vowel: boolean };

function letters(word: string): Letter[] | null {
  const lower = word.toLowerCase();
  const out: Letter[] = [];
  for (let i = 0; i < lower.length;) {
    const pair = lower.slice(i, i + 2);
    if (RULES.digraphs.includes(pair)) {
      out.push({ text: word.slice(i, i + 2), vowel: RULES.vowels.includes(pair[0]!) });
      i += 2;
      continue;
    }
    const ch = lower[i]!;
    if (RULES.marks.includes(ch)) {
      if (!out.length) return null;
      out[out.length - 1]!.text += word[i];
      i++;
      continue;
    }
    if (!/\p{L}/u.test(ch)) return null;
    out.push({ text: word[i]!, vowel: RULES.vowels.includes(ch) });
    i++;
  }
  return out;
}

/** Offsets (in letters) where a syllable starts, the first excepted. */
function syllableStarts(list: Letter[]): number[] {
  const vowels = list.flatMap((l, i) => (l.vowel ? [i] : []));
  const starts: number[] = [];
  for (let k = 1; k < vowels.length; k++) {
    const prev = vowels[k - 1]!;
    const next = vowels[k]!;
    // Adjacent vowels part between them; otherwise the last consonant goes with the next vowel.
    starts.push(next - prev === 1 ? next : next - 1);
  }
  return starts;
}

/** The word with soft hyphens at every allowed break. */
export function hyphenateWord(word: string): string {
  const list = letters(word);
  if (!list || list.length < RULES.minWord) return word;
  const starts = syllableStarts(list).filter((s) => s >= RULES.minPart && list.length - s >= RULES.minPart);
  if (!starts.length) return word;
  let out = '';
  list.forEach((l, i) => {
    if (starts.includes(i)) out += SOFT_HYPHEN;
    out += l.text;
  });
  return out;
}

/** A word that is never broken: an abbreviation (two capitals), anything with digits or a dot, mixed scripts. */
function keepWhole(word: string): boolean {
  if ((word.match(/\p{Lu}/gu) ?? []).length > 1) return true;
  if (/[\d.@/]/.test(word)) return true;
  const cyr = /[\u0400-\u04FF]/.test(word);
  const lat = /[A-Za-z]/.test(word);
  return cyr && lat;
}

/** Each part of a word as hyphenated, remembered: a plan repeats its words thousands of times. */
const hyphenatedParts = new Map<string, string>();
const hyphenatePart = (part: string) => remembered(hyphenatedParts, part, () => (keepWhole(part) ? part : hyphenateWord(part)), 100_000);

const QUOTES: Record<string, string> = { '“': '”', '«': '»', '"': '"', '„': '“' };

/** Soft hyphens in every word of `text` that may be broken; quoted spans are left as they are. */
export function hyphenateText(text: string, state: { quote: string | null } = { quote: null }): string {
  // A token runs over inner dots and digits ("E-Anticor.uz", "ПФ-200"), so such names are seen whole.
  return text.replace(/[\p{L}\p{N}ʼʻ’'@/-]+(?:\.[\p{L}\p{N}-]+)*|["“”«»„]/gu, (token) => {
    if (token.length === 1 && token in QUOTES && !state.quote) {
      state.quote = QUOTES[token]!;
      return token;
    }
    if (state.quote && token === state.quote) {
      state.quote = null;
      return token;
    }
    if (state.quote || /^["“”«»„]$/.test(token) || /[.\d@/]/.test(token)) return token;
    // A compound breaks at its own hyphen; each part is hyphenated on its own.
    return token.split('-').map(hyphenatePart).join('-');
  });
}
