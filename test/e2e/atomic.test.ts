// A build that fails or is killed halfway never leaves a truncated document and never loses the previous output:
// every document path holds either the previous complete file or the new complete file.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { LOCK, lockOutput } from '../../src/pipeline/lock.js';
import { recoverOutput } from '../../src/pipeline/output.js';
import { RenderPool, type RenderJob } from '../../src/pipeline/render-pool.js';
import { writers } from '../../src/writers/index.js';
import { fileHashes } from '../support/files.js';
import { contentFixture, SCRATCH, type ContentFixture } from '../support/content-fixture.js';

const dirs = { templatesDir: 'templates', fontsDir: 'fonts' };
let fx: ContentFixture;
let root: string;
let oldOut: string;
let newOut: string;
let before: Record<string, string>;
let after: Record<string, string>;

beforeAll(async () => {
  fx = await contentFixture();
  root = await mkdtemp(path.join(SCRATCH, 'atomic-'));
  oldOut = path.join(root, 'old');
  newOut = path.join(root, 'new');
  await build({ ...dirs, contentDir: fx.dir, outDir: oldOut });
  before = await fileHashes(oldOut);
  // The amended content changes the plan and the extracts that hold item 1 (all of them).
  await fx.edit('items/01.yaml', 'deadline: 2024-01..2024-03', 'deadline: 2024-01..2024-04');
  await build({ ...dirs, contentDir: fx.dir, outDir: newOut });
  after = await fileHashes(newOut);
}, 120_000);

afterAll(async () => {
  await fx?.remove();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('atomic output', () => {
  it('a build killed at any moment leaves every document either as it was or complete and new', async () => {
    const documents = Object.keys(before).filter((f) => /\.(pdf|docx)$/.test(f));
    // Every document the build lists in its manifest (the whole set: plan and extracts, in both formats).
    expect(documents.sort()).toEqual(
      JSON.parse(await readFile(path.join(oldOut, 'manifest.json'), 'utf8'))
        .documents.map((d: { path: string }) => d.path)
        .sort(),
    );
    expect(documents.length).toBeGreaterThan(2);
    const outcomes = new Set<string>();
    const sets = new Set<string>();
    const runChild = async (out: string, killAfter: number | null) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'build', '--content', fx.dir, '--out', out], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const timer = killAfter === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
      await exited;
      if (timer) clearTimeout(timer);
    };
    // How long a whole build takes in a child process here; the kills are spread over that time and past it.
    const probe = path.join(root, 'probe');
    await cp(oldOut, probe, { recursive: true });
    const t0 = performance.now();
    await runChild(probe, null);
    const whole = performance.now() - t0;
    await rm(probe, { recursive: true, force: true });
    // (3× the probe: on a loaded machine a build can take far longer than the probe did, and one kill must come after it.)
    for (const fraction of [0.5, 0.8, 0.9, 0.95, 1, 1.5, 3]) {
      const delay = Math.round(whole * fraction);
      const out = path.join(root, `killed-${delay}`);
      await cp(oldOut, out, { recursive: true });
      await runChild(out, delay);
      const now = await fileHashes(out);
      for (const doc of documents) {
        expect([before[doc], after[doc]], `${doc} after a kill at ${delay} ms`).toContain(now[doc]);
        outcomes.add(now[doc] === before[doc] ? 'old' : 'new');
      }
      // Nothing but hidden temporary files (cleared by the next build) may be added.
      expect(Object.keys(now).filter((f) => !(f in before) && !path.basename(f).startsWith('.'))).toEqual([]);
      // What the next start does (take the dead build's lock, complete or roll back) leaves the whole set, documents
      // and manifest together, old or new: never a new PDF beside an old DOCX.
      const lock = await lockOutput(out);
      await recoverOutput(out);
      await lock.release();
      const canon = (h: Record<string, string>) => JSON.stringify(Object.entries(h).sort());
      const set = canon(await fileHashes(out));
      expect([canon(before), canon(after)], `the set after a kill at ${delay} ms and the next start`).toContain(set);
      sets.add(set === canon(before) ? 'old' : 'new');
      await rm(out, { recursive: true, force: true });
    }
    // The kill times cover both outcomes, so the check above saw old and new files.
    expect([...outcomes].sort()).toEqual(['new', 'old']);
  }, 120_000);

  it('a second build on the same out/ says plainly that one is running and never disturbs the first', async () => {
    const out = path.join(root, 'meet');
    await cp(oldOut, out, { recursive: true });
    const start = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'build', '--content', fx.dir, '--out', out], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => (err += String(d)));
      return { exited: new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1))), err: () => err };
    };
    // Started together, both reach the lock within moments of each other: one renders, the other is refused. On a
    // loaded machine one may start so late that the first has finished: then both succeed, and we try again.
    let met = false;
    for (let attempt = 0; attempt < 3 && !met; attempt++) {
      await rm(out, { recursive: true, force: true });
      await cp(oldOut, out, { recursive: true });
      const builds = [start(), start()];
      const codes = await Promise.all(builds.map((b) => b.exited));
      const errs = builds.map((b) => b.err()).join('\n');
      expect(
        [
          [0, 0],
          [0, 2],
        ],
        errs,
      ).toContainEqual([...codes].sort());
      expect(await fileHashes(out)).toEqual(after);
      expect(
        await stat(path.join(out, LOCK)).then(
          () => 'lock left',
          () => 'no lock',
        ),
      ).toBe('no lock');
      if (codes.includes(2)) {
        met = true;
        expect(builds[codes.indexOf(2)]!.err()).toMatch(/^Another build is writing to `.+` \(process \d+\); wait until it has finished and build again\n$/);
      }
    }
    expect(met, 'the two builds met at the lock in one of three tries').toBe(true);
  }, 120_000);

  it('a build that fails in a writer after others have rendered writes nothing', async () => {
    const out = path.join(root, 'failed');
    await cp(oldOut, out, { recursive: true });
    // A writer that renders three files (each staged beside its target) and then fails, as a writer meeting a
    // model it cannot print would: the staged files must go and the previous output stay.
    let staged: string[] = [];
    class FailingPool extends RenderPool {
      override async renderAll(jobs: RenderJob[], fontsDir: string, done: (index: number, bytes: Uint8Array, ms: number) => Promise<void>): Promise<void> {
        for (const [index, job] of jobs.slice(0, 3).entries()) await done(index, await writers[job.format].write(job.model, { fontsDir }), 1);
        staged = Object.keys(await fileHashes(out)).filter((f) => f.endsWith('.tmp'));
        throw new Error('the writer failed on the fourth file');
      }
    }
    const pool = new FailingPool(0);
    await expect(build({ ...dirs, contentDir: fx.dir, outDir: out, pool })).rejects.toThrow('the writer failed on the fourth file');
    expect(staged).toHaveLength(3);
    expect(await fileHashes(out)).toEqual(before);
  });

  it('the next build clears temporary files a killed build left behind', async () => {
    const out = path.join(root, 'leftover');
    await cp(newOut, out, { recursive: true });
    await writeFile(path.join(out, '.plan.cyrl.pdf.99999.tmp'), 'half a file');
    await build({ ...dirs, contentDir: fx.dir, outDir: out });
    expect(Object.keys(await fileHashes(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
