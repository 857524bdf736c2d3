// Which items each department receives, and the integrity check of the cut.
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { extractView } from '../../src/compose/view.js';
import { ContentError, formatDiagnostic } from '../../src/content/diagnostics.js';
import { loadPlan } from '../../src/content/load.js';
import { checkExtracts, selectExtracts } from '../../src/extracts/select.js';
import { contentPerTest, positionOf, SCRATCH } from '../support/content-fixture.js';

const fx = contentPerTest();

describe('extract selection', () => {
  it('gives every department its own items, shared items and all-units items, with plan numbers', async () => {
    const plan = await loadPlan(fx.dir);
    const numbers = Object.fromEntries(selectExtracts(plan).map((e) => [e.department.id, e.items.map((i) => i.number)]));
    expect(numbers).toEqual({
      analysis: [1, 3, 4, 30],
      prevention: [1, 5, 6, 7, 8, 9, 10, 30],
      monitoring: [1, 10, 11, 12, 13, 14, 15, 16, 17, 30],
      openness: [1, 18, 19, 20, 21, 22, 23, 30],
      'public-relations': [1, 24, 25, 26, 27, 28, 29, 30],
      press: [1, 30],
      hr: [1, 30, 31],
      legal: [1, 30, 31],
    });
  });

  it('tells the lead from the departments it shares with', async () => {
    const plan = await loadPlan(fx.dir);
    const roles = (id: string) => Object.fromEntries(selectExtracts(plan).find((e) => e.department.id === id)!.roles);
    expect(roles('monitoring')).toMatchObject({ 10: 'shared', 11: 'lead', 1: 'shared', 30: 'shared' });
    expect(roles('prevention')).toMatchObject({ 10: 'lead' });
    expect(roles('legal')).toMatchObject({ 31: 'shared', 30: 'shared' });
    expect(roles('hr')).toMatchObject({ 31: 'lead' });
  });

  it('does not fan out an item to everyone because it mentions "Масъул тармоқлар"', async () => {
    const plan = await loadPlan(fx.dir);
    const holders = selectExtracts(plan)
      .filter((e) => e.items.some((i) => i.number === 24))
      .map((e) => e.department.id);
    expect(holders).toEqual(['public-relations']);
  });

  it('summarises the extract by month', async () => {
    const plan = await loadPlan(fx.dir);
    const extract = selectExtracts(plan).find((e) => e.department.id === 'monitoring')!;
    const view = extractView(plan, extract);
    expect(view.summary.months.map((m) => [m.month.month, m.items.map(Number)])).toEqual([
      [1, [1, 10]],
      [2, [1, 10, 11]],
      [3, [1, 10, 11, 12, 13, 30]],
      [4, [10, 17]],
      [5, [10, 14, 16]],
      [6, [10, 12, 15]],
    ]);
    expect(view.summary.lead).toEqual(['11', '12', '13', '14', '15', '16', '17']);
    expect(view.summary.shared).toEqual(['1', '10', '30']);
  });
});

describe('extract integrity', () => {
  it("stops the build when an item reaches no department, at the item's responsible field", async () => {
    await fx.edit('items/24.yaml', 'responsible: [units-concerned, public-relations]', 'responsible: [units-concerned]');
    const plan = await loadPlan(fx.dir);
    const problems = checkExtracts(plan, selectExtracts(plan)).map(formatDiagnostic);
    const { line, column } = positionOf(await fx.read('items/24.yaml'), '[units-concerned]');
    expect(problems).toEqual([
      `${fx.display('items/24.yaml')}:${line}:${column}  error  Item 24 reaches no department's extract (responsible: \`units-concerned\`), expected at least one department or a group of departments (responsible)  extract/integrity`,
    ]);
    await expect(build({ contentDir: fx.dir, templatesDir: 'templates', fontsDir: 'fonts', outDir: `${SCRATCH}/never` })).rejects.toBeInstanceOf(ContentError);
  });
});
