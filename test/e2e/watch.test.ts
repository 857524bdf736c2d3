// `build --watch`: a save rebuilds only what changed, with one line per rebuilt document; a bad save prints
// the error and keeps the last good output; the next good save recovers.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchBuild, type Watcher } from '../../src/pipeline/watch.js';
import { contentFixture, SCRATCH, type ContentFixture } from '../support/content-fixture.js';

let fx: ContentFixture;
let out: string;
let watcher: Watcher;
let stdout = '';
let stderr = '';

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await watcher.idle();
}

const hash = async (f: string) =>
  createHash('sha256')
    .update(await readFile(path.join(out, f)))
    .digest('hex');
const marks = () => stdout.split('\n').filter((l) => l.includes('watching')).length;

beforeAll(async () => {
  fx = await contentFixture();
  out = await mkdtemp(path.join(SCRATCH, 'watch-out-'));
  watcher = watchBuild(
    { contentDir: fx.dir, templatesDir: 'templates', fontsDir: 'fonts', outDir: out },
    { write: (s: string) => (stdout += s) },
    { write: (s: string) => (stderr += s) },
    50,
  );
  await until(() => marks() === 1, 'the first build');
}, 60_000);

afterAll(async () => {
  watcher?.close();
  await fx?.remove();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('build --watch', () => {
  it('keeps seeing a file that an editor saved by renaming a new file over it', async () => {
    const file = path.join(fx.dir, 'items/30.yaml');
    const text = await fx.read('items/30.yaml');
    stdout = '';
    await writeFile(`${file}.new`, text.replace('матбуот анжумани', 'матбуот анжуманини'));
    await rename(`${file}.new`, file); // how vim and "atomic save" editors write
    await until(() => marks() === 1, 'the rebuild after a save by rename');
    stderr = '';
    await fx.write('items/30.yaml', `${text}measure: [unclosed\n`); // then an ordinary save of the same file
    await until(() => stderr.includes('The last good output is unchanged'), 'the error of the next save');
    stdout = '';
    await fx.write('items/30.yaml', text);
    await until(() => marks() === 1, 'the recovery');
  });

  it('rebuilds only the documents a save changes, one line each', async () => {
    stdout = '';
    await fx.edit('items/31.yaml', 'Агентлик ходимларининг маданияти', 'Агентлик ходимларининг ҳуқуқий маданияти');
    await until(() => marks() === 1, 'the rebuild');
    const rebuilt = stdout
      .split('\n')
      .filter((l) => l.startsWith('rebuilt '))
      .map((l) => path.relative(out, l.slice(8)))
      .sort();
    expect(rebuilt).toEqual([
      'extracts/hr.cyrl.docx',
      'extracts/hr.cyrl.pdf',
      'extracts/legal.cyrl.docx',
      'extracts/legal.cyrl.pdf',
      'plan.cyrl.docx',
      'plan.cyrl.pdf',
    ]);
  });

  it('keeps the last good output on a bad save and recovers on the next good one', async () => {
    const good = await hash('plan.cyrl.pdf');
    stdout = '';
    stderr = '';
    const text = await fx.read('items/31.yaml');
    await fx.write('items/31.yaml', `${text}measure: [unclosed\n`);
    await until(() => stderr.includes('The last good output is unchanged'), 'the error');
    expect(stderr).toMatch(new RegExp(`${fx.display('items/31.yaml').replace(/\./g, '\\.')}:\\d+:\\d+  error  `));
    expect(await hash('plan.cyrl.pdf')).toBe(good);
    await fx.write('items/31.yaml', text.replace('ҳуқуқий маданияти', 'маданияти'));
    await until(() => marks() === 1, 'the recovery');
    expect(stdout).toContain('rebuilt ');
    expect(await hash('plan.cyrl.pdf')).not.toBe(good);
  });
});
