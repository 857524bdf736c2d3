// department/name, department/missing.
import { describe, expect, it } from 'vitest';
import { at, lintLines } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

describe('department/name', () => {
  it('reports a unit named in an item text that departments.yaml does not declare', async () => {
    await fx.edit('items/30.yaml', 'матбуот анжумани ўтказиш.', 'матбуот анжумани ўтказиш ва Ахборот хизмати билан келишиш.');
    expect(await lintLines(fx, 'department/name')).toEqual([
      `${await at(fx, 'items/30.yaml', 'Ахборот хизмати')}  warning  Unexpected unit \`Ахборот хизмати\` named in the text, expected a department declared in departments.yaml (mechanism)  department/name`,
    ]);
  });

  it('reports a name in a `responsible` note spelt otherwise than declared, and points at the declaration', async () => {
    await fx.edit('items/03.yaml', 'responsible:', '# source: Тизимли таҳлил ва прогнозлаштириш Йиғма бўлими\nresponsible:');
    expect(await lintLines(fx, 'department/name')).toEqual([
      `${await at(fx, 'items/03.yaml', 'Тизимли')}  warning  Unexpected \`Тизимли таҳлил ва прогнозлаштириш Йиғма бўлими\`, expected \`Тизимли таҳлил ва прогнозлаштириш йиғма бўлими\` as declared (source note of responsible)  department/name\n  ${await at(fx, 'departments.yaml', 'Тизимли')}  analysis declared here`,
    ]);
  });

  it('accepts declared units and units of other organisations ("БМТнинг … бошқармаси")', async () => {
    await fx.edit('items/30.yaml', 'матбуот анжумани ўтказиш.', 'матбуот анжумани ўтказиш ва Матбуот хизмати билан келишиш.');
    expect(await lintLines(fx, 'department/name')).toEqual([]);
  });
});

describe('department/missing', () => {
  it('reports an item without a responsible department, or with mentions only', async () => {
    await fx.edit('items/24.yaml', 'responsible: [units-concerned, public-relations]', 'responsible: [units-concerned]');
    await fx.edit('items/25.yaml', 'responsible: [public-relations]', 'responsible: []');
    expect(await lintLines(fx, 'department/missing')).toEqual([
      `${await at(fx, 'items/24.yaml', '[units-concerned]')}  error  Unexpected item 24 with mentions only (\`units-concerned\`), expected a department or a group that receives it (responsible)  department/missing`,
      `${await at(fx, 'items/25.yaml', '[]')}  error  Unexpected item 25 without a responsible department, expected at least one id in \`responsible\` (responsible)  department/missing`,
    ]);
  });

  it('accepts items with a department or a group', async () => {
    expect(await lintLines(fx, 'department/missing')).toEqual([]);
  });
});
