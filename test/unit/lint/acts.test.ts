// act/in-text, act/conflict, act/citation: each test shows a line lint prints, and content it accepts.
import { describe, expect, it } from 'vitest';
import { at, lintLines } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

const NOTE_6013 = '# source: Ўзбекистон Республикаси Президентининг 20.06.2020 й. ПФ-6013-сон Фармони\nbasis: [pf-6013]';

describe('act/in-text', () => {
  it('reports an act written out in an item text (item 20 of the signed plan)', async () => {
    expect(await lintLines(fx, 'act/in-text')).toEqual([
      `${await at(fx, 'items/20.yaml', 'ПФ-154-сон')}  warning  Unexpected act \`ПФ-154-сон\` written out in the text, expected it cited by id in \`basis\` (\`pf-154\`) (result)  act/in-text\n  ${await at(fx, 'acts.yaml', 'pf-154')}  declared here`,
    ]);
  });

  it('reports an act that acts.yaml does not declare', async () => {
    await fx.edit('items/20.yaml', 'ПФ-154-сон', 'ПФ-999-сон');
    expect(await lintLines(fx, 'act/in-text')).toEqual([
      `${await at(fx, 'items/20.yaml', 'ПФ-999-сон')}  warning  Unexpected act \`ПФ-999-сон\` written out in the text, expected it declared in acts.yaml and cited by id in \`basis\` (result)  act/in-text`,
    ]);
  });

  it('accepts texts that cite acts only through `basis`', async () => {
    await fx.edit('items/20.yaml', '2022 йил 14 июндаги ПФ-154-сон фармони', 'тегишли фармон');
    expect(await lintLines(fx, 'act/in-text')).toEqual([]);
  });
});

describe('act/conflict', () => {
  it("reports a date that contradicts the act's declaration, and points at it", async () => {
    await fx.edit('items/11.yaml', 'basis: [pf-6013]', NOTE_6013);
    expect(await lintLines(fx, 'act/conflict')).toEqual([
      `${await at(fx, 'items/11.yaml', '20.06.2020')}  error  Unexpected \`20.06.2020\` for act \`ПФ-6013\`, expected \`29.06.2020\` as declared (source note of basis)  act/conflict\n  ${await at(fx, 'acts.yaml', '2020-06-29')}  pf-6013 declared here`,
    ]);
  });

  it('reports a number that contradicts the act declared for that date', async () => {
    await fx.edit('items/20.yaml', 'ПФ-154-сон', 'ПФ-145-сон');
    expect(await lintLines(fx, 'act/conflict')).toEqual([
      `${await at(fx, 'items/20.yaml', 'ПФ-145')}  error  Unexpected \`ПФ-145\` for the act of 14.06.2022, expected \`ПФ-154\` as declared (result)  act/conflict\n  ${await at(fx, 'acts.yaml', 'pf-154')}  pf-154 declared here`,
    ]);
  });

  it('accepts citations that agree with acts.yaml (item 20: "2022 йил 14 июндаги ПФ-154-сон")', async () => {
    await fx.edit('items/11.yaml', 'basis: [pf-6013]', NOTE_6013.replace('20.06.2020', '29.06.2020'));
    expect(await lintLines(fx, 'act/conflict')).toEqual([]);
  });
});

describe('act/citation', () => {
  it('reports a singular noun after two decrees, a lower-case noun and "й" without its full stop', async () => {
    await fx.edit(
      'items/21.yaml',
      'basis: [pf-154, pf-200]',
      '# source: Ўзбекистон Республикаси Президентининг 14.06.2022 й. ПФ-154-сон, 27.11.2023 й. ПФ-200-сон Фармони\nbasis: [pf-154, pf-200]',
    );
    await fx.edit(
      'items/06.yaml',
      'basis:',
      '# source: Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон Фармони, 12.01.2022 й. ПҚ-81-сон ва 11.05.2022 й ПҚ-240-сон қарорлари\nbasis:',
    );
    expect(await lintLines(fx, 'act/citation')).toEqual([
      `${await at(fx, 'items/06.yaml', '11.05.2022 й ')}  warning  Unexpected \`11.05.2022 й\` without a full stop, expected \`11.05.2022 й.\` (source note of basis)  act/citation`,
      `${await at(fx, 'items/06.yaml', 'қарорлари')}  warning  Unexpected \`қарорлари\` in lower case, expected \`Қарорлари\` (source note of basis)  act/citation`,
      `${await at(fx, 'items/20.yaml', 'фармони')}  warning  Unexpected \`фармони\` in lower case, expected \`Фармони\` (result)  act/citation`,
      `${await at(fx, 'items/21.yaml', 'Фармони\n')}  warning  Unexpected \`Фармони\` after 2 acts, expected \`Фармонлари\` (source note of basis)  act/citation`,
    ]);
  });

  it('accepts citations worded as the program prints them', async () => {
    await fx.edit('items/20.yaml', 'ПФ-154-сон фармони', 'ПФ-154-сон Фармони');
    await fx.edit(
      'items/21.yaml',
      'basis: [pf-154, pf-200]',
      '# source: Ўзбекистон Республикаси Президентининг 14.06.2022 й. ПФ-154-сон, 27.11.2023 й. ПФ-200-сон Фармонлари\nbasis: [pf-154, pf-200]',
    );
    expect(await lintLines(fx, 'act/citation')).toEqual([]);
  });
});
