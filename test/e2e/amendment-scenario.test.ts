// The secretariat's amendment workflow, end to end, on a copy of the shipped content kept in git:
// v1 issued → amendment 45 (a step's deadline, a withdrawal, a new item citing a new act for two departments, a
// reassignment, a one-letter fix, an act's date corrected, a unit created, a unit dissolved) → v2 issued → order 46
// of the same day (a deadline, a unit renamed) → v3 issued, and the same comparison made against git.
// Asserts exact sets of changed and byte-identical extracts, the withdrawal line, the register, the cross-checks
// at file:line:column, and the old → new facts read back from the change sheets with pdf.js and the DOCX reader.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReport } from '../../src/changes/diff.js';
import type { Release } from '../../src/changes/releases.js';
import { EXIT } from '../../src/cli/main.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { readDocx } from '../readers/docx.js';
import { readPdf, type PdfPage } from '../readers/pdf.js';
import { fileHashes } from '../support/files.js';
import { newItem } from '../support/new-item.js';
import { contentFixture, positionOf, SCRATCH, type ContentFixture } from '../support/content-fixture.js';
import { CONTINUED, norm, squash } from './helpers.js';

const exec = promisify(execFile);

type Run = CliRun;
const runs: { args: string[]; code: number }[] = [];
async function run(...args: string[]): Promise<Run> {
  const r = await runCli(args);
  runs.push({ args, code: r.code });
  return r;
}
/** Runs a command that must succeed; its messages are the failure's when it does not. */
async function ok(...args: string[]): Promise<Run> {
  const r = await run(...args);
  if (r.code !== EXIT.ok) throw new Error(`${args.join(' ')} → exit ${r.code}\n${r.err}${r.out}`);
  return r;
}

/** An order of the director of 15 March 2024, as amendments.yaml records it; `what` lists what it amends. */
const order = (number: string, summary: string, what: string) => `  - id: order-${number}
    date: 2024-03-15
    basis:
      issuer: Агентлик директорининг
      kind: буйруғи
      number: "${number}"
      date: 2024-03-15
    summary: ${summary}
${what
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;
const ORDER_45 = order(
  '45',
  '5-банд муддати, 20-банд ижрочиси ўзгартирилди; 12-банд чиқарилди; 32-банд қўшилди; Молия бўлими ташкил этилди, Юрисконсулт тугатилди.',
  'items: [5, 12, 20, 27, 32]\nacts: [pq-81]\ndepartments: [finance, legal]',
);
const ORDER_46 = order('46', '14-банд муддати ўзгартирилди; Кадрлар тармоғи номи ўзгартирилди.', 'items: [14]\ndepartments: [hr]');
const amendments = (...entries: string[]) =>
  `kinds:\n  - singular: буйруғи\n    plural: буйруқлари\namendments:${entries.length ? `\n${entries.join('')}` : ' []\n'}`;

const ITEM_32 = newItem('pq-350', 'hr, press');
const PQ_350 = `  - id: pq-350
    issuer: president
    kind: resolution
    number: "350"
    date: 2024-02-20
`;
const FINANCE = `  - id: finance
    name: Молия-иқтисодиёт бўлими
    short: Молия бўлими
    kind: department
`;
const LEGAL = `  - id: legal
    name: Юрисконсулт
    short: Юрисконсулт
    kind: department
