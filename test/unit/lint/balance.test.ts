// typography/balance: quotation marks and brackets that do not pair up.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('typography/balance', () => {
  it('reports a quote never closed, a bracket never opened, and a pair of two styles', async () => {
    await fx.edit('items/27.yaml', '“йўл харитаси”', '“йўл харитаси');
    await fx.edit('items/26.yaml', '(ROLACC)', 'ROLACC)');
    await fx.edit('items/09.yaml', 'соҳаларда «Коррупциясиз соҳа»', 'соҳаларда «Коррупциясиз соҳа”');
    expect(await ruleLines(fx, 'typography/balance')).toEqual([
      `${await at(fx, 'items/09.yaml', '«Коррупциясиз соҳа”')}  warning  Unexpected \`«\` closed by \`”\`, expected \`»\` (measure)  typography/balance`,
      `${await at(fx, 'items/26.yaml', ')')}  warning  Unexpected closing \`)\` without its \`(\` (measure)  typography/balance`,
      `${await at(fx, 'items/27.yaml', '“йўл')}  warning  Unexpected \`“\` never closed, expected \`”\` (mechanism)  typography/balance`,
    ]);
  });

  it('accepts pairs, quotes inside quotes, and the shipped content', async () => {
    expect(await ruleLines(fx, 'typography/balance')).toEqual([]);
    await fx.edit('items/27.yaml', '“йўл харитаси”', '“Минтақавий «йўл харитаси» (2024)”');
    expect(await ruleLines(fx, 'typography/balance')).toEqual([]);
  });
});
