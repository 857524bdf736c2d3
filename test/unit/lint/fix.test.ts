// `lint --fix` rewrites only the characters it corrects: comments, folded `>-` texts and their line breaks, and
// source notes stay as they were. And the `lint` command's output and exit codes.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../../src/cli/commands/lint.js';
import { loadPlan } from '../../../src/content/load.js';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

async function lint(...args: string[]) {
  let out = '';
  const lang = args.includes('--lang') ? [] : ['--lang', 'en'];
  const code = await lintCommand.run(['--content', fx.dir, ...lang, ...args], { out: { write: (t: string) => (out += t) }, err: { write: () => true } });
  return { code, out };
}

/** Item 5 as an editor keeps it: comments above and beside values, folded texts, a source note. */
const CLEAN = `# Item 5: rating of state bodies (checked against the signed plan)
number: 5
measure: >-
  Давлат органлари ва ташкилотлари, шу жумладан, маҳаллий давлат ҳокимияти органларининг коррупцияга
  қарши курашиш ишларининг самарадорлигини “E-Anticor.uz” электрон платформаси орқали рейтинг
  баҳолашдан ўтказилишини таъминлаш
mechanism:
  steps:
    # the platform's first step
    - >-
      “E-Anticor.uz” электрон платформаси орқали Рейтинг баҳолаш йўналишлари ва индикатор
      кўрсаткичлари жадвалига киритилган маълумотларни таҳлил қилиш.
    - >-
      Рейтинг баҳолаш натижаларини электрон платформада ҳисоблаб
      чиқиш ва кенг жамоатчилик учун оммавий ахборот воситаларида эълон қилиш.
    - >-
      Давлат ташкилотлари томонидан “E-Anticor.uz” электрон платформасига киритилган 1-чораклик
      маълумотларни таҳлил қилиб тавсиялар киритиш.
deadlines: [2024-02, 2024-03, 2024-04]  # one per step
# source: Ўзбекистон Республикаси Президентининг 12.01.2022 й ПҚ-81-сон қарори
basis: [pq-81]
result: >-
  Давлат органлари ва ташкилотлари, шу жумладан маҳаллий ижро этувчи ҳокимият органларининг
  коррупцияга қарши курашиш бўйича чора-тадбирларнинг самарадорлиги январь–март ойларида таҳлил
  қилинади, баҳоланади ҳамда аниқланган камчиликларни бартараф этишга қаратилган чора-тадбирлар
  белгиланади.
responsible: [prevention]
`;

/** The same with what proof-reading misses: a Cyrillic Е, a trailing space before a line break (two spaces), other quotes, a hyphen in a range, a space before a comma. */
const BROKEN = CLEAN.replace('самарадорлигини “E-Anticor', 'самарадорлигини “Е-Anticor')
  .replace('ҳисоблаб\n', 'ҳисоблаб \n')
  .replace('томонидан “E-Anticor.uz”', 'томонидан «E-Anticor.uz»')
  .replace('январь–март', 'январь-март')
  .replace('қилинади, баҳоланади', 'қилинади , баҳоланади');

describe('lint --fix', () => {
  it('corrects the mechanical findings and keeps comments, folded texts and notes', async () => {
    expect(BROKEN).not.toBe(CLEAN);
    await fx.write('items/05.yaml', BROKEN);
    const before = await lint('--config', 'lint.yaml');
    expect(before.out).toContain(`${await at(fx, 'items/05.yaml', 'Е-Anticor')}  error  Unexpected Cyrillic \`Е\` in Latin word`);
    expect(before.code).toBe(1);

    const fixed = await lint('--config', 'lint.yaml', '--fix');
    expect(await fx.read('items/05.yaml')).toBe(CLEAN);
    // Item 5's five, and the « » of items 5, 7, 8, 9 and 10 the shipped content has.
    expect(fixed.out).toContain('fixed 16 findings in 5 files');
    // What is left is for a person: the note's wording and item 20's act.
    expect(fixed.out).toContain(`${await at(fx, 'items/05.yaml', '12.01.2022 й ')}  warning  Unexpected \`12.01.2022 й\` without a full stop`);
    expect(fixed.code).toBe(0);
    await expect(loadPlan(fx.dir)).resolves.toBeTruthy();
  });

  it('changes nothing on a second run', async () => {
    await lint('--config', 'lint.yaml', '--fix');
    const once = await Promise.all(['items/05.yaml', 'items/09.yaml', 'items/10.yaml'].map((f) => fx.read(f)));
    const again = await lint('--config', 'lint.yaml', '--fix');
    expect(again.out).toContain('fixed 0 findings in 0 files');
    expect(await Promise.all(['items/05.yaml', 'items/09.yaml', 'items/10.yaml'].map((f) => fx.read(f)))).toEqual(once);
  });
});

