// text/final-stop: a text without the final mark its siblings have.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('text/final-stop', () => {
  it('reports a result without its full stop, and a step among steps that have one', async () => {
    await fx.edit('items/31.yaml', 'хизмат қилади.', 'хизмат қилади');
    await fx.edit('items/31.yaml', 'мазмун-моҳиятини етказиш.', 'мазмун-моҳиятини етказиш');
    expect(await ruleLines(fx, 'text/final-stop')).toEqual([
      `${await at(fx, 'items/31.yaml', '\n    - >-\n      Қонун')}  warning  Unexpected end \`…мазмун-моҳиятини етказиш\` without \`.\`, expected \`.\` as its siblings have (mechanism.steps[0])  text/final-stop`,
      `${await at(fx, 'items/31.yaml', '\nresponsible')}  warning  Unexpected end \`…хизмат қилади\` without \`.\`, expected \`.\` as its siblings have (result)  text/final-stop`,
    ]);
  });

  it("accepts item 27's mechanism as signed (`allow` in lint.yaml), and measures, which the plan writes both ways", async () => {
    expect(await ruleLines(fx, 'text/final-stop')).toEqual([]);
    expect(await ruleLines(fx, 'text/final-stop', { allow: [] })).toHaveLength(1);
  });
});
