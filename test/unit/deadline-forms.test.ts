// Every deadline form of the family: read from its notation, written back, worded in both scripts, and placed in
// the right months of an extract's grid (or in none).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deadlineMonths, deadlineSyntax, parseDeadline } from '../../src/domain/deadline.js';
import { attributiveDate, deadlineText } from '../../src/uz/format.js';
import { localeSchema } from '../../src/uz/locale.js';

const cyrl = localeSchema.parse(parse(readFileSync('templates/locale.yaml', 'utf8')));
const latn = localeSchema.parse(parse(readFileSync('templates/locale.latn.yaml', 'utf8')));
const year2025 = { start: { year: 2025, month: 1 }, end: { year: 2025, month: 12 } };

/** notation → Cyrillic wording, Latin wording, months of 2025 it falls due in */
const FORMS: [string, string, string, number[]][] = [
  ['2021-07-01', '2021 йил 1 июль', '2021-yil 1-iyul', []],
  ['2025-07-01', '2025 йил 1 июль', '2025-yil 1-iyul', [7]],
  ['by 2025-03-01', '2025 йил 1 мартгача', '2025-yil 1-martgacha', [3]],
  ['by 2025-04-15', '2025 йил 15 апрелгача', '2025-yil 15-aprelgacha', [4]],
  ['2025-03', '2025 йил март', '2025-yil mart', [3]],
  ['2025-01..2025-03', '2025 йил январь–март', '2025-yil yanvar–mart', [1, 2, 3]],
  ['Q1', 'I чорак', 'I chorak', [3]],
  ['2025 Q2', '2025 йил II чорак', '2025-yil II chorak', [6]],
  ['quarterly', 'Ҳар чоракда', 'Har chorakda', [3, 6, 9, 12]],
  ['2025 H1', '2025 йил I ярим йиллик', '2025-yil I yarim yillik', [6]],
  ['H2', 'II ярим йиллик', 'II yarim yillik', [12]],
  ['2025', '2025 йил давомида', '2025-yil davomida', [12]],
  ['continuous', 'Доимий равишда', 'Doimiy ravishda', []],
  ['as set', 'Белгиланган муддатда', 'Belgilangan muddatda', []],
];

describe('deadline forms', () => {
  it.each(FORMS)('%s reads, writes back, is worded and falls in its months', (notation, cyrillic, latin, months) => {
    const d = parseDeadline(notation);
    expect(d).not.toBeNull();
    expect(deadlineSyntax(d!)).toBe(notation);
    expect(parseDeadline(deadlineSyntax(d!))).toEqual(d);
    expect(deadlineText(d!, cyrl)).toBe(cyrillic);
    expect(deadlineText(d!, latn)).toBe(latin);
    expect(deadlineMonths(d!, year2025).map((m) => m.month)).toEqual(months);
  });

  it('prints free words as written and places them in no month', () => {
    const d = parseDeadline({ text: 'Belgilangan muddatda, zarurat boʻlganda' })!;
    expect(deadlineText(d, cyrl)).toBe('Belgilangan muddatda, zarurat boʻlganda');
    expect(deadlineMonths(d, year2025)).toEqual([]);
    expect(parseDeadline({ text: '  ' })).toBeNull();
  });

  it('refuses what is no form: a day that does not exist, a fifth quarter, "by" a month', () => {
    for (const bad of ['2025-02-30', 'Q5', 'H3', 'by 2025-03', '2025 Q', 'June 2025', '2025-03..2025-01']) expect(parseDeadline(bad), bad).toBeNull();
  });

  it('dates an act with the month stem before the ending: "1 апрелдаги", not "1 апрельдаги"', () => {
    expect(attributiveDate('2021-04-01', cyrl)).toBe('2021 йил 1 апрелдаги');
    expect(attributiveDate('2023-06-14', cyrl)).toBe('2023 йил 14 июндаги');
    expect(attributiveDate('2021-04-01', latn)).toBe('2021-yil 1-apreldagi');
  });
});
