// Uzbek Cyrillic → Uzbek Latin, by the spelling rules of 1995 ("O'zbek tilining asosiy imlo qoidalari",
// Cabinet of Ministers resolution No. 339 of 24.08.1995) and their appendix on Cyrillic letters.
// Only Cyrillic letters are changed: digits, Latin words, URLs, punctuation and quotes pass through.
import { EXCEPTIONS, type TranslitException } from './translit-exceptions.js';

export interface TranslitOptions {
  /** 'unicode' (default): oʻ gʻ with U+02BB and the tutuq belgisi U+02BC; 'ascii': both as '. */
  apostrophes?: 'unicode' | 'ascii';
}

interface Marks {
  okina: string;
  tutuq: string;
}

const UNICODE_MARKS: Marks = { okina: '\u02BB', tutuq: '\u02BC' };
const ASCII_MARKS: Marks = { okina: "'", tutuq: "'" };

/** Letters whose Latin form does not depend on their neighbours (ў and ғ take the okina later). */
const PLAIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'x',
  ч: 'ch',
  ш: 'sh',
  э: 'e',
  қ: 'q',
  ҳ: 'h',
  ё: 'yo',
  ю: 'yu',
  я: 'ya',
  // Russian letters that Uzbek Cyrillic lacks but loanwords and names carry (appendix, 5 and 6).
  щ: 'sh',
  ы: 'i',
};

const VOWELS = new Set('аеёиоуўэюяaeiou');
const IOTATED = new Set('еёюя');
const CYRILLIC = /[\u0400-\u04FF]/;

// Case, plural and possessive endings: a ц right before them ends the stem ("абзацда" → "abzasda").
const SUFFIXES = /^(?:лар)?(?:и|им|имиз|инг|ингиз|лари)?(?:нинг|ни|га|да|дан|даги|гача|ли|лик|сиз|чи)?$/;

/** The letter at `i` of a lower-case word, in lower-case Latin (may be empty or two letters). */
function letter(word: readonly string[], i: number, marks: Marks): string {
  const ch = word[i] as string;
  const prev = word[i - 1];
  const next = word[i + 1];
  switch (ch) {
    case 'е':
      // ye at the start of a word and after a vowel or a sign (етти, қаерда, объект, премьера).
      return prev === undefined || VOWELS.has(prev) || prev === 'ъ' || prev === 'ь' ? 'ye' : 'e';
    case 'ц': {
      // s at the start, at the end of the stem and after a consonant; ts after a vowel inside the stem.
      const inStem = !SUFFIXES.test(word.slice(i + 1).join(''));
      return prev !== undefined && VOWELS.has(prev) && inStem ? 'ts' : 's';
    }
    case 'ъ':
      // After ў it is dropped (мўъжиза → moʻjiza). Before е ё ю я it is dropped after a consonant, in Russian
      // words (разъезд → razyezd), and kept as the tutuq belgisi after a vowel, in Arabic ones (маъюс → maʼyus).
      if (prev === 'ў') return '';
      if (next !== undefined && IOTATED.has(next) && !(prev !== undefined && VOWELS.has(prev))) return '';
      return marks.tutuq;
    case 'ь':
      // The soft sign is dropped, but as a separating sign before о and и it is y (павильон, Ильин).
      return next === 'о' || next === 'и' ? 'y' : '';
    case 'с':
      // сҳ is written sʼh so that it is not read as sh (Исҳоқ → Isʼhoq).
      return next === 'ҳ' ? `s${marks.tutuq}` : 's';
    case 'ў':
      return `o${marks.okina}`;
    case 'ғ':
      return `g${marks.okina}`;
    default:
      return PLAIN[ch] ?? ch;
  }
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** One character in lower case, or itself where lower-casing would change the length (İ). */
function toLower(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

function capitalise(latin: string): string {
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** Two or more cased letters, none of them lower case: ШАҲАР, ПФ, ЎЗБЕКИСТОН. */
function isAllCaps(chars: readonly string[]): boolean {
  const cased = chars.filter(isCased);
  return cased.length >= 2 && cased.every((ch) => ch === ch.toUpperCase());
}

function findException(lower: string): TranslitException | undefined {
  let best: TranslitException | undefined;
  for (const e of EXCEPTIONS) {
    const fits = e.stem ? lower.startsWith(e.cyrillic) : lower === e.cyrillic || lower === `${e.cyrillic}ь`;
    if (fits && (!best || e.cyrillic.length > best.cyrillic.length)) best = e;
  }
  return best;
}

function transliterateWord(word: string, marks: Marks): string {
  if (!CYRILLIC.test(word)) return word;
  const chars = Array.from(word);
  const lower = chars.map(toLower);
  const allCaps = isAllCaps(chars);
  // A capital digraph is all capitals in an all-caps word (SHAHAR) and capitalised elsewhere (Shahar, ToshDU).
  const withCase = (latin: string, upper: boolean) => (!upper ? latin : allCaps ? latin.toUpperCase() : capitalise(latin));
  const pieces = lower.map((ch, i) => withCase(letter(lower, i, marks), ch !== chars[i]));
  const exception = findException(lower.join(''));
  if (exception) {
    const latin = exception.latin.replaceAll('\u02BB', marks.okina).replaceAll('\u02BC', marks.tutuq);
    pieces.splice(0, exception.cyrillic.length, withCase(latin, lower[0] !== chars[0]));
  }
  return pieces.join('');
}

/** Uzbek Cyrillic text in Uzbek Latin. Text that is not Cyrillic is returned unchanged. */
export function transliterate(text: string, options: TranslitOptions = {}): string {
  const marks = options.apostrophes === 'ascii' ? ASCII_MARKS : UNICODE_MARKS;
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => transliterateWord(word, marks));
}
