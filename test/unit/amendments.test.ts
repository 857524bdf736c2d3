// The pieces of amendment tracking that need no build: the order of issued versions, the citation of several
// orders, and the marking of changed words.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { history, latestRelease, type Release } from '../../src/changes/releases.js';
import { markedSides } from '../../src/changes/sheet-view.js';
import type { AmendmentBasis } from '../../src/domain/types.js';
import { amendmentBases } from '../../src/uz/format.js';
import { SCRATCH } from '../support/content-fixture.js';
import { loadTemplates } from '../../src/compose/compose.js';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function issued(releases: Partial<Release>[]): Promise<string> {
  await mkdir(SCRATCH, { recursive: true });
  dir = await mkdtemp(path.join(SCRATCH, 'issued-'));
  await mkdir(path.join(dir, 'issued'));
  for (const r of releases)
    await writeFile(path.join(dir, 'issued', `${r.label}.json`), JSON.stringify({ date: '2024-01-04', snapshot: {}, documents: {}, ...r }));
  return dir;
}

describe('the history of issued versions', () => {
  it('follows the order they were issued in, whatever their labels', async () => {
    const content = await issued([
      { label: 'v10', sequence: 3, date: '2024-03-15' },
      { label: 'v2', sequence: 2, date: '2024-03-15' },
      { label: 'v1', sequence: 1 },
      { label: '2024-03-15', sequence: 4, date: '2024-03-15' },
    ]);
    expect((await history(content)).map((r) => r.label)).toEqual(['v1', 'v2', 'v10', '2024-03-15']);
    expect((await latestRelease(content))?.label).toBe('2024-03-15');
  });

  it('orders versions recorded before there was a sequence by date, then by label with numbers read as numbers', async () => {
    const content = await issued([{ label: 'v10', date: '2024-03-15' }, { label: 'v2', date: '2024-03-15' }, { label: 'v1' }]);
    expect((await history(content)).map((r) => r.label)).toEqual(['v1', 'v2', 'v10']);
  });
});

describe('several orders cited together', () => {
  const order = (number: string, date = '2024-03-15', extra: Partial<AmendmentBasis> = {}): AmendmentBasis => ({
    issuer: 'Агентлик директорининг',
    kind: 'буйруғи',
    plural: 'буйруқлари',
    number,
    date,
    ...extra,
  });
  it('one issuer, one date for the orders of one day, the plural noun from amendments.yaml', async () => {
    const { locale, locales } = await loadTemplates('templates');
    expect(amendmentBases([order('45')], locale)).toBe('Агентлик директорининг 15.03.2024 й. 45-сон буйруғи');
    expect(amendmentBases([order('52'), order('60')], locale)).toBe('Агентлик директорининг 15.03.2024 й. 52-сон ва 60-сон буйруқлари');
    expect(amendmentBases([order('45'), order('52', '2024-04-02'), order('60', '2024-04-02')], locale)).toBe(
      'Агентлик директорининг 15.03.2024 й. 45-сон ва 02.04.2024 й. 52-сон ва 60-сон буйруқлари',
    );
    expect(amendmentBases([order('52'), order('7', '2024-03-20', { issuer: 'Агентлик директори ўринбосарининг' })], locale)).toBe(
      'Агентлик директорининг 15.03.2024 й. 52-сон буйруғи; Агентлик директори ўринбосарининг 20.03.2024 й. 7-сон буйруғи',
    );
    expect(amendmentBases([order('52'), order('60')], locales.latn)).toBe('Агентлик директорининг 15.03.2024-y. 52-son va 60-son буйруқлари');
  });

  it('cites each order in full when the kind has no plural declared', async () => {
    const { locale } = await loadTemplates('templates');
    const bare = (n: string) => order(n, '2024-03-15', { plural: undefined });
    expect(amendmentBases([bare('52'), bare('60')], locale)).toBe(
      'Агентлик директорининг 15.03.2024 й. 52-сон буйруғи, Агентлик директорининг 15.03.2024 й. 60-сон буйруғи',
    );
  });
});

describe('changed words, marked', () => {
  const show = (side: { text: string; marked: boolean }[][]) => side.map((p) => p.map((s) => (s.marked ? `*${s.text.trim()}*` : s.text.trim())).join(' '));
  it('marks the removed words on the left and the added ones on the right', () => {
    const { before, after } = markedSides('Ходимлар малакаси оширилади.', 'Ходимларнинг малакаси оширилади.');
    expect(show(before)).toEqual(['*Ходимлар* малакаси оширилади.']);
    expect(show(after)).toEqual(['*Ходимларнинг* малакаси оширилади.']);
  });

  it('shows only the paragraphs that changed when the paragraphs pair up', () => {
    const { before, after } = markedSides('1. Бир.\n2. Икки марта.\n3. Уч.', '1. Бир.\n2. Икки ярим марта.\n3. Уч.');
    expect(show(before)).toEqual(['2. Икки марта.']);
    expect(show(after)).toEqual(['2. Икки *ярим* марта.']);
  });

  it('keeps the paragraphs when steps are added or removed', () => {
    const { before, after } = markedSides('1. Бир.\n2. Икки.', '1. Бир.\n2. Икки.\n3. Уч.');
    expect(show(before)).toEqual(['1. Бир.', '2. Икки.']);
    expect(show(after)).toEqual(['1. Бир.', '2. Икки.', '*3. Уч.*']);
  });
});
