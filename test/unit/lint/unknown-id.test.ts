// ref/unknown-id: ids in `responsible` and `basis` that are not declared.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('ref/unknown-id', () => {
  it('reports an undeclared department and an undeclared act', async () => {
    await fx.edit('items/31.yaml', 'responsible: [hr, legal]', 'responsible: [hr, legals]');
    await fx.edit('items/30.yaml', 'basis: [pf-6247]', 'basis: [pf-6248]');
    const lines = await ruleLines(fx, 'ref/unknown-id');
    expect(lines).toEqual([
      `${await at(fx, 'items/30.yaml', 'pf-6248')}  error  Unexpected act \`pf-6248\`, expected one declared in acts.yaml: ${lines[0]!.split('acts.yaml: ')[1]}`,
      `${await at(fx, 'items/31.yaml', 'legals')}  error  Unexpected department \`legals\`, expected one declared in departments.yaml: analysis, prevention, monitoring, openness, public-relations, press, hr, legal, all-units, units-concerned (responsible[1])  ref/unknown-id`,
    ]);
    expect(lines[0]).toContain('pf-6247');
  });

  it('accepts the shipped content', async () => {
    expect(await ruleLines(fx, 'ref/unknown-id')).toEqual([]);
  });
});
