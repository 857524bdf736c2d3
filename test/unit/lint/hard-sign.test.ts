// typography/hard-sign: an apostrophe typed for ъ inside a Cyrillic word.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('typography/hard-sign', () => {
  it("reports ’, ʼ, ' or ` for ъ", async () => {
    await fx.edit('items/30.yaml', 'ҳисобдорлигини таъминлаш', "ҳисобдорлигини та'минлаш");
    await fx.edit('items/30.yaml', 'ҳисобдорлиги\n  таъминланади', 'ҳисобдорлиги\n  та’минланади');
    expect(await ruleLines(fx, 'typography/hard-sign')).toEqual([
      `${await at(fx, 'items/30.yaml', "'минлаш")}  warning  Unexpected \`'\` in the Cyrillic word \`та'минлаш\`, expected \`таъминлаш\` (measure)  typography/hard-sign`,
      `${await at(fx, 'items/30.yaml', '’минланади')}  warning  Unexpected \`’\` in the Cyrillic word \`та’минланади\`, expected \`таъминланади\` (result)  typography/hard-sign`,
    ]);
  });

  it("reads г' as ғ and у', о' as ў, the Latin way of writing them", async () => {
    await fx.edit('items/31.yaml', 'ҳуқуқий маданияти', "ҳуқуқий маданияти у'қув");
    await fx.edit('items/30.yaml', 'ҳисобдорлигини таъминлаш', 'ҳисобдорлигини таъминлаш ва сог‘лом');
    expect((await ruleLines(fx, 'typography/hard-sign')).map((l) => l.split('  ')[2])).toEqual([
      'Unexpected `‘` in the Cyrillic word `сог‘лом`, expected `соғлом` (measure)',
      "Unexpected `'` in the Cyrillic word `у'қув`, expected `ўқув` (measure)",
    ]);
  });

  it('leaves the ASCII apostrophe inside a Cyrillic word to this rule, and Latin apostrophes alone', async () => {
    await fx.edit('items/30.yaml', 'ҳисобдорлигини таъминлаш', "ҳисобдорлигини та'минлаш (O'zbekiston)");
    expect(await ruleLines(fx, 'typography/ascii-apostrophe')).toHaveLength(1);
    expect(await ruleLines(fx, 'typography/hard-sign')).toHaveLength(1);
  });
});