`;

const DEPARTMENTS = ['analysis', 'prevention', 'monitoring', 'openness', 'public-relations', 'press', 'hr', 'legal', 'finance'];
const extractFiles = (ids: string[]) => ids.flatMap((d) => [`extracts/${d}.cyrl.docx`, `extracts/${d}.cyrl.pdf`]).sort();

let fx: ContentFixture;
let out: string;
const git = (...args: string[]) => exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: fx.dir });
const hashes = () => fileHashes(out, (name) => /\.(pdf|docx)$/.test(name));
const release = async (label: string) => JSON.parse(await fx.read(`issued/${label}.json`)) as Release;
const bytes = async (file: string) => new Uint8Array(await readFile(path.join(out, file)));
const pdfText = (pages: PdfPage[]) => squash(pages.map((p) => p.items.map((t) => t.str).join('')).join(''));
const boldPdf = (pages: PdfPage[]) =>
  squash(pages.flatMap((p) => p.items.filter((t) => p.fonts.find((f) => f.id === t.fontId)?.name.includes('Bold')).map((t) => t.str)).join(''));
/** The rows of a change sheet's table, cells as text, without the header; a cell covered by a merged one above is ''. */
/**
 * The sheet's rows as cell texts. Where a page break splits an entry, the row on the next page restates the number
 * (with "давоми") and the status: those are dropped; a field cut between lines is joined back to its row.
 */
const sheetRows = async (file: string): Promise<string[][]> => {
  const rows = (await readDocx(await bytes(file))).tables[0]?.rows.filter((r) => !r.isHeader).map((r) => r.cells.map((c) => norm(c.text))) ?? [];
  const out: string[][] = [];
  for (const r of rows) {
    if (!CONTINUED.some((w) => r[0]!.includes(w))) {
      out.push(r);
      continue;
    }
    const rest = r.slice(2);
    const last = out.at(-1);
    if (last && !rest[0]) rest.forEach((t, k) => (last[k + 2] = norm(`${last[k + 2] ?? ''} ${t}`.replace(/\u2010\s+/g, ''))));
    else out.push(['', '', ...rest]);
  }
  return out;
};
/** The rows where an entry (an item) starts. */
const entryRows = async (file: string) => (await sheetRows(file)).filter((r) => r[0] !== '');
/** Words set in bold in a DOCX body. */
async function boldDocx(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(await bytes(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:b\/>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => m[1]!.trim()).filter(Boolean);
}

let v1: Record<string, string>;
let v2: Record<string, string>;
let v3: Record<string, string>;
let unrecorded: Run;
let refused: Run;
let misrecorded: Run;
let report45: ChangeReport;
let built45: Run;
let report46: ChangeReport;
let byGit: ChangeReport;
let gitSheets: string;
let sheets45: string;

beforeAll(async () => {
  fx = await contentFixture();
  out = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'scenario-out-')));
  await git('init', '-q');
  await fx.write('amendments.yaml', amendments());
  await ok('release', '--label', 'v1', '--content', fx.dir, '--out', out);
  v1 = await hashes();
  await git('add', '-A');
  await git('commit', '-qm', 'v1 issued');

  // Order 45: the edits first, as the secretariat makes them.
  await fx.edit('items/05.yaml', 'deadlines: [2024-02, 2024-03, 2024-04]', 'deadlines: [2024-02, 2024-05, 2024-04]');
  await fx.write('items/32.yaml', ITEM_32);
  await fx.edit('acts.yaml', '  - id: pq-240', `${PQ_350}  - id: pq-240`);
  await fx.edit('acts.yaml', 'date: 2022-01-12', 'date: 2022-01-13');
  await fx.edit('items/20.yaml', 'responsible: [openness]', 'responsible: [press]');
  await fx.edit('items/27.yaml', 'иштирокчи давлатлари ўртасида Коррупцияга', 'иштирокчи давлатлари ўртасида коррупцияга');
  await fx.edit('departments.yaml', LEGAL, FINANCE);
  await fx.edit('items/31.yaml', 'responsible: [hr, legal]', 'responsible: [hr]');
  unrecorded = await run('build', '--content', fx.dir, '--out', out);
  refused = await run('release', '--label', 'v2', '--content', fx.dir, '--out', out);
  // A record that names an unchanged item and one the plan never had, and leaves out item 5.
  await fx.write('amendments.yaml', amendments(ORDER_45.replace('items: [5, 12, 20, 27, 32]', 'items: [7, 20, 27, 32, 99]')));
  misrecorded = await run('build', '--content', fx.dir, '--out', out);
  // The right record, and the withdrawal.
  await fx.write('amendments.yaml', amendments(ORDER_45));
  await fx.write('items/12.yaml', `withdrawn: order-45\n${await fx.read('items/12.yaml')}`);
  report45 = JSON.parse((await ok('changes', '--content', fx.dir, '--format', 'json')).out) as ChangeReport;
  built45 = await run('build', '--content', fx.dir, '--out', out);
  sheets45 = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'scenario-45-')));
  await cp(path.join(out, 'changes'), path.join(sheets45, 'changes'), { recursive: true });
  await ok('release', '--label', 'v2', '--content', fx.dir, '--out', out);
  v2 = await hashes();
  await git('add', '-A');
  await git('commit', '-qm', 'v2 issued');

  // Order 46, the same day.
  await fx.write('amendments.yaml', amendments(ORDER_45, ORDER_46));
  await fx.edit('items/14.yaml', 'deadline: 2024-05', 'deadline: 2024-06');
  await fx.edit('departments.yaml', 'name: Кадрлар тармоғи', 'name: Кадрлар бўлими');
  report46 = JSON.parse((await ok('changes', '--content', fx.dir, '--format', 'json')).out) as ChangeReport;
  byGit = JSON.parse((await ok('changes', '--content', fx.dir, '--git', 'HEAD', '--format', 'json')).out) as ChangeReport;
  gitSheets = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'scenario-sheets-')));
  await ok('changes', '--content', fx.dir, '--git', 'HEAD', '--sheets', gitSheets);
  await ok('release', '--label', 'v10', '--content', fx.dir, '--out', out);
  v3 = await hashes();
}, 180_000);

afterAll(async () => {
  await fx?.remove();
  for (const dir of [out, gitSheets, sheets45]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the record against the edits', () => {
  it('warns at build about every edit no amendment accounts for, at its place', () => {
    expect(unrecorded.code).toBe(EXIT.ok);
    const lines = unrecorded.out.split('\n').filter((l) => l.includes('amendment/unrecorded'));
    expect(lines.map((l) => l.split('  ')[0])).toEqual([
      expect.stringMatching(new RegExp(`^${fx.display('acts.yaml')}:\\d+:5$`)),
      `${fx.display('departments.yaml')}:2:3`,
      expect.stringMatching(new RegExp(`^${fx.display('departments.yaml')}:\\d+:5$`)),
      `${fx.display('items/05.yaml')}:1:9`,
      `${fx.display('items/06.yaml')}:1:9`,
      `${fx.display('items/20.yaml')}:1:9`,
      `${fx.display('items/27.yaml')}:1:9`,
      `${fx.display('items/31.yaml')}:1:9`,
      `${fx.display('items/32.yaml')}:1:9`,
    ]);
    expect(unrecorded.out).toContain('warning  Item 5 changed (deadline, basis) since issued version v1 with no amendment recorded for it');
  });

  it('refuses the same at release, before building, as errors', async () => {
    expect(refused.code).toBe(EXIT.content);
    expect(refused.err).toContain(`${fx.display('items/05.yaml')}:1:9  error  Item 5 changed (deadline, basis)`);
    expect(refused.err).toMatch(/The act `pq-81` was changed since issued version v1/);
    expect(refused.err).toMatch(/The unit `legal` was removed/);
  });

  it('places a record naming an unchanged item or one the plan never had at the entry, and still misses what it leaves out', async () => {
    const text = amendments(ORDER_45.replace('items: [5, 12, 20, 27, 32]', 'items: [7, 20, 27, 32, 99]'));
    const at = (needle: string) => {
      const p = positionOf(text, needle);
      return `${fx.display('amendments.yaml')}:${p.line}:${p.column}`;
    };
    expect(misrecorded.code).toBe(EXIT.content);
    expect(misrecorded.err).toContain(`${at('99]')}  error  Amendment \`order-45\` names item 99, which the plan has never had`);
    expect(misrecorded.err).toContain(
      `${at('7,')}  warning  Amendment \`order-45\` names item 7, which did not change since issued version v1, expected only the items it amends`,
    );
    // Item 6 changed only through the act the record names; item 5's deadline moved too, which the act does not explain.
    expect(misrecorded.err).toContain(
      `${fx.display('items/05.yaml')}:1:9  warning  Item 5 changed (deadline, basis) since issued version v1 with no amendment recorded for it`,
    );
    expect(misrecorded.err).not.toContain('Item 6 ');
  });

  it('never lets a withdrawn number be used again', async () => {
    const original = await fx.read('items/12.yaml');
    try {
      await fx.write('items/33.yaml', original.replace(/^withdrawn: .*\n/, '').replace('number: 12', 'number: 12'));
      const twice = await run('build', '--content', fx.dir, '--out', out);
      expect(twice.code).toBe(EXIT.content);
      expect(twice.err).toContain(`${fx.display('items/33.yaml')}:1:9  error  Item number \`12\` was withdrawn, expected a new number`);
      expect(twice.err).toContain(`${fx.display('items/12.yaml')}:1:12  withdrawn here`);
      // The withdrawn file deleted and its number reused: the issued history remembers.
      await rm(path.join(fx.dir, 'items/33.yaml'));
      await fx.write('items/12.yaml', original.replace(/^withdrawn: .*\n/, ''));
      const reused = await run('build', '--content', fx.dir, '--out', out);
      expect(reused.code).toBe(EXIT.content);
      expect(reused.err).toContain(`${fx.display('items/12.yaml')}:1:9  error  Item number \`12\` was withdrawn`);
      expect(reused.err).toMatch(/withdrawn by amendment `order-45`/);
    } finally {
      await rm(path.join(fx.dir, 'items/33.yaml'), { force: true });
      await fx.write('items/12.yaml', original);
    }
  });
});

