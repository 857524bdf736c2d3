// typography/double-stop and typography/invisible.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('typography/double-stop', () => {
  it('reports ".."', async () => {
    await fx.edit('items/31.yaml', 'хизмат қилади.', 'хизмат қилади..');
    expect(await ruleLines(fx, 'typography/double-stop')).toEqual([
      `${await at(fx, 'items/31.yaml', '..\n')}  warning  Unexpected \`..\` in \`қилади..\`, expected \`.\` (result)  typography/double-stop`,
    ]);
  });

  it('accepts an ellipsis and the shipped content (deadline ranges are not texts)', async () => {
    await fx.edit('items/31.yaml', 'хизмат қилади.', 'хизмат қилади...');
    expect(await ruleLines(fx, 'typography/double-stop')).toEqual([]);
  });
});

describe('typography/invisible', () => {
  it('reports a TAB and a soft hyphen', async () => {
    await fx.edit('items/31.yaml', 'ҳуқуқий маданияти', 'ҳуқуқий\tмаданияти');
    await fx.edit('items/30.yaml', 'ҳисобдорлигини таъминлаш', 'ҳисобдор\u00ADлигини таъминлаш');
    expect(await ruleLines(fx, 'typography/invisible')).toEqual([
      `${await at(fx, 'items/30.yaml', '\u00AD')}  warning  Unexpected soft hyphen (U+00AD) in \`ҳисобдор·лигини\`, expected none (measure)  typography/invisible`,
      `${await at(fx, 'items/31.yaml', '\t')}  warning  Unexpected TAB in \`ҳуқуқий·маданияти\`, expected a space (measure)  typography/invisible`,
    ]);
  });

  it('accepts the shipped content', async () => {
    expect(await ruleLines(fx, 'typography/invisible')).toEqual([]);
  });
});
