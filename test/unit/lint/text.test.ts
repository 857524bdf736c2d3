// text/mixed-script, text/month-name, text/trailing-comma: each test shows a line lint prints, and content it accepts.
import { describe, expect, it } from 'vitest';
import { at, lintLines } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

describe('text/mixed-script', () => {
  it('reports Latin letters inside a Cyrillic word, with the word as meant', async () => {
    await fx.edit(
      'items/08.yaml',
      'ташкилотлари томонидан аниқланган коррупциявий хавф-хатарларни кўриб',
      'ташкilotлари томонидан аниқланган коррупциявий хавф-хатарларни кўриб',
    );
    expect(await lintLines(fx, 'text/mixed-script')).toEqual([
      `${await at(fx, 'items/08.yaml', 'ilotлари')}  error  Unexpected Latin \`i\`, \`l\`, \`o\`, \`t\` in Cyrillic word \`ташкilotлари\`, expected \`ташкилотлари\` (mechanism.steps[1])  text/mixed-script`,
    ]);
  });

  it('reports a Cyrillic letter inside a Latin name', async () => {
    await fx.edit('items/05.yaml', '“E-Anticor.uz” электрон платформаси орқали рейтинг', '“Е-Anticor.uz” электрон платформаси орқали рейтинг');
    expect(await lintLines(fx, 'text/mixed-script')).toEqual([
      `${await at(fx, 'items/05.yaml', 'Е-Anticor')}  error  Unexpected Cyrillic \`Е\` in Latin word \`Е-Anticor.uz\`, expected \`E-Anticor.uz\` (measure)  text/mixed-script`,
    ]);
  });

  it('reports Arabic letters and letters of other Cyrillic alphabets', async () => {
    await fx.edit('items/06.yaml', 'директорига', 'директориغا');
    await fx.edit('items/05.yaml', 'ҳисоблаб', 'һисоблаб');
    expect(await lintLines(fx, 'text/mixed-script')).toEqual([
      `${await at(fx, 'items/05.yaml', 'һисоблаб')}  error  Unexpected non-Uzbek Cyrillic \`һ\` in Cyrillic word \`һисоблаб\`, expected \`ҳисоблаб\` (mechanism.steps[1])  text/mixed-script`,
      `${await at(fx, 'items/06.yaml', 'غا')}  error  Unexpected Arabic \`غ\`, \`ا\` in Cyrillic word \`директориغا\`, expected \`директорига\` (mechanism.steps[1])  text/mixed-script`,
    ]);
  });

  it('accepts whole Latin words: E-Anticor.uz, ROLACC, Open data, the Roman numeral I', async () => {
    expect(await lintLines(fx, 'text/mixed-script')).toEqual([]);
  });
});

describe('text/month-name', () => {
  it('reports a month without its soft sign, in a text and in a source note', async () => {
    await fx.edit('items/04.yaml', 'deadline: 2024-01..2024-06', '# source: 2024 йил январ-июнь\ndeadline: 2024-01..2024-06');
    await fx.edit('items/14.yaml', 'result: >-\n  ', 'result: >-\n  2024 йил апрел ойигача ');
    expect(await lintLines(fx, 'text/month-name')).toEqual([
      `${await at(fx, 'items/04.yaml', 'январ-')}  warning  Unexpected \`январ\`, expected \`январь\` (source note of deadline)  text/month-name`,
      `${await at(fx, 'items/14.yaml', 'апрел')}  warning  Unexpected \`апрел\`, expected \`апрель\` (result)  text/month-name`,
    ]);
  });

  it('accepts month names as the locale spells them', async () => {
    await fx.edit('items/14.yaml', 'result: >-\n  ', 'result: >-\n  2024 йил апрель ойигача ');
    expect(await lintLines(fx, 'text/month-name')).toEqual([]);
  });
});

describe('text/month-name: misspelt stems in every form', () => {
  it('reports "сентабрь", "октабрда", "Нойабргача" with the word as meant', async () => {
    await fx.edit('items/14.yaml', 'result: >-\n  ', 'result: >-\n  2023 йил сентабрь, октабрда ва Нойабргача ');
    const lines = await lintLines(fx, 'text/month-name');
    expect(lines.map((l) => l.split('  ')[2])).toEqual([
      'Unexpected `сентабрь`, expected `сентябрь` (result)',
      'Unexpected `октабрда`, expected `октябрда` (result)',
      'Unexpected `Нойабргача`, expected `Ноябргача` (result)',
    ]);
  });

  it('accepts month names in their inflected forms', async () => {
    await fx.edit('items/14.yaml', 'result: >-\n  ', 'result: >-\n  2023 йил сентябрда, октябргача, 14 июндаги ');
    expect(await lintLines(fx, 'text/month-name')).toEqual([]);
  });
});

describe('text/trailing-comma', () => {
  it('reports a stray comma at the end of a text or a note', async () => {
    await fx.edit('items/01.yaml', 'basis: [pf-200]', '# source: Ўзбекистон Республикаси Президентининг 27.11.2023 й. ПФ-200-сон Фармони,\nbasis: [pf-200]');
    expect(await lintLines(fx, 'text/trailing-comma')).toEqual([
      `${await at(fx, 'items/01.yaml', ',\nbasis')}  warning  Unexpected \`,\` at the end of the text, expected none (source note of basis)  text/trailing-comma`,
    ]);
  });

  it('accepts texts that end with a full stop or a word', async () => {
    expect(await lintLines(fx, 'text/trailing-comma')).toEqual([]);
  });
});