describe('amendment 45: v1 → v2', () => {
  it('reports every change with the amendment it rests on', () => {
    expect(report45.items.map((c) => [c.number, c.status, c.amendments])).toEqual([
      [5, 'changed', ['order-45']],
      [6, 'changed', ['order-45']],
      [12, 'withdrawn', ['order-45']],
      [20, 'changed', ['order-45']],
      [27, 'changed', ['order-45']],
      [31, 'changed', ['order-45']],
      [32, 'added', ['order-45']],
    ]);
    expect(report45.acts.map((c) => [c.id, c.status, c.amendments])).toEqual([
      ['pq-81', 'changed', ['order-45']],
      ['pq-350', 'added', []],
    ]);
    expect(report45.departments.map((c) => [c.id, c.status])).toEqual([
      ['legal', 'removed'],
      ['finance', 'added'],
    ]);
    expect(report45.amendments.map((a) => a.id)).toEqual(['order-45']);
  });

  it('builds the reorganisation without a crash, with no warning left', () => {
    expect(built45.code).toBe(EXIT.ok);
    expect(built45.out).not.toMatch(/warning {2}/);
  });

  it('re-issues exactly the extracts whose items changed; the others are byte-identical', () => {
    const same = Object.keys(v1).filter((f) => f.startsWith('extracts/') && v2[f] === v1[f]);
    expect(same).toEqual(extractFiles(['analysis']));
    expect(
      Object.keys(v2)
        .filter((f) => f.startsWith('extracts/'))
        .sort(),
    ).toEqual(extractFiles(DEPARTMENTS.filter((d) => d !== 'legal')));
    expect(
      Object.keys(v2)
        .filter((f) => f.startsWith('changes/'))
        .sort(),
    ).toEqual(
      ['finance', 'hr', 'legal', 'monitoring', 'openness', 'prevention', 'press', 'public-relations']
        .flatMap((d) => [`changes/${d}.cyrl.docx`, `changes/${d}.cyrl.pdf`])
        .sort(),
    );
  });

  it("keeps the withdrawn number in the plan and in its department's extract, with the order that withdrew it", async () => {
    const line = squash('12. Агентлик директорининг 15.03.2024 й. 45-сон буйруғи асосида режадан чиқарилган.');
    const plan = (await readDocx(await bytes('plan.cyrl.docx'))).tables[0]!.rows.map((r) => r.cells.map((c) => norm(c.text)));
    expect(plan.find((r) => r[0] === '12.')).toEqual(['12.', 'Агентлик директорининг 15.03.2024 й. 45-сон буйруғи асосида режадан чиқарилган.']);
    expect(pdfText(await readPdf(await bytes('plan.cyrl.pdf')))).toContain(line);
    expect(pdfText(await readPdf(await bytes('extracts/monitoring.cyrl.pdf')))).toContain(line);
    expect(pdfText(await readPdf(await bytes('extracts/prevention.cyrl.pdf')))).not.toContain(line);
  });

  it('records v2 with its amendments, its place in the history and what was sent to whom', async () => {
    const r = await release('v2');
    expect([r.sequence, r.amendments, r.date]).toEqual([2, ['order-45'], '2024-03-15']);
    const sent = [...new Set(r.register!.filter((e) => e.kind === 'extract').map((e) => e.department))].sort();
    expect(sent).toEqual(DEPARTMENTS.filter((d) => !['analysis', 'legal'].includes(d)).sort());
    expect(r.register!.find((e) => e.document === 'extracts/press.cyrl.pdf')?.sha256).toBe(v2['extracts/press.cyrl.pdf']);
    expect((await release('v1')).register!.length).toBe(18);
    const register = await fx.read('issued/register.md');
    expect(register).toContain(`| extracts/press.cyrl.pdf | press | \`${v2['extracts/press.cyrl.pdf']}\` |`);
    expect(register).toContain(`| extracts/press.cyrl.pdf | press | \`${v1['extracts/press.cyrl.pdf']}\` |`);
  });
});

