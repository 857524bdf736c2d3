// The output transaction on small files: staged, journaled, carried out; an interruption after the journal is
// completed by the next start; clean-up never leaves the output folder.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL, outputFs, recoverOutput, StagedOutput } from '../../src/pipeline/output.js';
import { SCRATCH } from '../support/content-fixture.js';

let root: string;
let out: string;
const read = async (f: string) => readFile(path.join(out, f), 'utf8').catch(() => null);
beforeEach(async () => {
  await mkdir(SCRATCH, { recursive: true });
  root = await mkdtemp(path.join(SCRATCH, 'transaction-'));
  out = path.join(root, 'out');
  await mkdir(path.join(out, 'extracts'), { recursive: true });
  await writeFile(path.join(root, 'victim.pdf'), 'outside');
  for (const [f, t] of [
    ['plan.pdf', 'old plan'],
    ['extracts/hr.pdf', 'old hr'],
    ['extracts/gone.pdf', 'old gone'],
    ['manifest.json', 'old manifest'],
  ])
    await writeFile(path.join(out, f!), t!);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

async function stageNew(): Promise<StagedOutput> {
  const staged = new StagedOutput(out);
  await staged.stage('plan.pdf', 'new plan');
  await staged.stage('extracts/hr.pdf', 'new hr');
  await staged.stage('manifest.json', 'new manifest');
  return staged;
}

describe('output transaction', () => {
  it('switches the documents and the manifest together and removes only stale documents inside out/', async () => {
    const staged = await stageNew();
    const removed = await staged.commit(['extracts/gone.pdf', '../victim.pdf', '/etc/passwd', 'extracts/../../victim.pdf', 'manifest.json'], 'manifest.json');
    expect(removed).toEqual(['extracts/gone.pdf']);
    expect([await read('plan.pdf'), await read('extracts/hr.pdf'), await read('manifest.json'), await read('extracts/gone.pdf')]).toEqual([
      'new plan',
      'new hr',
      'new manifest',
      null,
    ]);
    expect(await readFile(path.join(root, 'victim.pdf'), 'utf8')).toBe('outside');
    expect((await readdir(out, { recursive: true })).filter((f) => f.includes('.tmp') || f.includes(JOURNAL))).toEqual([]);
  });

  it('completes on the next start a switch interrupted after its journal was written', async () => {
    const staged = await stageNew();
    const rename = outputFs.rename;
    let calls = 0;
    outputFs.rename = async (from, to) => {
      if (++calls === 3) throw Object.assign(new Error('killed'), { code: 'EIO' });
      return rename(from, to);
    };
    try {
      await expect(staged.commit(['extracts/gone.pdf'], 'manifest.json')).rejects.toThrow('killed');
    } finally {
      outputFs.rename = rename;
    }
    await staged.abort(); // what a failed build does: it must leave the journal's files alone
    expect(await read('manifest.json')).toBe('old manifest'); // the manifest goes last
    expect(await recoverOutput(out)).toMatch(/^completed the interrupted build/);
    expect([await read('plan.pdf'), await read('extracts/hr.pdf'), await read('manifest.json'), await read('extracts/gone.pdf')]).toEqual([
      'new plan',
      'new hr',
      'new manifest',
      null,
    ]);
  });

  it('rolls back on the next start a build interrupted before its journal', async () => {
    await stageNew(); // killed here: staged, no journal
    expect(await recoverOutput(out)).toMatch(/^rolled back an interrupted build .* \(3 unfinished files removed\)$/);
    expect([await read('plan.pdf'), await read('extracts/hr.pdf'), await read('manifest.json')]).toEqual(['old plan', 'old hr', 'old manifest']);
    expect((await readdir(out, { recursive: true })).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
