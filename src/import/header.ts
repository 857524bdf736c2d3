// The paragraphs above the table: the approval block ("ТАСДИҚЛАЙМАН", position, signer, date) and the title
// (the agency in the genitive, the period phrase, "ИШ РЕЖАСИ"), read back into plan.yaml.
import { monthNumber } from '../uz/words.js';

export interface PlanHeader {
  agency: { name: string; genitive: string };
  period: { start: string; end: string; phrase: string };
  approval: { word: string; position: string; signer: string; date: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const WORD = /^[“"«]?\s*(\p{Lu}{5,})\s*[”"»]?$/u;
const DATE = /^(\d{4})\s*йил\s+(\d{1,2})\s+(\p{L}+)$/u;
const SIGNER = /^[_\s]*(\p{Lu}\.\s*(?:\p{Lu}\.\s*)?\p{Lu}[\p{Ll}ʼ’'-]+)$/u;
const TITLE_END = /^иш\s+режаси$/iu;

/** The period a title phrase names: "2024 йил I ярим йиллигига" → 2024-01..2024-06. */
export function periodOf(phrase: string): { start: string; end: string } | null {
  const half = /(\d{4})\s*йил\s+(I{1,2})\s+ярим/u.exec(phrase);
  if (half) return half[2] === 'I' ? { start: `${half[1]}-01`, end: `${half[1]}-06` } : { start: `${half[1]}-07`, end: `${half[1]}-12` };
  const quarter = /(\d{4})\s*йил\s+(IV|I{1,3})\s+чора[кг]/u.exec(phrase);
  if (quarter) {
    const q = ['I', 'II', 'III', 'IV'].indexOf(quarter[2]!);
    return { start: `${quarter[1]}-${pad(q * 3 + 1)}`, end: `${quarter[1]}-${pad(q * 3 + 3)}` };
  }
  const year = /(\d{4})\s*йил/u.exec(phrase);
  return year ? { start: `${year[1]}-01`, end: `${year[1]}-12` } : null;
}

/** The plan header, and what could not be found in the paragraphs. */
export function readHeader(paragraphs: string[]): { header: PlanHeader; problems: string[] } {
  const lines = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const problems: string[] = [];
  const wordAt = lines.findIndex((l) => WORD.test(l) && !TITLE_END.test(l));
  const signerAt = lines.findIndex((l) => SIGNER.test(l));
  const dateAt = lines.findIndex((l) => DATE.test(l) && monthNumber(DATE.exec(l)![3]!) !== null);
  const endAt = lines.findIndex((l) => TITLE_END.test(l));
  const m = dateAt >= 0 ? DATE.exec(lines[dateAt]!)! : null;
  const date = m ? `${m[1]}-${pad(monthNumber(m[3]!)!)}-${pad(Number(m[2]))}` : '';
  const titleFrom = Math.max(wordAt, signerAt, dateAt) + 1;
  const title = lines.slice(titleFrom, endAt >= 0 ? endAt : undefined);
  const genitive = title[0] ?? '';
  const phrase = title.slice(1).join(' ');
  const period = periodOf(phrase);
  const position = wordAt >= 0 && signerAt > wordAt ? lines.slice(wordAt + 1, signerAt).join('\n') : '';
  const missing = (what: string, ok: unknown) =>
    void (!ok && problems.push(`Unexpected plan header without ${what}, expected it above the table; wrote a placeholder`));
  missing('the approval word ("ТАСДИҚЛАЙМАН")', wordAt >= 0);
  missing("the signer's position", position);
  missing('the signer ("А. Бурханов")', signerAt >= 0);
  missing('the approval date ("2024 йил 04 январь")', date);
  missing("the agency's name in the genitive", genitive);
  missing('the period phrase ("2024 йил I ярим йиллигига мўлжалланган")', period);
  return {
    header: {
      agency: { name: genitive.replace(/нинг$/u, '') || '?', genitive: genitive || '?' },
      period: { start: period?.start ?? '2000-01', end: period?.end ?? '2000-12', phrase: phrase || '?' },
      approval: {
        word: wordAt >= 0 ? WORD.exec(lines[wordAt]!)![1]! : '?',
        position: position || '?',
        signer:
          signerAt >= 0
            ? SIGNER.exec(lines[signerAt]!)![1]!
                .replace(/\.(?=\p{Lu})/gu, '. ')
                .replace(/\s+/g, ' ')
            : '?',
        date: date || '2000-01-01',
      },
    },
    problems,
  };
}

export interface ImportedAmendment {
  date: string;
  basis: { issuer: string; kind: string; number: string; date: string };
}

const AMENDED = /^\((.+)\s+билан\s+киритилган\s+ўзгартиришлар\s+билан\)$/u;
const BASIS = /^(.+?)\s+(\d{2})\.(\d{2})\.(\d{4})\s*й\.?\s+(\S+?)-сон\s+(\S+)$/u;

/** The "as amended" line under the title: "(Агентлик директорининг 15.03.2024 й. 45-сон буйруғи, … билан киритилган ўзгартиришлар билан)". */
export function readAmendments(paragraphs: string[]): ImportedAmendment[] {
  const line = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).find((l) => AMENDED.test(l));
  if (!line) return [];
  return AMENDED.exec(line)![1]!
    .split(/,\s+(?=\S+\s+\S*\s*\d{2}\.\d{2}\.\d{4})/u)
    .map((part) => BASIS.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const date = `${m[4]}-${m[3]}-${m[2]}`;
      return { date, basis: { issuer: m[1]!, kind: m[6]!, number: m[5]!, date } };
    });
}
