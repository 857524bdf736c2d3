// text/doubled-word: the same word twice in a row.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('text/doubled-word', () => {
  it('reports a word typed twice, also across a line break', async () => {
    await fx.edit('items/31.yaml', 'маданияти ва ҳуқуқий', 'маданияти ва ва ҳуқуқий');
    await fx.edit('items/30.yaml', 'муҳокама қилиш учун\n  матбуот', 'муҳокама қилиш учун\n  учун матбуот');
    expect(await ruleLines(fx, 'text/doubled-word')).toEqual([
      `${await at(fx, 'items/30.yaml', 'учун матбуот')}  warning  Unexpected \`учун учун\`, expected \`учун\` once (mechanism)  text/doubled-word`,
      `${await at(fx, 'items/31.yaml', 'ва ҳуқуқий')}  warning  Unexpected \`ва ва\`, expected \`ва\` once (measure)  text/doubled-word`,
    ]);
  });

  it('accepts the shipped content (hyphenated repeats like "тез-тез" are words of their own)', async () => {
    expect(await ruleLines(fx, 'text/doubled-word')).toEqual([]);
    await fx.edit('items/31.yaml', 'маданияти ва', 'маданияти тез-тез ва');
    expect(await ruleLines(fx, 'text/doubled-word')).toEqual([]);
  });
});
