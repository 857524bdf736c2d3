// The command line: help, exit codes, and a failed build that leaves the previous output untouched.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../src/cli/main.js';
import { loadPlan } from '../../src/content/load.js';
import { selectExtracts } from '../../src/extracts/select.js';
import { lintContent, loadLintConfig } from '../../src/lint/index.js';
import { fileHashes } from '../support/files.js';
import { contentFixture, SCRATCH, type ContentFixture } from '../support/content-fixture.js';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(args, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

let fx: ContentFixture;
let outDir: string;
beforeAll(async () => {
  fx = await contentFixture();
  outDir = await mkdtemp(path.join(SCRATCH, 'out-'));
});
afterAll(async () => {
  await fx.remove();
  await rm(outDir, { recursive: true, force: true });
});

describe('cli', () => {
  it('prints help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Usage: plan-pipeline <command>');
    expect(r.out).toContain('Exit codes: 0 done, 1 content, template, font or output-folder errors');
  });

  it.each([[[]], [['publish']], [['build', '--colour']], [['build', '--format', 'odt']]])('exits 2 on a usage error: %j', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).not.toBe('');
  });

  it('builds, then a content error exits 1, names the place, and leaves the previous output byte for byte', async () => {
    const ok = await run(['build', '--content', fx.dir, '--out', outDir]);
    expect(ok.code).toBe(EXIT.ok);
    const before = await fileHashes(outDir);
    expect(Object.keys(before)).toContain('plan.cyrl.pdf');
    expect(Object.keys(before)).toContain('extracts/press.cyrl.docx');

    await fx.edit('items/08.yaml', 'responsible: [prevention]', 'responsible: [prevention, press2]');
    const bad = await run(['build', '--content', fx.dir, '--out', outDir]);
    expect(bad.code).toBe(EXIT.content);
    expect(bad.err).toMatch(new RegExp(`^${fx.display('items/08.yaml').replace(/\./g, '\\.')}:\\d+:\\d+  error  Unknown department \`press2\``));
    expect(bad.err).toContain('1 error, 0 warnings');
    expect(bad.err).toContain('Nothing was written; the previous output is unchanged.');
    expect(await fileHashes(outDir)).toEqual(before);
  });

  it('builds one department alone with --department', async () => {
    const dir = await mkdtemp(path.join(SCRATCH, 'one-'));
    try {
      const r = await run(['build', '--department', 'hr', '--out', dir]);
      expect(r.code).toBe(EXIT.ok);
      expect(Object.keys(await fileHashes(dir)).sort()).toEqual(['extracts/hr.cyrl.docx', 'extracts/hr.cyrl.pdf', 'manifest.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown department with exit 2 and the ids it knows', async () => {
    const r = await run(['build', '--department', 'nobody', '--out', path.join(SCRATCH, 'never')]);
    expect(r.code).toBe(EXIT.usage);
    const ids = selectExtracts(await loadPlan('content')).map((e) => e.department.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(r.err).toBe(`Unknown department \`nobody\`, expected one of ${ids.join(', ')}\n`);
  });

  it("works from any folder: the project's own folders are found from the tool, not the working directory", async () => {
    const dir = path.resolve(await mkdtemp(path.join(SCRATCH, 'elsewhere-')));
    try {
      const { execFile } = await import('node:child_process');
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', path.resolve('src/cli/main.ts'), 'build', '--department', 'press', '--out', dir],
          { cwd: path.resolve('content/items') },
          (e, stdout, stderr) => (e ? reject(new Error(`${e.message}\n${stderr}`)) : resolve(stdout)),
        ),
      );
      expect(out).toContain('extracts/press.cyrl.pdf');
      // The project's lint.yaml was found: the count is its own, not the defaults'.
      const [own, defaults] = await Promise.all([lintContent('content', await loadLintConfig('lint.yaml')), lintContent('content')]);
      expect(own.length).not.toBe(defaults.length);
      expect(out).toContain(`${own.length} lint warnings`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers a bad git revision with a plain message and exit 2', async () => {
    const r = await run(['changes', '--git', 'no-such-revision']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/^Cannot read the content at git revision `no-such-revision`: /);
    expect(r.err).not.toContain('Usage:');
  });

  it('says plainly when no version was issued yet, without the whole help', async () => {
    const clean = await contentFixture();
    const r = await run(['changes', '--content', clean.dir]);
    await clean.remove();
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe('No issued version is recorded yet: run `plan-pipeline release` when the plan is sent out, or compare with a git revision: --git REV\n');
  });

  it('refuses to issue a version twice under one label before building anything', async () => {
    const out = await mkdtemp(path.join(SCRATCH, 'release-'));
    const content = await contentFixture();
    try {
      expect((await run(['release', '--content', content.dir, '--out', out])).code).toBe(EXIT.ok);
      const before = await fileHashes(out);
      await content.edit('items/14.yaml', 'deadline: 2024-05', 'deadline: 2024-06');
      const again = await run(['release', '--content', content.dir, '--out', out]);
      expect(again.code).toBe(EXIT.usage);
      expect(again.err).toMatch(/^Version `2024-01-04` was issued already \(.+2024-01-04\.json\), expected a new label: --label 2024-01-04-2, for example\n$/);
      expect(await fileHashes(out)).toEqual(before);
    } finally {
      await content.remove();
      await rm(out, { recursive: true, force: true });
    }
  });

  it('lists the departments with their items', async () => {
    const r = await run(['departments']);
    expect(r.code).toBe(EXIT.ok);
    const press = selectExtracts(await loadPlan('content')).find((e) => e.department.id === 'press')!;
    expect(press.items.length).toBeGreaterThan(1);
    expect(r.out).toContain(
      `${'press'.padEnd(19)}${press.department.name}\n${' '.repeat(19)}items ${press.items.map((i) => i.number).join(', ')}; extracts/press.cyrl.{docx,pdf}\n`,
    );
    expect((await run(['--list'])).out).toBe(r.out);
    expect((await run(['departments', '--list'])).out).toBe(r.out);
  });
});
