// Amendment scenario on a copy of the seed content: issue a version, then move one item's deadline, add an item
// for one department, withdraw another department's item and change the lead of a third. `changes` must report
// exactly those four changes and exactly the affected departments; every other extract stays byte-identical; the
// manifest marks exactly the changed files; the change sheets read correctly.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/pipeline/manifest.js';
import type { ChangeReport } from '../../src/changes/diff.js';
import { EXIT } from '../../src/cli/main.js';
import { runCli } from '../support/run-cli.js';
import { readDocx } from '../readers/docx.js';
import { readPdf } from '../readers/pdf.js';
import { fileHashes } from '../support/files.js';
import { newItem } from '../support/new-item.js';
import { contentFixture, SCRATCH, type ContentFixture } from '../support/content-fixture.js';
import { norm, squash } from './helpers.js';

const git = promisify(execFile);

const run = runCli;

const hashes = (dir: string) => fileHashes(dir, (name) => /\.(pdf|docx)$/.test(name));

const NEW_ITEM = newItem('pf-6013', 'hr');
const AMENDMENT = `amendments:
  - date: 2024-03-15
    basis:
      issuer: Агентлик директорининг
      kind: буйруғи
      number: "45"
      date: 2024-03-15
    summary: 14-банд муддати, 13-банд ижрочиси ўзгартирилди; 29-банд чиқарилди; 32-банд қўшилди.
`;

let fx: ContentFixture;
let out: string;
let issued: Record<string, string>;
let report: ChangeReport;
let rebuilt: { code: number; out: string; err: string };

beforeAll(async () => {
  fx = await contentFixture();
  out = await mkdtemp(path.join(SCRATCH, 'amend-out-'));
  expect((await run(['release', '--content', fx.dir, '--out', out])).code).toBe(EXIT.ok);
  issued = await hashes(out);

  await fx.edit('items/14.yaml', 'deadline: 2024-05', 'deadline: 2024-06'); // deadline moves (monitoring)
  await fx.write('items/32.yaml', NEW_ITEM); // new item for hr
  await rm(path.join(fx.dir, 'items/29.yaml')); // public-relations' item withdrawn
  await fx.edit('items/13.yaml', 'responsible: [monitoring]', 'responsible: [openness]'); // lead changes
  await fx.write('amendments.yaml', AMENDMENT);

  const json = await run(['changes', '--content', fx.dir, '--format', 'json']);
  expect(json.code).toBe(EXIT.ok);
  report = JSON.parse(json.out) as ChangeReport;
  rebuilt = await run(['build', '--content', fx.dir, '--out', out]);
}, 120_000);

