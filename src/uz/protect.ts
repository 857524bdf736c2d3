// Tokens a line must never break inside: an act code ("ПФ-200-сон", "PQ-81-son"), a date with its "й." / "-y.",
// a year with "йил" / "-yil", a day with its month, a numeral with its suffix ("1-чораклик"), a month range
// ("январь–июнь"), initials with a surname, a web address ("E-Anticor.uz"). Both scripts.
import type { Inline } from '../document/types.js';

const UPPER = 'А-ЯЁЎҚҒҲA-Z';
const LOWER = "а-яёўқғҳъa-zʻʼ‘’'";
const MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'май',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
  'yanvar',
  'fevral',
  'mart',
  'aprel',
  'may',
  'iyun',
  'iyul',
  'avgust',
  'sentabr',
  'sentyabr',
  'oktabr',
  'oktyabr',
  'noyabr',
  'dekabr',
].join('|');
const MONTH = `(?:${MONTHS})[${LOWER}]*`;

const PATTERNS = [
  // 27.11.2023 й. / 27.11.2023-y.
  String.raw`\d{1,2}\.\d{1,2}\.\d{4}(?:\s?й\.|-y\.)?`,
  // ПФ-200-сон, PQ-81-son, ПҚ-5-сон-сонли
  `[${UPPER}]{1,5}-\\d+(?:-[${LOWER}]+)?`,
  // 2024 йил, 2024-yil (the month after it may go to the next line)
  `\\d{4}(?:\\s|-)(?:йил|yil)[${LOWER}]*`,
  // январь–июнь
  `${MONTH}\\s?[–—]\\s?${MONTH}`,
  // 4 январь, 14-iyun
  `\\d{1,2}(?:\\s|-)${MONTH}`,
  // 1-чораклик, 5-раунд, 200-сон
  `\\d+-[${LOWER}]+`,
  // А.Бобоев, А. Б. Бобоев
  `[${UPPER}]\\.\\s?(?:[${UPPER}]\\.\\s?)?[${UPPER}][${LOWER}]+`,
  // E-Anticor.uz, www.anticorruption.uz
  String.raw`[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:uz|ru|com|org|net|gov)\b`,
];
const PROTECTED = new RegExp(PATTERNS.map((p) => `(?:${p})`).join('|'), 'gu');

/** The spans of `text` that must stay on one line, as [start, end) pairs. */
export function protectedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(PROTECTED)) {
    // A token only counts when it is not the middle of a longer word.
    const before = text[m.index - 1];
    if (before && /[\p{L}\d]/u.test(before)) continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Splits text runs so that every protected token is a run of its own marked `nowrap`. */
export function protectTokens(inlines: Inline[]): Inline[] {
  return inlines.flatMap((inline): Inline[] => {
    if (inline.kind !== 'text' || inline.nowrap) return [inline];
    const spans = protectedSpans(inline.text);
    if (!spans.length) return [inline];
    const out: Inline[] = [];
    let at = 0;
    for (const [start, end] of spans) {
      if (start > at) out.push({ ...inline, text: inline.text.slice(at, start) });
      out.push({ ...inline, text: inline.text.slice(start, end), nowrap: true });
      at = end;
    }
    if (at < inline.text.length) out.push({ ...inline, text: inline.text.slice(at) });
    return out;
  });
}
