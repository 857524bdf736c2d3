// text/sentence-capital: a sentence that starts with a lower-case letter.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('text/sentence-capital', () => {
  it('reports a text and a sentence that start in lower case', async () => {
    await fx.edit('items/31.yaml', 'Қонун ижодкорлиги', 'қонун ижодкорлиги');
    await fx.edit('items/30.yaml', 'бажарилади ҳамда', 'бажарилади. ҳамда');
    expect(await ruleLines(fx, 'text/sentence-capital')).toEqual([
      `${await at(fx, 'items/30.yaml', 'ҳамда жамоатчилик')}  warning  Unexpected lower-case \`ҳамда\` at the start of a sentence, expected \`Ҳамда\` (result)  text/sentence-capital`,
      `${await at(fx, 'items/31.yaml', 'қонун')}  warning  Unexpected lower-case \`қонун\` at the start of a sentence, expected \`Қонун\` (mechanism.steps[1])  text/sentence-capital`,
    ]);
  });

  it('accepts a step after a ";" step or an intro ending in ":", text after "й.", and the shipped content', async () => {
    expect(await ruleLines(fx, 'text/sentence-capital')).toEqual([]);
    await fx.edit('items/30.yaml', 'Агентликнинг 2023 йилдаги', 'Агентликнинг 2023 й. якунлари ва 2023 йилдаги');
    expect(await ruleLines(fx, 'text/sentence-capital')).toEqual([]);
  });
});
