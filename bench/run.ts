// npm run bench: the README's `npm run build`, cold, next to the routes a user would otherwise take — LibreOffice
// converting the same DOCX set, and Typst rendering the same plan — at 30 (the seed), 300 and 1000 items, in one
// run and interleaved (every round runs each route once, so a slow spell of the machine hits all of them alike),
// medians of the rounds; then the incremental rebuild after a one-item change. Prints the tables and appends them
// to bench/RESULTS.md. See bench/README.md.
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { missingPrograms } from '../scripts/lib/programs.js';
import { generateContent, readCorpus } from './generate.js';
import { measureIncremental } from './incremental.js';
import { child, compileChild, libreOffice, npmBuild, pdfPages, planPdf, type ProcessRun } from './measure.js';
import { buildTable, incrementalTable, machine, routesTable, targetsTable, type Round, type WorkloadResult } from './report.js';

interface Workload {
  name: string;
  /** Omitted: the shipped content. */
  items?: number;
  departments?: number;
}

const WORKLOADS: Workload[] = [
  { name: 'seed (30 items, 8 depts)' },
  { name: '300 items, 20 depts', items: 300, departments: 20 },
  { name: '1000 items, 50 depts', items: 1000, departments: 50 },
];

const RESULTS = 'bench/RESULTS.md';
// --only seed|300|1000 runs one workload; --rounds n (default 3); --big-rounds n: rounds of the 1000-item workload
// alone (default: --rounds; on a loaded machine one of its rounds takes minutes); --quick: 1 round, no 1000-item
// workload; --no-append leaves bench/RESULTS.md alone (for trying things out).
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    rounds: { type: 'string' },
    'big-rounds': { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-append': { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds ?? (args.quick ? 1 : 3));
const roundsOf = (w: Workload) => (w.items === 1000 && args['big-rounds'] ? Number(args['big-rounds']) : rounds);
const log = (text: string) => process.stderr.write(`${text}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  execFileSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load average:\s*/, '');

async function main(): Promise<number> {
  const missing = missingPrograms(['soffice']);
  if (missing.length) {
    for (const line of missing) log(line);
    return 1;
  }
  const started = performance.now();
  const loadBefore = load();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'plan-bench-'));
  const results: WorkloadResult[] = [];
  const script = await compileChild();
  // The command compiles itself on its first run after a change: done here, so no measured run pays for it.
  execFileSync(process.execPath, ['bin/compile.js'], { stdio: 'ignore' });
  const chosen = WORKLOADS.filter((w) => (args.only ? String(w.items ?? 'seed') === args.only : !(args.quick && w.items === 1000)));
  let incremental = null;
  try {
    const corpus = await readCorpus('content');
    for (const w of chosen) {
      const id = String(w.items ?? 'seed');
      let content = 'content';
      if (w.items) {
        content = path.join(tmp, `content-${id}`);
        await generateContent(content, { items: w.items, departments: w.departments! }, corpus);
      }
      const list: Round[] = [];
      const n = roundsOf(w);
      for (let r = 0; r < n; r++) {
        const out = path.join(tmp, `out-${id}-${r}`);
        const ours = await npmBuild(content, out);
        const lo = await libreOffice(out, path.join(tmp, `lo-${id}-${r}`));
        const typst = await child(script, ['plan', content, path.join(tmp, `typst-${id}-${r}`), '0', 'typst']);
        const pdf = await child(script, ['plan', content, path.join(tmp, `plan-${id}-${r}`), '0', 'pdf']);
        list.push({ ours, libreOffice: lo, typst, planPdf: pdf });
        log(
          `${w.name}, round ${r + 1}/${n}: npm run build ${secs(ours.wall)} (${ours.peakMB ?? '?'} MB), LibreOffice ${secs(lo.ms)} (${lo.converted}/${lo.files}), plan PDF ours ${secs(pdf.wall)}, Typst ${secs(typst.wall)}`,
        );
      }
      // One more process for build()'s stage timings and its memory (not interleaved: context, not a target).
      const stages: ProcessRun = await child(script, ['build', content, path.join(tmp, `stages-${id}`), '0']);
      const planFile = await planPdf(path.join(tmp, `out-${id}-0`));
      results.push({ name: w.name, items: w.items ?? corpus.plan.items.length, rounds: list, stages, planPages: planFile ? await pdfPages(planFile) : 0 });
    }
    if (!args.only || args.only === 'seed') {
      incremental = await measureIncremental(Math.max(rounds, 3));
      log(`incremental: warm ${secs(incremental.incrementalWarm)}, fresh npm run build ${secs(incremental.incrementalNpm)}`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const targets = targetsTable(results, incremental);
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const report = [
    `## ${when}`,
    '',
    `Machine: ${machine()}. Load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()} — other work shares these cores, so compare ratios.`,
    `Ran: interleaved rounds per workload (${chosen.map((w) => `${w.name}: ${roundsOf(w)}`).join('; ')}); benchmark wall time ${secs(performance.now() - started)}.`,
    '',
    'Routes, one round = each route once in a fresh process; medians over the rounds:',
    '',
    routesTable(results),
    '',
    "Our build()'s stages (one more fresh process per workload, `build()` timings; docx and pdf are summed over jobs):",
    '',
    buildTable(results),
    '',
    ...(incremental ? ['Incremental rebuild after a one-item change (seed):', '', incrementalTable(incremental), ''] : []),
    'Targets:',
    '',
    targets.text,
    '',
  ].join('\n');
  console.log(report);
  if (args['no-append']) return 0;
  const previous = await readFile(RESULTS, 'utf8').catch(() => '');
  if (!previous) await appendFile(RESULTS, '# Benchmark results\n\nAppended by `npm run bench`, newest last. How to read them: bench/README.md.\n\n');
  await appendFile(RESULTS, `${report}\n`);
  log(`appended to ${RESULTS}; ${targets.misses} target(s) missed`);
  return 0;
}

process.exitCode = await main();
