// A seeded fuzz test: the shipped content, mutated at random (characters a careless or hostile editor may type,
// lines deleted, duplicated or swapped, numbers changed, aliases, invalid bytes), must either build to document
// models or fail with diagnostics that each name a file, a line and a column. Anything else (a crash, a message
// without a place, a character a DOCX cannot carry in a model) fails the test. Same seed, same runs.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate.js';
import { history } from '../../src/changes/releases.js';
import { composeDocuments } from '../../src/pipeline/documents.js';
import { loadTemplates, TemplateError, type TemplateSet } from '../../src/compose/compose.js';
import { ContentError } from '../../src/content/diagnostics.js';
import { loadPlan } from '../../src/content/load.js';
import { XML_ILLEGAL } from '../../src/content/text-hygiene.js';
import { UsageError } from '../../src/errors.js';
import { checkFontCoverage } from '../../src/fonts/coverage.js';
import { lintContent, loadLintConfig } from '../../src/lint/index.js';
import { SCRATCH } from '../support/content-fixture.js';

export const SEED = 20261201;
export const RUNS = 300;

const HOSTILE = [
  '\u0000',
  '\u0001',
  '\u000b',
  '\t',
  '\r',
  '\n',
  ' ',
  '"',
  "'",
  ':',
  ': ',
  '- ',
  '#',
  ' #',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '%',
  '@',
  '`',
  '\ufffe',
  '\ufffd',
  '😀',
  'مر',
  'ь',
  'ў',
  '\u00a0',
  '\\',
  '"\\u0001"',
  '"\\uD800"',
  '---\n',
  '<<: *a',
  '~',
  'null',
  '2024-02-30',
  '-1',
  '1e999',
  '0x1F',
];

type Mutation = (text: string, r: () => number) => string | Buffer;
const pick = <T>(list: T[], r: () => number) => list[Math.floor(r() * list.length)]!;
const at = (text: string, r: () => number) => Math.floor(r() * (text.length + 1));
const MUTATIONS: Mutation[] = [
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(HOSTILE, r) + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20));
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const [i, j] = [Math.floor(r() * lines.length), Math.floor(r() * lines.length)];
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  (t, r) => t.replace(/\b\d+\b/, () => pick(['0', '-3', '2.5', '99999999999999999999', '"7"', 'x'], r)),
  (t, r) => t.slice(0, at(t, r)),
  (t, r) => {
    const b = Buffer.from(t);
    const i = Math.floor(r() * b.length);
    b[i] = pick([0xff, 0xc0, 0x80, 0xed], r);
    return b;
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines[i] = (r() < 0.5 ? '  ' : '') + lines[i]!.replace(/^ {2}/, r() < 0.5 ? '' : '\t');
    return lines.join('\n');
  },
];

function strings(node: unknown, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, into);
  return into;
}

let dir: string;
let files: string[];
let templates: TemplateSet;
let lintConfig: Awaited<ReturnType<typeof loadLintConfig>>;
beforeAll(async () => {
  dir = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'fuzz-')));
  await cp('content', dir, { recursive: true, filter: (f) => path.basename(f) !== 'issued' });
  files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.yaml')).sort();
  templates = await loadTemplates('templates');
  lintConfig = await loadLintConfig();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fuzz: mutated content', () => {
  it(`${RUNS} seeded runs end in document models or in placed diagnostics, never in a crash`, async () => {
    const r = prng(SEED);
    const outcomes = { built: 0, refused: 0 };
    const failures: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const file = pick(files, r);
      const full = path.join(dir, file);
      const original = await readFile(full, 'utf8');
      let mutated: string | Buffer = original;
      const steps = 1 + Math.floor(r() * 3);
      for (let k = 0; k < steps; k++) mutated = pick(MUTATIONS, r)(typeof mutated === 'string' ? mutated : mutated.toString('latin1'), r);
      await writeFile(full, mutated);
      try {
        const plan = await loadPlan(dir);
        const findings = lintContent(dir, lintConfig);
        const errors = (await findings).filter((d) => d.severity === 'error');
        if (errors.length) throw new ContentError(errors);
        const { documents } = await composeDocuments(plan, templates, { contentDir: dir, releases: await history(dir) });
        await checkFontCoverage(
          'fonts',
          documents.map((d) => d.model),
          { contentDir: dir, templatesDir: 'templates' },
        );
        const bad = strings(documents.map((d) => d.model)).find((s) => XML_ILLEGAL.test(s));
        if (bad !== undefined) failures.push(`run ${run} (${file}): a model holds a character XML forbids: ${JSON.stringify(bad)}`);
        outcomes.built++;
      } catch (e) {
        if (e instanceof ContentError) {
          const unplaced = e.diagnostics.filter((d) => !d.file || !(d.line >= 1) || !(d.column >= 1) || !d.message);
          if (unplaced.length) failures.push(`run ${run} (${file}): a message without its place: ${JSON.stringify(unplaced[0])}`);
          outcomes.refused++;
        } else if (e instanceof TemplateError || e instanceof UsageError) outcomes.refused++;
        else failures.push(`run ${run} (${file}): ${(e as Error).stack}`);
      } finally {
        await writeFile(full, original);
      }
    }
    expect(failures).toEqual([]);
    expect(outcomes.built + outcomes.refused).toBe(RUNS);
    console.log(`fuzz seed ${SEED}: ${RUNS} runs, ${outcomes.built} built, ${outcomes.refused} refused with placed messages, 0 crashes`);
  }, 120_000);
});
