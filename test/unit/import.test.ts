// `import plan.docx`: our own DOCX comes back as the content it was built from; so does the same DOCX re-saved by
// LibreOffice; and a DOCX with the seed's raw text comes in with every extraction artefact reported.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { importCommand } from '../../src/cli/commands/import.js';
import { formatDiagnostic } from '../../src/content/diagnostics.js';
import { loadPlan } from '../../src/content/load.js';
import type { Plan } from '../../src/domain/types.js';
import { ActRegistry } from '../../src/import/basis.js';
import { parseDeadlineText } from '../../src/import/deadlines.js';
import { periodOf } from '../../src/import/header.js';
import { importDocx, type ImportResult } from '../../src/import/import.js';
import { writeFiles } from '../../src/pipeline/output.js';
import { splitMechanism } from '../../src/import/mechanism.js';
import { readPlanTable } from '../../src/import/table.js';
import type { DocxCell } from '../../src/import/docx.js';
import { loadLintConfig } from '../../src/lint/config.js';
import { splitExecutors } from '../../src/lint/executors.js';
import { lintContent } from '../../src/lint/run.js';
import { localeSchema } from '../../src/uz/locale.js';
import { seedDocx } from '../fixtures/seed-docx.js';
import { contentFixture, SCRATCH } from '../support/content-fixture.js';

let tmp: string;
let planDocx: string;
const locale = localeSchema.parse(parseYaml(await readFile('templates/locale.yaml', 'utf8')));

beforeAll(async () => {
  tmp = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'import-')));
  const built = await build({ contentDir: 'content', templatesDir: 'templates', fontsDir: 'fonts', outDir: path.join(tmp, 'built'), formats: ['docx'] });
  const plan = built.files.filter((f) => /(^|\/)plan[^/]*\.docx$/.test(f)).sort((a, b) => Number(b.includes('.cyrl.')) - Number(a.includes('.cyrl.')))[0];
  if (!plan) throw new Error(`build wrote no plan DOCX: ${built.files.join(', ')}`);
  planDocx = plan;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function importInto(bytes: Uint8Array, name: string, source = 'plan.docx'): Promise<{ dir: string; result: ImportResult }> {
  const dir = path.join(tmp, name);
  const result = await importDocx(bytes, { source, outDir: dir, locale });
  await writeFiles(dir, [...result.files]);
  return { dir, result };
}

/** What a reader of the plan sees of each item, without the ids the importer proposes. */
function items(plan: Plan) {
  return plan.items.map((i) => ({
    number: i.number,
    measure: i.measure,
    mechanism: i.mechanism,
    deadlines: i.deadlines,
    basis: i.basis.map((a) => `${a.kind.code}-${a.number} ${a.date} ${a.kind.singular}/${a.kind.plural} ${a.issuer.genitive}`),
    result: i.result,
    responsible: i.responsible.map((d) => `${d.name} (${d.kind})`),
  }));
}

const head = (plan: Plan) => ({ agency: plan.agency, period: plan.period, approval: plan.approval });

async function sourceNotes(dir: string): Promise<string[]> {
  const files = [...(await readdir(dir)).filter((f) => f.endsWith('.yaml')), ...(await readdir(path.join(dir, 'items'))).map((f) => `items/${f}`)];
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  return texts.flatMap((t) => t.split('\n').filter((l) => l.includes('# source:')));
}

