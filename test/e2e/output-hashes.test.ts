// Speed work and restructuring must not change a byte of the documents: a fixed content set (the shipped plan in
// both editions, and a generated 60-item plan whose rows cross many page breaks) is built and every document's
// sha256 compared with the list recorded in test/fixtures/output-hashes.json. That list changes only in a commit
// that means to change the output: `UPDATE_HASHES=1 npx vitest run test/e2e/output-hashes.test.ts` rewrites it.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../bench/generate.js';
import { build, DEFAULT_DIRS } from '../../src/pipeline/build.js';
import { fileHashes } from '../support/files.js';

const RECORD = path.resolve('test/fixtures/output-hashes.json');

async function buildSet(name: string, contentDir: string, root: string): Promise<Record<string, string>> {
  const outDir = path.join(root, `${name}-out`);
  await build({ ...DEFAULT_DIRS, contentDir, outDir });
  const found = await fileHashes(outDir, (name) => /\.(docx|pdf)$|^index\.md$/.test(name));
  return Object.fromEntries(Object.entries(found).map(([f, h]) => [`${name}/${f}`, h]));
}

let actual: Record<string, string> = {};
let root = '';

beforeAll(async () => {
  root = await mkdtemp(path.resolve('.tmp/hashes-'));
  const both = path.join(root, 'both');
  await cp(DEFAULT_DIRS.contentDir, both, { recursive: true });
  const planYaml = path.join(both, 'plan.yaml');
  await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace(/^agency:/m, 'editions: [cyrl, latn]\nagency:'));
  const generated = path.join(root, 'p60');
  await generateContent(generated, { items: 60, departments: 6, seed: 7 });
  actual = { ...(await buildSet('seed', both, root)), ...(await buildSet('p60', generated, root)) };
  actual = Object.fromEntries(Object.entries(actual).sort(([a], [b]) => a.localeCompare(b)));
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('output bytes', () => {
  it('every document of the fixed content set has its recorded sha256', async () => {
    if (process.env.UPDATE_HASHES) {
      await writeFile(RECORD, JSON.stringify(actual, null, 2) + '\n');
      return;
    }
    const recorded = JSON.parse(await readFile(RECORD, 'utf8')) as Record<string, string>;
    expect(Object.keys(actual).length).toBeGreaterThan(30);
    const differing = Object.keys({ ...recorded, ...actual }).filter((f) => recorded[f] !== actual[f]);
    expect(differing, 'documents whose bytes differ from the recorded list').toEqual([]);
  });
});