afterAll(async () => {
  await fx?.remove();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('changes after an amendment', () => {
  it('reports exactly the four changes, item by item', () => {
    expect(report.items.map((c) => [c.number, c.status, c.status === 'changed' ? c.fields.map((f) => f.field) : []])).toEqual([
      [13, 'changed', ['responsible']],
      [14, 'changed', ['deadline']],
      [29, 'withdrawn', []],
      [32, 'added', []],
    ]);
    const deadline = report.items.find((c) => c.number === 14);
    expect(deadline?.status === 'changed' && deadline.fields[0]).toMatchObject({ before: '2024 йил май', after: '2024 йил июнь' });
  });

  it('names exactly the affected departments and what happened to each', () => {
    expect(report.affected.map(({ id, added, removed, changed }) => ({ id, added, removed, changed }))).toEqual([
      { id: 'monitoring', added: [], removed: [13], changed: [14] },
      { id: 'openness', added: [13], removed: [], changed: [] },
      { id: 'public-relations', added: [], removed: [29], changed: [] },
      { id: 'hr', added: [32], removed: [], changed: [] },
    ]);
    expect(report.unaffected.map((d) => d.id)).toEqual(['analysis', 'prevention', 'press', 'legal']);
  });

  it('prints a readable report in the terminal', async () => {
    const text = await run(['changes', '--content', fx.dir, '--lang', 'en']);
    expect(text.out).toContain('Changes since issued version 2024-01-04:');
    expect(text.out).toContain('  item 14: changed deadline [rests on: 2024-03-15-45]\n    deadline:\n      - 2024 йил май\n      + 2024 йил июнь');
    expect(text.out).toContain('  item 29: file deleted (no `withdrawn:`) — Ўзбекистон нодавлат нотижорат ташкилотлари');
    expect((await run(['changes', '--content', fx.dir])).out).toContain('Берилган 2024-01-04 таҳриридан бери ўзгаришлар:');
    expect(text.out).toContain('  hr                 added 32');
    expect(text.out).toContain('Not affected: analysis, prevention, press, legal');
    // A record that does not say what it amends is credited with every change, and said to be vague at its entry.
    expect(text.err).toContain(`${fx.display('amendments.yaml')}:2:5  warning  Amendment \`2024-03-15-45\` does not say what it amends`);
  });

  it('re-renders only the plan, the affected extracts and the change sheets; every other extract is byte-identical', async () => {
    expect(rebuilt.code).toBe(EXIT.ok);
    const now = await hashes(out);
    const unchanged = Object.keys(issued)
      .filter((f) => now[f] === issued[f])
      .sort();
    expect(unchanged).toEqual(['analysis', 'prevention', 'press', 'legal'].flatMap((d) => [`extracts/${d}.cyrl.docx`, `extracts/${d}.cyrl.pdf`]).sort());
    const written = rebuilt.out
      .split('\n')
      .filter((l) => l.startsWith('wrote '))
      .map((l) => path.relative(out, l.slice(6)))
      .sort();
    const affected = ['monitoring', 'openness', 'public-relations', 'hr'];
    expect(written).toEqual(
      [
        'plan.cyrl.docx',
        'plan.cyrl.pdf',
        ...affected.flatMap((d) => [`extracts/${d}.cyrl.docx`, `extracts/${d}.cyrl.pdf`, `changes/${d}.cyrl.docx`, `changes/${d}.cyrl.pdf`]),
      ].sort(),
    );
  });

  it('marks in the manifest exactly the files that changed since the issued version', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.issued).toBe('2024-01-04');
    const changed = manifest.documents
      .filter((d) => d.changedSinceIssued)
      .map((d) => d.path)
      .sort();
    const now = await hashes(out);
    expect(changed).toEqual(
      Object.keys(now)
        .filter((f) => now[f] !== issued[f])
        .sort(),
    );
    for (const d of manifest.documents) expect(d.sha256, d.path).toBe(now[d.path]);
    const hr = manifest.documents.find((d) => d.path === 'extracts/hr.cyrl.pdf')!;
    expect(hr).toMatchObject({ kind: 'extract', format: 'pdf', department: 'hr' });
    expect(hr.dependsOn).toEqual([
      'plan.yaml',
      'departments.yaml',
      'acts.yaml',
      'amendments.yaml',
      'items/01.yaml',
      'items/30.yaml',
      'items/31.yaml',
      'items/32.yaml',
    ]);
  });

  it('writes change sheets that read correctly', async () => {
    const sheet = await readDocx(new Uint8Array(await readFile(path.join(out, 'changes/monitoring.cyrl.docx'))));
    const rows = sheet.tables[0]!.rows.filter((r) => !r.isHeader).map((r) => r.cells.map((c) => norm(c.text)));
    expect(rows).toEqual([
      [
        '13.',
        expect.stringMatching(/^Банд ижросидан олинди Давлат харидларини/),
        'Масъул ижрочилар',
        'Коррупцияга қарши курашиш тизимини таҳлил ва мониторинг қилиш бошқармаси',
        'Давлат органлари ва ташкилотлари фаолияти очиқлигини таъминлаш бошқармаси',
      ],
      ['14.', expect.stringMatching(/^Банд ўзгартирилди Давлат харидларини/), 'Ижро муддати', '2024 йил май', '2024 йил июнь'],
    ]);
    const pages = await readPdf(new Uint8Array(await readFile(path.join(out, 'changes/hr.cyrl.pdf'))));
    const text = squash(pages.map((p) => p.items.map((t) => t.str).join('')).join(''));
    for (const expected of [
      'иш режасига киритилган',
      'ЎЗГАРТИРИШЛАР',
      'Ижрочи: Кадрлар тармоғи',
      '32.',
      'Янги банд киритилди',
      '2024 йил май',
      'Агентлик директорининг 15.03.2024 й. 45-сон буйруғи',
    ]) {
      expect(text).toContain(squash(expected));
    }
    expect(await readdir(path.join(out, 'changes'))).toHaveLength(8);
  });

  it('says in the plan and in the affected extracts that they are as amended, and only there', async () => {
    const note = squash('(Агентлик директорининг 15.03.2024 й. 45-сон буйруғи билан киритилган ўзгартиришлар билан)');
    const firstPage = async (f: string) => squash((await readPdf(new Uint8Array(await readFile(path.join(out, f)))))[0]!.items.map((t) => t.str).join(''));
    expect(await firstPage('plan.cyrl.pdf')).toContain(note);
    expect(await firstPage('extracts/hr.cyrl.pdf')).toContain(note);
    expect(await firstPage('extracts/press.cyrl.pdf')).not.toContain(note);
  });

  it('compares with a git revision as well as with an issued version', async () => {
    const repo = await mkdtemp(path.join(SCRATCH, 'git-'));
    try {
      const g = (...args: string[]) => git('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
      await g('init', '-q');
      const copy = path.join(repo, 'content');
      await git('cp', ['-r', 'content', copy]);
      await g('add', '-A');
      await g('commit', '-qm', 'issued');
      await writeFile(
        path.join(copy, 'items/14.yaml'),
        (await readFile(path.join(copy, 'items/14.yaml'), 'utf8')).replace('deadline: 2024-05', 'deadline: 2024-06'),
      );
      const r = await run(['changes', '--content', copy, '--git', 'HEAD', '--format', 'json']);
      // Nothing recorded for the edit: said at its place.
      expect(r.err).toMatch(/items\/14\.yaml:1:9 {2}warning {2}Item 14 changed \(deadline\) since git HEAD with no amendment recorded/);
      const byGit = JSON.parse(r.out) as ChangeReport;
      expect(byGit.since).toBe('git HEAD');
      expect(byGit.items.map((c) => c.number)).toEqual([14]);
      expect(byGit.affected.map((d) => d.id)).toEqual(['monitoring']);

      const sheets = path.join(repo, 'sheets');
      const withSheets = await run(['changes', '--content', copy, '--git', 'HEAD', '--sheets', sheets]);
      expect(withSheets.code).toBe(EXIT.ok);
      expect((await readdir(path.join(sheets, 'changes'))).sort()).toEqual(['monitoring.cyrl.docx', 'monitoring.cyrl.pdf']);
      const sheet = await readDocx(new Uint8Array(await readFile(path.join(sheets, 'changes/monitoring.cyrl.docx'))));
      expect(sheet.tables[0]!.rows.filter((r) => !r.isHeader).map((r) => r.cells.slice(2).map((c) => norm(c.text)))).toEqual([
        ['Ижро муддати', '2024 йил май', '2024 йил июнь'],
      ]);
      // Dated by the content's own records (the approval, as nothing was amended), with no internal label.
      expect(sheet.paragraphs.map(norm)).toContain('Аввалги таҳрир: 2024 йил 04 январь ҳолатига кўра.');
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