describe('import: round trip', () => {
  it('reads our plan DOCX back into the content it was built from', async () => {
    const { dir, result } = await importInto(new Uint8Array(await readFile(planDocx)), 'ours');
    const [original, imported] = await Promise.all([loadPlan('content'), loadPlan(dir)]);
    expect(items(imported)).toEqual(items(original));
    expect(head(imported)).toEqual(head(original));
    expect(result.report).toEqual([]);
    expect(await sourceNotes(dir)).toEqual([]);
    // Ids are proposed: acts after their code and number, departments a Latin slug of the name.
    expect(imported.acts.map((a) => a.id).sort()).toEqual(original.acts.map((a) => a.id).sort());
    expect(imported.departments.map((d) => d.id)).toContain('matbuot-xizmati');
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)(`reads the DOCX after LibreOffice rewrote all of its XML${soffice ? '' : ' (skipped: soffice is not installed)'}`, async () => {
    const outDir = path.resolve(tmp, 'lo');
    const profile = path.resolve(tmp, 'lo-profile');
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx', '--outdir', outDir, path.resolve(planDocx)],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const resaved = new Uint8Array(await readFile(path.join(outDir, path.basename(planDocx))));
    expect(Buffer.compare(Buffer.from(resaved), await readFile(planDocx))).not.toBe(0);
    const { dir } = await importInto(resaved, 'lo-import');
    const [original, imported] = await Promise.all([loadPlan('content'), loadPlan(dir)]);
    expect(items(imported)).toEqual(items(original));
    expect(head(imported)).toEqual(head(original));
  });
});

describe('import: sections', () => {
  it('reads rows across the table back as sections, each item under its heading with its sub-number', async () => {
    const fx = await contentFixture();
    try {
      await fx.edit(
        'plan.yaml',
        'approval:',
        'sections:\n  - id: first\n    heading: I. Коррупциянинг олдини олиш\n  - id: second\n    heading: II. Очиқлик ва жамоатчилик назорати\napproval:',
      );
      const files = (await readdir(path.join(fx.dir, 'items'))).sort();
      // Numbered within the sections: 1.1–1.10, then 2.1–2.20.
      for (const [i, f] of files.entries()) {
        const text = await fx.read(`items/${f}`);
        await fx.write(
          `items/${f}`,
          text.replace(/^number: \d+/m, `section: ${i < 10 ? 'first' : 'second'}\nnumber: "${i < 10 ? `1.${i + 1}` : `2.${i - 9}`}"`),
        );
      }
      const built = await build({
        contentDir: fx.dir,
        templatesDir: 'templates',
        fontsDir: 'fonts',
        outDir: path.join(tmp, 'sections-built'),
        formats: ['docx'],
      });
      const docx = built.files.find((f) => /plan\.cyrl\.docx$/.test(f))!;
      const { dir, result } = await importInto(new Uint8Array(await readFile(docx)), 'sections');
      const [original, imported] = await Promise.all([loadPlan(fx.dir), loadPlan(dir)]);
      expect(result.report).toEqual([]);
      expect(imported.sections.map((s) => s.heading)).toEqual(original.sections.map((s) => s.heading));
      const headingOf = (plan: Plan, id?: string) => plan.sections.find((s) => s.id === id)?.heading;
      expect(imported.items.map((i) => headingOf(imported, i.section))).toEqual(original.items.map((i) => headingOf(original, i.section)));
      expect(items(imported)).toEqual(items(original));
      expect(imported.items.map((i) => i.label)).toEqual(original.items.map((i) => i.label));
      expect(imported.items.at(-1)!.label).toBe('2.20');
    } finally {
      await fx.remove();
    }
  });
});

describe('import: the seed raw text, extraction artefacts and all', () => {
  let lines: string[] = [];
  let report: string[] = [];
  let plan: Plan;
  beforeAll(async () => {
    const docx = path.join(tmp, 'seed.docx');
    await writeFile(docx, await seedDocx());
    const { dir, result } = await importInto(new Uint8Array(await readFile(docx)), 'seed', docx);
    plan = await loadPlan(dir);
    report = result.report.map(formatDiagnostic);
    lines = (await lintContent(dir, await loadLintConfig('lint.yaml'))).map(formatDiagnostic);
  });
  const item = (n: number) => `/items/${String(n).padStart(2, '0')}.yaml:`;
  const reported = (list: string[], n: number, rule: string, text: string) =>
    expect(
      list.filter((l) => l.includes(item(n)) && l.includes(`  ${rule}`) && l.includes(text)),
      `item ${n}: ${rule} ${text}`,
    ).toHaveLength(1);

  it('loads, with the structure of the signed plan (steps, per-step deadlines, item 8: February, February, March)', () => {
    expect(plan.items).toHaveLength(30);
    const i8 = plan.items.find((i) => i.number === 8)!;
    expect(i8.deadlines).toEqual({ scope: 'steps', perStep: [2, 2, 3].map((month) => ({ kind: 'month', month: { year: 2024, month } })) });
    const i15 = plan.items.find((i) => i.number === 15)!;
    expect([i15.mechanism.intro?.endsWith('Маҳкамасига киритиш:'), i15.mechanism.numbered, i15.mechanism.steps.length]).toEqual([true, false, 4]);
    expect(plan.items.find((i) => i.number === 9)!.deadlines).toEqual({ scope: 'steps', perStep: [{ kind: 'continuous' }, { kind: 'quarterly' }] });
  });

  it('A: Latin and Arabic letters in Cyrillic words, and the Cyrillic Е in E-Anticor.uz (A1–A3, A5–A7)', () => {
    expect(
      lines.filter((l) => l.includes(item(5)) && l.includes('Unexpected Cyrillic `Е` in Latin word `Е-Anticor.uz`, expected `E-Anticor.uz`')),
    ).toHaveLength(3);
    reported(lines, 6, 'text/mixed-script', 'Unexpected Arabic `غ`, `ا` in Cyrillic word `директориغا`, expected `директорига`');
    expect(lines.filter((l) => l.includes(item(8)) && l.includes('Unexpected Latin `i`, `l`, `o`, `t` in Cyrillic word `ташкilotлари`'))).toHaveLength(2);
  });

  it('A: page-break capitals are reported by the import, where it joins the rows (A4, A8, D1, D2)', () => {
    reported(report, 5, 'import/page-break-capital', '`Ўтказилишини`');
    reported(report, 10, 'import/page-break-capital', '`Ўтказиш`');
    reported(report, 3, 'import/page-break-capital', '`Йиғма`');
    reported(report, 10, 'import/page-break-capital', '`Тизимини`');
  });

  it('B: misspelt months in the deadline cells (B1–B3)', () => {
    for (const [n, month] of [
      [4, 'январ'],
      [10, 'январ'],
      [23, 'апрел'],
    ] as const)
      reported(lines, n, 'text/month-name', `Unexpected \`${month}\`, expected \`${month}ь\``);
  });

  it('C: the legal basis: stray commas, the ПФ-6013 date conflict, the noun after two decrees, "й", lower case (C1–C5)', () => {
    for (const n of [1, 4, 10, 17]) reported(lines, n, 'text/trailing-comma', 'Unexpected `,` at the end of the text');
    for (const n of [11, 24, 25, 26, 27, 31])
      reported(lines, n, 'act/conflict', 'Unexpected `20.06.2020` for act `ПФ-6013`, expected `29.06.2020` as declared');
    reported(lines, 21, 'act/citation', 'Unexpected `Фармони` after 2 acts, expected `Фармонлари`');
    reported(lines, 6, 'act/citation', 'Unexpected `11.05.2022 й` without a full stop');
    reported(lines, 6, 'act/citation', 'Unexpected `қарорлари` in lower case, expected `Қарорлари`');
    for (const n of [7, 8]) reported(lines, n, 'act/citation', 'Unexpected `қарори` in lower case, expected `Қарори`');
    expect(report.filter((l) => l.includes('import/act-date'))[0]).toContain(
      'cited with 2 dates: 29.06.2020 (items 3, 6, 9, 10, 17) and 20.06.2020 (items 11, 24, 25, 26, 27, 31)',
    );
  });

  it('D: executors spelt otherwise than declared (D1–D4)', () => {
    reported(lines, 3, 'department/name', 'Unexpected `Тизимли таҳлил ва прогнозлаштириш Йиғма бўлими`');
    reported(lines, 9, 'department/name', '«комплаенс-назорат»');
    reported(lines, 10, 'department/name', '`Коррупцияга қарши курашиш Тизимини');
    for (const n of [18, 19, 20, 21])
      reported(lines, n, 'department/name', 'фаолияти очиклигини таъминлаш бошқармаси`, expected `Давлат органлари ва ташкилотлари фаолияти очиқлигини');
  });
});

describe('import: reading the cells', () => {
  it('reads deadlines with a hyphen or a dash and misspelt months', () => {
    expect(parseDeadlineText('2024 йил январ-июнь')).toEqual({ values: ['2024-01..2024-06'], rest: '' });
    expect(parseDeadlineText('2024 йил январь–март')).toEqual({ values: ['2024-01..2024-03'], rest: '' });
    expect(parseDeadlineText('2024 йил февраль 2024 йил март 2024 йил апрел')).toEqual({ values: ['2024-02', '2024-03', '2024-04'], rest: '' });
    expect(parseDeadlineText('Доимий равишда Ҳар чоракда')).toEqual({ values: ['continuous', 'quarterly'], rest: '' });
    expect(parseDeadlineText('2024 йил ҳар чоракда')).toEqual({ values: ['2024 quarterly'], rest: '' });
    expect(parseDeadlineText('2023 йил декабрь – 2024 йил февраль')).toEqual({ values: ['2023-12..2024-02'], rest: '' });
    expect(parseDeadlineText('кейинчалик')).toEqual({ values: [], rest: 'кейинчалик' });
  });

  it('reads one or several acts, decrees and resolutions, and keeps the first date of an act', () => {
    const acts = new ActRegistry();
    expect(
      acts.read('Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон Фармони, 12.01.2022 й. ПҚ-81-сон ва 11.05.2022 й ПҚ-240-сон қарорлари', '6'),
    ).toEqual({ ids: ['pf-6013', 'pq-81', 'pq-240'], problems: [] });
    expect(acts.read('Ўзбекистон Республикаси Президентининг 20.06.2020 й. ПФ-6013-сон, 27.11.2023 й. ПФ-200-сон Фармонлари', '11')).toEqual({
      ids: ['pf-6013', 'pf-200'],
      problems: [],
    });
    expect(acts.acts.find((a) => a.id === 'pf-6013')).toMatchObject({
      date: '2020-06-29',
      cited: [
        { item: '6', date: '2020-06-29' },
        { item: '11', date: '2020-06-20' },
      ],
    });
    expect(acts.kinds).toEqual([
      { id: 'decree', code: 'ПФ', singular: 'Фармони', plural: 'Фармонлари' },
      { id: 'resolution', code: 'ПҚ', singular: 'Қарори', plural: 'Қарорлари' },
    ]);
    expect(acts.issuers).toEqual([{ id: 'president', genitive: 'Ўзбекистон Республикаси Президентининг' }]);
    expect(acts.read('Ўзбекистон Республикаси Президентининг ПФ-200-сон Фармони', '12').problems).toEqual([
      'Unexpected `ПФ-200-сон` without a date, expected "ДД.ММ.ЙЙЙЙ й. ПФ-200-сон"; left out',
    ]);
  });

  it('splits executors written one after another, with a comma inside a name kept', () => {
    expect(splitExecutors('Масъул тармоқлар Жамоатчилик билан алоқалар, мурожаатлар билан ишлаш ва халқаро ҳамкорлик бошқармаси')).toEqual([
      'Масъул тармоқлар',
      'Жамоатчилик билан алоқалар, мурожаатлар билан ишлаш ва халқаро ҳамкорлик бошқармаси',
    ]);
    expect(splitExecutors('Кадрлар тармоғи, Юрисконсулт')).toEqual(['Кадрлар тармоғи', 'Юрисконсулт']);
  });

  it('splits a mechanism into an intro and numbered steps running on in one paragraph', () => {
    const para = (text: string) => ({ text, marks: [{ at: 0, row: 1 }] });
    expect(splitMechanism([para('Қуйидагиларни киритиш: 1. Биринчи; 2. Иккинчи.')])).toEqual({
      intro: 'Қуйидагиларни киритиш:',
      numbered: true,
      steps: [
        { text: 'Биринчи;', row: 1 },
        { text: 'Иккинчи.', row: 1 },
      ],
    });
    expect(splitMechanism([para('Ўрганиш; Ишлаб чиқиш.')])).toEqual({
      numbered: false,
      steps: [
        { text: 'Ўрганиш;', row: 1 },
        { text: 'Ишлаб чиқиш.', row: 1 },
      ],
    });
    expect(splitMechanism([para('Ўрганиш 2030-йилгача; амалга ошириш.')])).toEqual({
      intro: 'Ўрганиш 2030-йилгача; амалга ошириш.',
      numbered: false,
      steps: [],
    });
  });

  it('maps cells to columns by grid position: spans, cells before the first column, merges', () => {
    const cell = (gridStart: number, text: string, gridSpan = 1, vMerge?: 'restart' | 'continue'): DocxCell => ({
      paragraphs: [text],
      gridStart,
      gridSpan,
      vMerge,
    });
    // The header's second column spans two grid columns (a table another program drew by hand).
    const header = {
      header: true,
      cells: ['№', 'Чора-тадбирлар номи', 'Амалга ошириш механизми', 'Ижро муддати', 'Норматив-ҳуқуқий асоси', 'Мақсад', 'Масъул ижрочилар'].map((t, i) =>
        cell(i <= 1 ? i : i + 1, t, i === 1 ? 2 : 1),
      ),
    };
    const first = {
      header: false,
      cells: [
        cell(0, '7.', 1, 'restart'),
        cell(1, 'Чора', 1, 'restart'),
        cell(2, 'тадбир'),
        cell(3, '1. Биринчи.'),
        cell(4, '2024 йил январь'),
        cell(5, 'асос'),
        cell(6, 'натижа'),
        cell(7, 'бўлим'),
      ],
    };
    const sub = {
      header: false,
      cells: [cell(0, '', 1, 'continue'), cell(1, '', 2, 'continue'), cell(3, '2. Иккинчи.'), cell(4, '2024 йил март'), cell(5, '', 3, 'continue')],
    };
    const { items } = readPlanTable([header, first, sub]);
    expect(items).toHaveLength(1);
    const [a, b] = items[0]!.rows;
    expect([items[0]!.number, a!.kind, b!.kind]).toEqual(['7', 'first', 'sub']);
    expect(a!.slots.measure).toEqual({ kind: 'text', paragraphs: ['Чора', 'тадбир'] });
    expect([b!.slots.measure.kind, b!.slots.mechanism, b!.slots.basis.kind]).toEqual(['merged', { kind: 'text', paragraphs: ['2. Иккинчи.'] }, 'merged']);
  });

  it('reads the period from the title', () => {
    expect(periodOf('2024 йил I ярим йиллигига мўлжалланган')).toEqual({ start: '2024-01', end: '2024-06' });
    expect(periodOf('2024 йил II ярим йиллигига мўлжалланган')).toEqual({ start: '2024-07', end: '2024-12' });
    expect(periodOf('2025 йил III чорагига мўлжалланган')).toEqual({ start: '2025-07', end: '2025-09' });
  });
});

describe('import command', () => {
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await importCommand.run(args, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
    return { code, out, err };
  };

  it('writes the content, prints what it decided and what lint finds, and exits 0 without errors', async () => {
    const dir = path.join(tmp, 'cmd');
    const r = await run([planDocx, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${path.join(dir, 'items/31.yaml')}`);
    expect(r.out).toContain(`imported 30 items from ${planDocx} into ${dir}`);
    expect(r.out).toMatch(/^0 errors, \d+ warnings$/m);
  });

  it('refuses a folder that already holds files, and a file that is not a DOCX', async () => {
    await expect(run([planDocx, '--out', 'content'])).rejects.toThrow('`content` already holds files, expected a new or empty folder (or --force)');
    await expect(run([planDocx])).rejects.toThrow('No --out folder given');
    const r = await run(['lint.yaml', '--out', path.join(tmp, 'not-docx')]);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining('lint.yaml: not a DOCX package')]);
  });
});

describe('import: an amended plan', () => {
  it('reads the "as amended" line back into amendments.yaml and asks for each summary', async () => {
    const content = path.join(tmp, 'amended-content');
    await cp('content', content, { recursive: true, filter: (from) => path.basename(from) !== 'issued' });
    await writeFile(
      path.join(content, 'amendments.yaml'),
      'amendments:\n  - date: 2024-03-15\n    basis: { issuer: Агентлик директорининг, kind: буйруғи, number: "45", date: 2024-03-15 }\n    summary: 14-банд муддати ўзгартирилди.\n  - date: 2024-04-20\n    basis: { issuer: Агентлик директорининг, kind: буйруғи, number: "61", date: 2024-04-20 }\n    summary: 30-банд ўзгартирилди.\n',
    );
    const built = await build({
      contentDir: content,
      templatesDir: 'templates',
      fontsDir: 'fonts',
      outDir: path.join(tmp, 'amended-built'),
      formats: ['docx'],
    });
    const docx = built.files.find((f) => f.endsWith('plan.cyrl.docx'))!;
    const { dir, result } = await importInto(new Uint8Array(await readFile(docx)), 'amended', 'amended.docx');
    const imported = await loadPlan(dir);
    expect(imported.amendments.map((a) => [a.date, a.basis])).toEqual([
      ['2024-03-15', { issuer: 'Агентлик директорининг', kind: 'буйруғи', number: '45', date: '2024-03-15' }],
      ['2024-04-20', { issuer: 'Агентлик директорининг', kind: 'буйруғи', number: '61', date: '2024-04-20' }],
    ]);
    expect(result.report.filter((d) => d.ruleId === 'import/amendment').map((d) => d.field)).toEqual(['amendments[0].summary', 'amendments[1].summary']);
  });
});
