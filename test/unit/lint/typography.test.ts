// typography/quote-style, typography/double-space, typography/space-before-punctuation, typography/range-dash,
// typography/ascii-apostrophe. Typography is checked in printed texts, not in source notes.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, lintLines } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

describe('typography/quote-style', () => {
  it('reports the quotes of the less used style: the signed plan has « » beside “ ”', async () => {
    const lines = await lintLines(fx, 'typography/quote-style');
    expect(lines[0]).toBe(
      `${await at(fx, 'items/05.yaml', '«E-Anticor.uz»')}  warning  Unexpected « » in \`«E-Anticor.uz»\`, expected “ ” as most of the plan has (mechanism.steps[2])  typography/quote-style`,
    );
    expect(lines).toHaveLength(12);
  });

  it('reports ASCII quotes against a house style', async () => {
    await fx.edit('items/27.yaml', '“йўл харитаси”', '"йўл харитаси"');
    const lines = await lintLines(fx, 'typography/quote-style', { style: '“”' });
    expect(lines).toContain(
      `${await at(fx, 'items/27.yaml', '"йўл')}  warning  Unexpected " " in \`"йўл харитаси"\`, expected “ ” (the house style) (mechanism)  typography/quote-style`,
    );
  });

  it('accepts one style, with the other inside quotes', async () => {
    for (const name of await readdir(path.join(fx.dir, 'items'))) {
      const file = path.join(fx.dir, 'items', name);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/«/g, '“').replace(/»/g, '”'));
    }
    await fx.edit('items/27.yaml', '“йўл харитаси”', '“Минтақавий «йўл харитаси»”');
    expect(await lintLines(fx, 'typography/quote-style')).toEqual([]);
  });
});

describe('typography/double-space', () => {
  it('reports two spaces between words', async () => {
    await fx.edit('items/05.yaml', 'ҳисоблаб чиқиш', 'ҳисоблаб  чиқиш');
    expect(await lintLines(fx, 'typography/double-space')).toEqual([
      `${await at(fx, 'items/05.yaml', '  чиқиш')}  warning  Unexpected 2 spaces, expected 1 (mechanism.steps[1])  typography/double-space`,
    ]);
  });

  it('accepts single spaces (line breaks of folded texts are single spaces)', async () => {
    expect(await lintLines(fx, 'typography/double-space')).toEqual([]);
  });
});

describe('typography/space-before-punctuation', () => {
  it('reports a space before a full stop', async () => {
    await fx.edit('items/30.yaml', 'матбуот анжумани ўтказиш.', 'матбуот анжумани ўтказиш .');
    expect(await lintLines(fx, 'typography/space-before-punctuation')).toEqual([
      `${await at(fx, 'items/30.yaml', ' .')}  warning  Unexpected space before \`.\`, expected none (mechanism)  typography/space-before-punctuation`,
    ]);
  });

  it('accepts punctuation right after its word, and a spaced dash', async () => {
    expect(await lintLines(fx, 'typography/space-before-punctuation')).toEqual([]);
  });
});

describe('typography/range-dash', () => {
  it('reports a hyphen in a range of months', async () => {
    await fx.edit('items/14.yaml', 'result: >-\n  ', 'result: >-\n  2024 йил январь-март ойларида ');
    expect(await lintLines(fx, 'typography/range-dash')).toEqual([
      `${await at(fx, 'items/14.yaml', '-март')}  warning  Unexpected hyphen in the range \`январь-март\`, expected \`январь–март\` (result)  typography/range-dash`,
    ]);
  });

  it('reports ranges of years only when `years` is on', async () => {
    expect(await lintLines(fx, 'typography/range-dash')).toEqual([]);
    expect(await lintLines(fx, 'typography/range-dash', { years: true })).toEqual([
      `${await at(fx, 'items/04.yaml', '-2024')}  warning  Unexpected hyphen in the range \`2023-2024\`, expected \`2023–2024\` (measure)  typography/range-dash`,
      `${await at(fx, 'items/11.yaml', '-2023')}  warning  Unexpected hyphen in the range \`2022-2023\`, expected \`2022–2023\` (mechanism.steps[0])  typography/range-dash`,
    ]);
  });
});

describe('typography/ascii-apostrophe', () => {
  it('reports the typewriter apostrophe', async () => {
    await fx.edit('items/26.yaml', '(ROLACC)', "(ROLACC's)");
    expect(await lintLines(fx, 'typography/ascii-apostrophe')).toEqual([
      `${await at(fx, 'items/26.yaml', "'s")}  warning  Unexpected ASCII apostrophe in \`ROLACC's\`, expected \`’\` (measure)  typography/ascii-apostrophe`,
    ]);
  });

  it('accepts the typographic apostrophe', async () => {
    await fx.edit('items/26.yaml', '(ROLACC)', '(ROLACC’s)');
    expect(await lintLines(fx, 'typography/ascii-apostrophe')).toEqual([]);
  });
});
