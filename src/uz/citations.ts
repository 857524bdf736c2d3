// Legal acts cited in words: "29.06.2020 й. ПФ-6013-сон, 27.11.2023 й. ПФ-200-сон Фармонлари" or, in running
// text, "2022 йил 14 июндаги ПФ-154-сон фармони". Used by the act rules (with the kinds acts.yaml declares) and by
// the importer's basis parser.
import { monthNumber } from './words.js';

/**
 * The kinds of act an imported DOCX may cite before there is any acts.yaml (the importer writes acts.yaml from what
 * it finds). Lint never uses these: it knows the kinds acts.yaml declares.
 */
export const KNOWN_CODES = ['ПФ', 'ПҚ', 'ВМҚ', 'ЎРҚ'];

/** The nouns that close a group of acts of a KNOWN_CODES kind, in the singular and the plural. */
export const KNOWN_NOUNS: Record<string, { singular: string; plural: string }> = {
  ПФ: { singular: 'Фармони', plural: 'Фармонлари' },
  ПҚ: { singular: 'Қарори', plural: 'Қарорлари' },
  ВМҚ: { singular: 'Қарори', plural: 'Қарорлари' },
  ЎРҚ: { singular: 'Қонуни', plural: 'Қонунлари' },
};

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface DateCite extends Span {
  iso: string;
  /** `short`: 29.06.2020 й.; `long`: 2022 йил 14 июндаги */
  form: 'short' | 'long';
  /** A short date ends with "й." (false for "й" alone or none). */
  fullStop: boolean;
}

export interface ActCite extends Span {
  code: string;
  number: string;
  date: DateCite | null;
}

export interface CiteGroup {
  acts: ActCite[];
  /** The noun after the last act ("Фармони"), if one follows. */
  noun: Span | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number | null, d: number): string | null {
  if (!m || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The date written right before position `at`, if any. */
function dateBefore(text: string, at: number): DateCite | null {
  const before = text.slice(0, at);
  const short = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*(й)(\.)?)?\s*$/u.exec(before);
  if (short) {
    const iso = isoOf(Number(short[3]), Number(short[2]), Number(short[1]));
    const text = short[0].trimEnd();
    if (iso) return { text, start: short.index, end: short.index + text.length, iso, form: 'short', fullStop: !!short[5] };
  }
  const long = /(\d{4})\s*йил\s+(\d{1,2})\s+(\p{L}+)\s*$/u.exec(before);
  if (long) {
    const iso = isoOf(Number(long[1]), monthNumber(long[3]!), Number(long[2]));
    const text = long[0].trimEnd();
    if (iso) return { text, start: long.index, end: long.index + text.length, iso, form: 'long', fullStop: true };
  }
  return null;
}

/**
 * Every act cited in `text`, grouped as the citation groups them: acts joined by "," or "ва" share the noun
 * that follows the last of them. `codes` are the act codes to look for; `nouns` the nouns that close a group.
 */
export function findCitations(
  text: string,
  codes: string[] = KNOWN_CODES,
  nouns: string[] = Object.values(KNOWN_NOUNS).flatMap((n) => [n.singular, n.plural]),
): CiteGroup[] {
  if (codes.length === 0) return [];
  const codeList = [...new Set(codes)].sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(`(?<![\\p{L}\\d-])(${codeList})-(\\d+)(?:-сон)?`, 'gu');
  const nounSet = new Set(nouns.map((n) => n.toLowerCase()));
  const groups: CiteGroup[] = [];
  let current: CiteGroup | null = null;
  let lastEnd = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const date = dateBefore(text, start);
    const act: ActCite = { text: m[0], start, end: start + m[0].length, code: m[1]!, number: m[2]!, date };
    const from = date?.start ?? start;
    const joined = current && !current.noun && from >= lastEnd && /^\s*(?:,|ва)?\s*$/u.test(text.slice(lastEnd, from));
    if (joined) current!.acts.push(act);
    else {
      current = { acts: [act], noun: null };
      groups.push(current);
    }
    lastEnd = act.end;
    const after = /^\s+(\p{L}+)/u.exec(text.slice(act.end));
    if (after && nounSet.has(after[1]!.toLowerCase())) {
      const nStart = act.end + after[0].length - after[1]!.length;
      current!.noun = { text: after[1]!, start: nStart, end: nStart + after[1]!.length };
      lastEnd = current!.noun.end;
    }
  }
  return groups;
}

/** "29.06.2020" for an ISO date. */
export function dottedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
