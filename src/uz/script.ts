// Alphabets: which script a letter belongs to, and the letter most likely meant when one turns up inside a
// word of another script (look-alikes first, then the Uzbek Latin ↔ Cyrillic correspondence).

export type Script = 'cyrillic' | 'latin' | 'arabic' | 'foreign-cyrillic' | 'other';

/** The Uzbek Cyrillic alphabet (with Щ and Ы, which Russian names keep). */
const UZBEK = /^[А-яЁёЎўҚқҒғҲҳ]$/u;
const CYRILLIC = /^[\u0400-\u052F]$/u;
const LATIN = /^\p{Script=Latin}$/u;
const ARABIC = /^\p{Script=Arabic}$/u;
const LETTER = /^\p{L}$/u;

export function scriptOf(ch: string): Script | null {
  if (!LETTER.test(ch)) return null;
  if (UZBEK.test(ch)) return 'cyrillic';
  if (CYRILLIC.test(ch)) return 'foreign-cyrillic';
  if (LATIN.test(ch)) return 'latin';
  if (ARABIC.test(ch)) return 'arabic';
  return 'other';
}

export const SCRIPT_NAME: Record<Script, string> = {
  cyrillic: 'Cyrillic',
  latin: 'Latin',
  arabic: 'Arabic',
  'foreign-cyrillic': 'non-Uzbek Cyrillic',
  other: 'foreign',
};

const pairs = (a: string, b: string): Record<string, string> => Object.fromEntries([...a].map((c, i) => [c, [...b][i]!]));

/** Latin letters that look like a Cyrillic one: certainly that one. */
const LATIN_LOOKALIKE = pairs('AaBCcEeHKMOoPpTXxYy', 'АаВСсЕеНКМОоРрТХхУу');
/** Other Latin letters: the Uzbek Cyrillic letter they stand for (`ташкilotлари` → `ташкилотлари`). */
const LATIN_SOUND = pairs('bDdFfGghIiJjkLlmNnQqRrSstUuVvZz', 'бДдФфГгҳИиЖжкЛлмНнҚқРрСстУуВвЗз');
/** Cyrillic letters that look like a Latin one (`Е-Anticor.uz`). */
const CYRILLIC_LOOKALIKE = pairs('АаВЕеКМНОоРрСсТХхУуі', 'AaBEeKMHOoPpCcTXxYyi');
/** Arabic letters with one clear Cyrillic counterpart (`директориغا` → `директорига`). */
const ARABIC_CLEAR = pairs('ابتدرزسشفقکكلمنغ', 'абтдрзсшфқкклмнг');
/** Letters of other Cyrillic alphabets that look like an Uzbek one (Tajik, Bashkir, Kazakh, Ukrainian). */
const FOREIGN_LOOKALIKE = pairs('ҺһӮӯҠҡӢӣІіҰұҮү', 'ҲҳЎўҚқИиИиУуУу');

/** The letter meant by `ch` in a word of `target` script, or null when there is no clear one. */
export function counterpart(ch: string, target: Script): string | null {
  if (target === 'cyrillic') return LATIN_LOOKALIKE[ch] ?? LATIN_SOUND[ch] ?? ARABIC_CLEAR[ch] ?? FOREIGN_LOOKALIKE[ch] ?? null;
  if (target === 'latin') return CYRILLIC_LOOKALIKE[ch] ?? null;
  return null;
}

/** Every letter of `letters` looks like a letter of `target` script. */
export function allLookAlike(letters: string[], target: Script): boolean {
  const table = target === 'latin' ? CYRILLIC_LOOKALIKE : target === 'cyrillic' ? LATIN_LOOKALIKE : {};
  return letters.every((c) => c in table);
}
