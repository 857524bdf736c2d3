// The hostile-input corpus: every case in test/hostile/cases/ must end with its expected exit code and first
// message line, never exit 3, and leave every file outside out/ (and out/ itself, unless the case says its build
// may write) byte-identical. Cases run in this process, one after another, from one good build.
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { SCRATCH } from '../support/content-fixture.js';
import { loadCase, runCase, type CaseResult } from './run-case.js';

const CASES = path.join('test', 'hostile', 'cases');
const files = (await readdir(CASES)).filter((f) => f.endsWith('.yaml')).sort();
let base: string;
const results = new Map<string, CaseResult>();

beforeAll(async () => {
  await mkdir(SCRATCH, { recursive: true });
  base = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'hostile-')));
  await cp('content', path.join(base, 'content'), { recursive: true, filter: (f) => path.basename(f) !== 'issued' });
  await cp('templates', path.join(base, 'templates'), { recursive: true });
  await cp('fonts', path.join(base, 'fonts'), { recursive: true });
  await build({
    contentDir: path.join(base, 'content'),
    templatesDir: path.join(base, 'templates'),
    fontsDir: path.join(base, 'fonts'),
    outDir: path.join(base, 'out'),
  });
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('hostile-input corpus', () => {
  it.each(files)('%s', async (file) => {
    const c = await loadCase(path.join(CASES, file));
    const r = await runCase(c, base, path.join(base, file.replace(/\.yaml$/, '')));
    results.set(file, r);
    expect(r.exit, `${c.about}\n${r.stderr}${r.stdout}`).not.toBe(3);
    // `{any}` in an expected line stands for what may differ between machines (a column that depends on stack size).
    const first =
      c.first.includes('{any}') &&
      new RegExp(
        `^${c.first
          .split('{any}')
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*?')}$`,
      ).test(r.first)
        ? c.first
        : r.first;
    expect({ exit: r.exit, first }, `${c.about}\n${r.stderr}${r.stdout}`).toEqual({ exit: c.exit, first: c.first });
    expect(r.changed, 'files changed by the run').toEqual([]);
    await rm(path.join(base, file.replace(/\.yaml$/, '')), { recursive: true, force: true });
  });

  it('has at least one case per issue bullet and none reached exit 3', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect([...results.values()].filter((r) => r.exit === 3)).toEqual([]);
  });
});