describe('lint', () => {
  it('prints the findings on the shipped content and exits 0 when all are warnings', async () => {
    const r = await lint('--config', 'lint.yaml');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe('0 errors, 14 warnings');
    expect(r.out).toContain(`${await at(fx, 'items/20.yaml', 'ПФ-154-сон')}  warning  Unexpected act \`ПФ-154-сон\` written out in the text`);
  });

  it('prints JSON with --format json and exits 1 on an error', async () => {
    await fx.edit('items/08.yaml', 'ташкилотлари томонидан «E-Anticor.uz»', 'ташкilotлари томонидан «E-Anticor.uz»');
    const r = await lint('--config', 'lint.yaml', '--format', 'json');
    expect(r.code).toBe(1);
    const list = JSON.parse(r.out) as { ruleId: string; severity: string; file: string; line: number; column: number; expected?: string }[];
    const error = list.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ ruleId: 'text/mixed-script', file: fx.display('items/08.yaml'), expected: 'ташкилотлари' });
  });

  it('speaks Uzbek unless asked for English', async () => {
    await fx.edit('items/08.yaml', 'ташкилотлари томонидан «E-Anticor.uz»', 'ташкilotлари томонидан «E-Anticor.uz»');
    const r = await lint('--config', 'lint.yaml', '--lang', 'uz');
    expect(r.out).toContain(
      `${await at(fx, 'items/08.yaml', 'ilotлари')}  error  \`ташкilotлари\` сўзида бошқа ёзувнинг ҳарфлари бор (лотин: \`i\`, \`l\`, \`o\`, \`t\`), \`ташкилотлари\` бўлиши керак (mechanism.steps[0])  text/mixed-script`,
    );
    expect(r.out.trim().split('\n').at(-1)).toBe('1 та хато, 14 та огоҳлантириш');
    const fixed = await lint('--config', 'lint.yaml', '--lang', 'uz', '--fix');
    expect(fixed.out).toContain('та камчилик тузатилди');
    await expect(lint('--lang', 'ru')).rejects.toThrow('Unknown language `ru`, expected uz or en');
  });

  it('rejects an unknown format as a usage mistake', async () => {
    await expect(lint('--format', 'xml')).rejects.toThrow('Unknown format `xml`, expected text or json');
  });
});

describe('lint --fix: the defects it used to have', () => {
  it('puts back the full stop a trailing comma replaced, and ";" in a step among ";" steps', async () => {
    await fx.edit('items/31.yaml', 'хизмат қилади.', 'хизмат қилади,');
    await fx.edit('items/10.yaml', 'ўрганиш;', 'ўрганиш,');
    await lint('--config', 'lint.yaml', '--fix');
    expect(await fx.read('items/31.yaml')).toContain('хизмат қилади.\n');
    expect(await fx.read('items/10.yaml')).toContain('ўрганиш;');
  });

  it('turns an apostrophe inside a Cyrillic word into ъ, not into ’', async () => {
    await fx.edit('items/30.yaml', 'ҳисобдорлигини таъминлаш', "ҳисобдорлигини та'минлаш");
    await lint('--config', 'lint.yaml', '--fix');
    expect(await fx.read('items/30.yaml')).toContain('ҳисобдорлигини таъминлаш');
  });
});

// The source notes' text is never rewritten by --fix.
it('leaves source notes as the DOCX had them', async () => {
  const file = path.join(fx.dir, 'items/04.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('deadline:', '# source: 2024 йил январ-июнь\ndeadline:'));
  await lint('--config', 'lint.yaml', '--fix');
  expect(await readFile(file, 'utf8')).toContain('# source: 2024 йил январ-июнь\n');
});
