// The lint corpus: realistic defects (defects.yaml) and correct-but-unusual texts (negatives.yaml), each put
// into one copy of the content and linted with the project's lint.yaml. A defect is caught when lint reports
// something new of one of its rules; a negative case is a false positive when lint reports anything new.
// `npx tsx test/lint-corpus/measure.ts` prints the table; corpus.test.ts holds the thresholds.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/content/diagnostics.js';
import { loadLintConfig } from '../../src/lint/config.js';
import { runLint } from '../../src/lint/run.js';

/** A scratch copy of the content, as test/support/content-fixture makes (that one needs a running vitest). */
async function scratchContent(source: string) {
  await mkdir('.tmp', { recursive: true });
  const dir = path.relative(process.cwd(), await mkdtemp(path.join('.tmp', 'corpus-')));
  await cp(source, dir, { recursive: true, filter: (from) => path.basename(from) !== 'issued' });
  return {
    dir,
    read: (rel: string) => readFile(path.join(dir, rel), 'utf8'),
    write: (rel: string, text: string) => writeFile(path.join(dir, rel), text),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface Case {
  kind: string;
  file: string;
  from: string;
  to: string;
  rules?: string[];
}

export interface Outcome {
  case: Case;
  /** What lint reports that it did not report on the content as shipped. */
  fresh: Diagnostic[];
  caught: boolean;
}

export interface Measure {
  defects: Outcome[];
  negatives: Outcome[];
  recall: number;
  precision: number;
  falsePositives: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export async function readCases(): Promise<{ defects: Case[]; negatives: Case[] }> {
  const read = async (name: string, key: string) => (parse(await readFile(path.join(here, name), 'utf8')) as Record<string, Case[]>)[key]!;
  return { defects: await read('defects.yaml', 'defects'), negatives: await read('negatives.yaml', 'negatives') };
}

// A finding is the same as one on the shipped content when file, rule and what it found agree (its message may
// quote the edited words around it).
const key = (d: Diagnostic) => `${d.file}\u0000${d.ruleId}\u0000${d.found ?? d.message}`;

/** The diagnostics of `after` that `before` does not have (as a multiset: a second like one is new). */
function fresh(before: Diagnostic[], after: Diagnostic[]): Diagnostic[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  return after.filter((d) => {
    const n = left.get(key(d)) ?? 0;
    if (n > 0) left.set(key(d), n - 1);
    return n === 0;
  });
}

export async function measure(): Promise<Measure> {
  const { defects, negatives } = await readCases();
  const config = await loadLintConfig(path.join(here, '../../lint.yaml'));
  const fx = await scratchContent(path.join(here, '../../content'));
  try {
    const lint = async () => (await runLint(fx.dir, config)).diagnostics;
    const baseline = await lint();
    const run = async (c: Case): Promise<Outcome> => {
      const original = await fx.read(c.file);
      if (!original.includes(c.from)) throw new Error(`corpus: ${c.file} has no ${JSON.stringify(c.from)}`);
      if (c.from === c.to) throw new Error(`corpus: a case in ${c.file} changes nothing`);
      await fx.write(c.file, original.replace(c.from, c.to));
      try {
        const found = fresh(baseline, await lint());
        return { case: c, fresh: found, caught: found.some((d) => (c.rules ?? []).includes(d.ruleId)) };
      } finally {
        await fx.write(c.file, original);
      }
    };
    const d: Outcome[] = [];
    for (const c of defects) d.push(await run(c));
    const n: Outcome[] = [];
    for (const c of negatives) n.push(await run(c));
    const caught = d.filter((o) => o.caught).length;
    const falsePositives = n.filter((o) => o.fresh.length > 0).length;
    return { defects: d, negatives: n, recall: caught / d.length, precision: caught / (caught + falsePositives), falsePositives };
  } finally {
    await fx.remove();
  }
}

/** The report: recall and precision overall and by kind, every defect missed and every false positive. */
export function report(m: Measure): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const caught = m.defects.filter((o) => o.caught).length;
  lines.push(`defects: ${m.defects.length}, caught ${caught}, recall ${pct(m.recall)}`);
  lines.push(`negative cases: ${m.negatives.length}, false positives ${m.falsePositives}, precision ${pct(m.precision)}`);
  const kinds = [...new Set(m.defects.map((o) => o.case.kind))];
  for (const k of kinds) {
    const of = m.defects.filter((o) => o.case.kind === k);
    lines.push(`  ${k.padEnd(12)} ${of.filter((o) => o.caught).length}/${of.length}`);
  }
  for (const o of m.defects.filter((x) => !x.caught)) lines.push(`missed: ${o.case.file}: ${o.case.from} → ${o.case.to}${o.fresh.length ? ` (found instead: ${o.fresh.map((d) => d.ruleId).join(', ')})` : ''}`);
  for (const o of m.negatives.filter((x) => x.fresh.length)) lines.push(`false positive: ${o.case.file}: ${o.case.to}: ${o.fresh.map((d) => `${d.ruleId} ${d.message}`).join('; ')}`);
  return lines.join('\n');
}