describe('order 46 of the same day: v2 → v3', () => {
  it('credits only order 46 to what changed after v2', () => {
    expect(report46.amendments.map((a) => a.id)).toEqual(['order-46']);
    expect(report46.items.map((c) => [c.number, c.status, c.amendments])).toEqual([
      [14, 'changed', ['order-46']],
      [31, 'changed', ['order-46']],
      [32, 'changed', ['order-46']],
    ]);
    expect(report46.affected.map((d) => d.id).sort()).toEqual(['hr', 'monitoring', 'press']);
  });

  it('leaves every other extract byte-identical, and v10 follows v2 in the history', async () => {
    const same = Object.keys(v2)
      .filter((f) => f.startsWith('extracts/') && v3[f] === v2[f])
      .sort();
    expect(same).toEqual(extractFiles(['analysis', 'finance', 'openness', 'prevention', 'public-relations']));
    const r = await release('v10');
    expect([r.sequence, r.amendments]).toEqual([3, ['order-45', 'order-46']]);
    const changes = await run('changes', '--content', fx.dir, '--lang', 'en');
    expect(changes.out).toContain('Changes since issued version v10:');
  });

  it('cites the two orders of one day as one issuer, one date, the plural noun', async () => {
    const note = squash('(Агентлик директорининг 15.03.2024 й. 45-сон ва 46-сон буйруқлари билан киритилган ўзгартиришлар билан)');
    expect(pdfText(await readPdf(await bytes('extracts/monitoring.cyrl.pdf')))).toContain(note);
    expect(pdfText(await readPdf(await bytes('plan.cyrl.pdf')))).toContain(note);
  });

  it("compares with git using the content's own records: the same report and the same sheets as against v2", async () => {
    expect(byGit.amendments).toEqual(report46.amendments);
    expect(byGit.items).toEqual(report46.items);
    expect(byGit.affected).toEqual(report46.affected);
    const sheets = await fileHashes(gitSheets);
    expect(Object.keys(sheets).sort()).toEqual(['hr', 'monitoring', 'press'].flatMap((d) => [`changes/${d}.cyrl.docx`, `changes/${d}.cyrl.pdf`]).sort());
    for (const [file, hash] of Object.entries(sheets)) expect(hash, file).toBe(v3[file]);
  });
});

