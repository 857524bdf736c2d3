// typography/dash: an em dash or a spaced hyphen where the house style has the en dash.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('typography/dash', () => {
  it('reports an em dash and a spaced hyphen', async () => {
    await fx.edit('items/31.yaml', 'маданияти ва ҳуқуқий', 'маданияти — ҳуқуқий');
    await fx.edit('items/30.yaml', 'бажарилади ҳамда', 'бажарилади - ҳамда');
    expect(await ruleLines(fx, 'typography/dash')).toEqual([
      `${await at(fx, 'items/30.yaml', '- ҳамда')}  warning  Unexpected hyphen \`-\` between spaces in \`бажарилади - ҳамда\`, expected \`–\` (result)  typography/dash`,
      `${await at(fx, 'items/31.yaml', '—')}  warning  Unexpected em dash \`—\` in \`маданияти — ҳуқуқий\`, expected \`–\` (measure)  typography/dash`,
    ]);
  });

  it("accepts the Strategy's name as signed (`allow` in lint.yaml), hyphens inside words, and en dashes", async () => {
    expect(await ruleLines(fx, 'typography/dash')).toEqual([]);
    expect(await ruleLines(fx, 'typography/dash', { allow: [] })).toHaveLength(1);
  });
});
