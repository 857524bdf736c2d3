import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDeadline } from '../../src/domain/deadline.js';
import type { ActKind, LegalAct } from '../../src/domain/types.js';
import { citation, deadlineText, longDate, shortDate } from '../../src/uz/format.js';
import { localeSchema } from '../../src/uz/locale.js';

const locale = localeSchema.parse(parse(readFileSync('templates/locale.yaml', 'utf8')));
const president = { id: 'president', genitive: 'Ўзбекистон Республикаси Президентининг' };
const decree: ActKind = { id: 'decree', code: 'ПФ', singular: 'Фармони', plural: 'Фармонлари' };
const resolution: ActKind = { id: 'resolution', code: 'ПҚ', singular: 'Қарори', plural: 'Қарорлари' };
const act = (kind: ActKind, number: string, date: string): LegalAct => ({ id: `${kind.code}-${number}`, issuer: president, kind, number, date });
const pf6013 = act(decree, '6013', '2020-06-29');
const pf200 = act(decree, '200', '2023-11-27');
const pq81 = act(resolution, '81', '2022-01-12');
const pq240 = act(resolution, '240', '2022-05-11');
const d = (text: string) => {
  const parsed = parseDeadline(text);
  if (!parsed) throw new Error(text);
  return parsed;
};

describe('dates', () => {
  it('writes the long form with the month name', () => {
    expect(longDate('2024-01-04', locale)).toBe('2024 йил 4 январь');
    expect(longDate('2024-01-04', locale, true)).toBe('2024 йил 04 январь');
  });
  it('writes the short form used in citations', () => {
    expect(shortDate('2023-11-27', locale)).toBe('27.11.2023 й.');
    expect(shortDate('2020-06-09', locale)).toBe('09.06.2020 й.');
  });
});

describe('deadlines', () => {
  it.each([
    ['2024-03', '2024 йил март'],
    ['2024-01..2024-03', '2024 йил январь–март'],
    ['2024-01..2024-06', '2024 йил январь–июнь'],
    ['2023-12..2024-02', '2023 йил декабрь – 2024 йил февраль'],
    ['2024 quarterly', '2024 йил ҳар чоракда'],
    ['quarterly', 'Ҳар чоракда'],
    ['continuous', 'Доимий равишда'],
  ])('%s → %s', (notation, text) => {
    expect(deadlineText(d(notation), locale)).toBe(text);
  });
  it.each(['2024-13', '2024-3', 'March', '2024-03..2024-01', '2024-01..2024-03..2024-05', 'quarterly 2024'])('rejects %s', (notation) => {
    expect(parseDeadline(notation)).toBeNull();
  });
});

describe('legal-basis citations', () => {
  it('one decree takes the singular noun', () => {
    expect(citation([pf6013], locale)).toBe('Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон Фармони');
  });
  it('several decrees take the plural noun once, after the last', () => {
    expect(citation([pf6013, pf200], locale)).toBe('Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон, 27.11.2023 й. ПФ-200-сон Фармонлари');
  });
  it('decrees and resolutions are grouped by kind, each with its own noun', () => {
    expect(citation([pf6013, pq81, pq240], locale)).toBe(
      'Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон Фармони, 12.01.2022 й. ПҚ-81-сон, 11.05.2022 й. ПҚ-240-сон Қарорлари',
    );
  });
  it('groups keep the order of first citation even when kinds interleave', () => {
    expect(citation([pq81, pf6013, pq240], locale)).toBe(
      'Ўзбекистон Республикаси Президентининг 12.01.2022 й. ПҚ-81-сон, 11.05.2022 й. ПҚ-240-сон Қарорлари, 29.06.2020 й. ПФ-6013-сон Фармони',
    );
  });
  it('no acts, no text', () => {
    expect(citation([], locale)).toBe('');
  });
});