describe('the change sheets of amendment 45, read back', () => {
  // As `build` wrote them for v2 (copied aside before v3 replaced them).
  const sheet = (d: string, ext: string) => path.join(path.relative(out, sheets45), `changes/${d}.cyrl.${ext}`);

  it('prevention: the step whose deadline moved, and the act correction once', async () => {
    const rows = await sheetRows(sheet('prevention', 'docx'));
    expect(rows.map((r) => r.slice(-3))).toEqual([['Ижро муддати: 2-кичик банд', '2024 йил март', '2024 йил май']]);
    const text = pdfText(await readPdf(await bytes(sheet('prevention', 'pdf'))));
    expect(text).toContain(squash('Норматив-ҳуқуқий асос тузатилди: 12.01.2022 й. ПҚ-81-сон Қарори ўрнига 13.01.2022 й. ПҚ-81-сон Қарори (бандлар: 5, 6).'));
    expect(text).not.toContain('(v1)');
    expect(text).toContain(squash('Танишдим:'));
  });

  it('public-relations: the one-letter fix, marked in bold in both formats', async () => {
    const rows = await sheetRows(sheet('public-relations', 'docx'));
    expect(rows).toEqual([
      [
        '27.',
        expect.stringMatching(/^Банд ўзгартирилди БМТ/),
        'Амалга ошириш механизми',
        expect.stringContaining('давлатлари ўртасида Коррупцияга қарши'),
        expect.stringContaining('давлатлари ўртасида коррупцияга қарши'),
      ],
    ]);
    expect(await boldDocx(sheet('public-relations', 'docx'))).toEqual(expect.arrayContaining(['Коррупцияга', 'коррупцияга']));
    const bold = boldPdf(await readPdf(await bytes(sheet('public-relations', 'pdf'))));
    expect(bold).toContain('Коррупцияга');
    expect(bold).toContain('коррупцияга');
  });

  it('press: the new item and the reassigned item in full', async () => {
    const rows = await sheetRows(sheet('press', 'docx'));
    expect(rows.filter((r) => r[0]).map((r) => [r[0], r[1]!.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['20.', 'Банд ижросига юклатилди'],
      ['32.', 'Янги банд киритилди'],
    ]);
    expect(rows).toHaveLength(12); // both in full: six fields each
    const fields = rows.map((r) => r.at(-3));
    expect(fields.filter((f) => f === 'Норматив-ҳуқуқий асоси')).toHaveLength(2);
    const text = pdfText(await readPdf(await bytes(sheet('press', 'pdf'))));
    for (const s of [
      'Ўқув режасини ишлаб чиқиш ва курсларни ўтказиш.',
      '20.02.2024 й. ПҚ-350-сон Қарори',
      'Кадрлар тармоғи',
      'Ходимларнинг малакаси оширилади.',
    ])
      expect(text).toContain(squash(s));
  });

  it('monitoring: the withdrawal with its order; openness: where item 20 went', async () => {
    expect((await sheetRows(sheet('monitoring', 'docx')))[0]!.slice(0, 2)).toEqual([
      '12.',
      expect.stringMatching(/^Банд режадан чиқарилди \(Агентлик директорининг 15\.03\.2024 й\. 45-сон буйруғи асосида\)/),
    ]);
    expect((await sheetRows(sheet('openness', 'docx'))).map((r) => [r[0], r.at(-3), r.at(-1)])).toEqual([['20.', 'Масъул ижрочилар', 'Матбуот хизмати']]);
  });

  it('the new unit gets its items in full, the dissolved one sees where its items went', async () => {
    const finance = await sheetRows(sheet('finance', 'docx'));
    expect(finance.filter((r) => r[0]).map((r) => r[0])).toEqual(['1.', '30.']);
    expect(finance).toHaveLength(12);
    expect(pdfText(await readPdf(await bytes(sheet('finance', 'pdf'))))).toContain(squash('Янги таркибий бўлинма ташкил этилди: Молия-иқтисодиёт бўлими.'));
    const legal = await entryRows(sheet('legal', 'docx'));
    expect(legal.map((r) => [r[0], r.at(-1)])).toEqual([
      ['1.', 'Тизимли таҳлил ва прогнозлаштириш йиғма бўлими Барча таркибий тармоқлар'],
      ['30.', 'Матбуот хизмати Барча таркибий тармоқлар'],
      ['31.', 'Кадрлар тармоғи'],
    ]);
  });
});

describe('a correction of plan.yaml after v10', () => {
  let unrecordedPlan: Run;
  let refusedPlan: Run;
  let recorded: ChangeReport;
  beforeAll(async () => {
    await fx.edit('plan.yaml', 'signer: А. Бурханов', 'signer: А. А. Бурханов');
    unrecordedPlan = await run('changes', '--content', fx.dir);
    refusedPlan = await run('release', '--label', 'v11', '--content', fx.dir, '--out', out);
    const order47 = order('47', 'Тасдиқловчининг исми тўлдирилди.', 'plan: [approval.signer]');
    await fx.write('amendments.yaml', amendments(ORDER_45, ORDER_46, order47));
    recorded = JSON.parse((await ok('changes', '--content', fx.dir, '--format', 'json')).out) as ChangeReport;
  }, 60_000);

  it('is reported as a change, and refused at release until recorded, at the field', async () => {
    expect(unrecordedPlan.out).toContain('  plan.yaml approval.signer: ўзгартирилди — А. Бурханов → А. А. Бурханов [ўзгартириш қайд этилмаган]');
    const p = positionOf(await fx.read('plan.yaml'), 'А. А. Бурханов');
    expect(unrecordedPlan.err).toContain(
      `${fx.display('plan.yaml')}:${p.line}:${p.column}  warning  The plan.yaml field \`approval.signer\` was changed since issued version v10`,
    );
    expect(refusedPlan.code).toBe(EXIT.content);
    expect(refusedPlan.err).toContain(`${fx.display('plan.yaml')}:${p.line}:${p.column}  error  The plan.yaml field \`approval.signer\``);
  });

  it('once recorded, concerns every department: each extract prints the approval', () => {
    expect(recorded.plan).toEqual([{ id: 'approval.signer', status: 'changed', before: 'А. Бурханов', after: 'А. А. Бурханов', amendments: ['order-47'] }]);
    expect(recorded.affected.map((d) => d.id).sort()).toEqual(DEPARTMENTS.filter((d) => d !== 'legal').sort());
    expect(recorded.items).toEqual([]);
  });
});

describe('the whole scenario', () => {
  it('never ended in an internal failure', () => {
    expect(runs.filter((r) => r.code === EXIT.internal)).toEqual([]);
  });
});
