// The benchmark's synthetic plans: they load through the real loader, have the requested size, vary like the seed
// content does, and come out byte for byte the same every time.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, generateFiles, readCorpus, type Corpus } from '../../bench/generate.js';
import { loadPlan } from '../../src/content/load.js';
import type { Plan } from '../../src/domain/types.js';
import { checkExtracts, selectExtracts } from '../../src/extracts/select.js';

const run = promisify(execFile);
let corpus: Corpus;
let dir: string;

beforeAll(async () => {
  corpus = await readCorpus('content');
  await mkdir('.tmp', { recursive: true });
  dir = path.relative(process.cwd(), await mkdtemp(path.join('.tmp', 'bench-gen-')));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each([
  { items: 300, departments: 20 },
  { items: 1000, departments: 50 },
])('a synthetic plan of $items items and $departments departments', (size) => {
  let plan: Plan;
  let folder: string;

  beforeAll(async () => {
    folder = path.join(dir, `plan-${size.items}`);
    await generateContent(folder, size, corpus);
    plan = await loadPlan(folder);
  });

  it('loads and validates with the real loader, with the requested counts', () => {
    expect(plan.items).toHaveLength(size.items);
    expect(plan.items.map((i) => i.number)).toEqual(Array.from({ length: size.items }, (_, i) => i + 1));
    expect(plan.departments.filter((d) => d.kind === 'department')).toHaveLength(size.departments);
  });

  it('passes the extract integrity check: every item reaches a department', () => {
    expect(checkExtracts(plan, selectExtracts(plan))).toEqual([]);
  });

  it('varies like the seed: 0–5 steps, per-step deadlines, several acts, shared and all-units items', () => {
    const stepCounts = new Set(plan.items.map((i) => i.mechanism.steps.length));
    for (const n of [0, 1, 2, 3, 4, 5]) expect(stepCounts).toContain(n);
    expect(Math.max(...stepCounts)).toBe(5);
    expect(plan.items.some((i) => i.deadlines.scope === 'steps')).toBe(true);
    expect(plan.items.some((i) => i.deadlines.scope === 'item')).toBe(true);
    expect(new Set(plan.items.flatMap((i) => i.basis.map((a) => a.id))).size).toBe(plan.acts.length);
    const units = (i: Plan['items'][number]) => i.responsible.filter((d) => d.kind === 'department').length;
    const single = plan.items.filter((i) => i.responsible.length === 1).length;
    const shared = plan.items.filter((i) => units(i) > 1).length;
    const everyone = plan.items.filter((i) => i.responsible.some((d) => d.kind === 'group')).length;
    expect(single / size.items).toBeGreaterThan(0.5);
    expect(shared).toBeGreaterThan(0);
    expect(everyone).toBeGreaterThan(0);
    expect(everyone / size.items).toBeLessThan(0.2);
  });

  it('has texts of the seed content’s lengths, in Uzbek Cyrillic', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const words = (s: string) => s.split(/\s+/).length;
    const seedMeasure = mean(corpus.plan.items.map((i) => words(i.measure)));
    const measure = mean(plan.items.map((i) => words(i.measure)));
    expect(Math.abs(measure - seedMeasure) / seedMeasure).toBeLessThan(0.25);
    const seedResult = mean(corpus.plan.items.map((i) => words(i.result)));
    const result = mean(plan.items.map((i) => words(i.result)));
    expect(Math.abs(result - seedResult) / seedResult).toBeLessThan(0.25);
    expect(plan.items.map((i) => i.measure).join(' ')).toMatch(/[ўқғҳ]/u);
  });

  it('is byte-identical when generated again in another process, and writes exactly the files it names', async () => {
    // A fresh process (the benchmark's own command line) shares no state with this one: a hidden dependence on the
    // clock, on Math.random or on what ran before shows as a difference here.
    const again = path.join(dir, `again-${size.items}`);
    await run(process.execPath, [
      '--import',
      'tsx',
      'bench/generate.ts',
      '--items',
      String(size.items),
      '--departments',
      String(size.departments),
      '--out',
      again,
    ]);
    const onDisk = async (root: string) =>
      (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .sort();
    const named = [...generateFiles(corpus, size).keys()].sort();
    expect(await onDisk(folder)).toEqual(named);
    expect(await onDisk(again)).toEqual(named);
    const digests = (root: string) =>
      Promise.all(
        named.map(
          async (rel) =>
            `${rel} ${createHash('sha256')
              .update(await readFile(path.join(root, rel)))
              .digest('hex')}`,
        ),
      );
    expect(await digests(again)).toEqual(await digests(folder));
  }, 60_000);
});

it('gives another plan for another seed', () => {
  const a = generateFiles(corpus, { items: 20, departments: 5, seed: 1 });
  const b = generateFiles(corpus, { items: 20, departments: 5, seed: 2 });
  expect(a.get('items/01.yaml')).not.toEqual(b.get('items/01.yaml'));
});
