// npm run bench: how long the whole build takes and how much memory it needs, on the seed content and on synthetic
// plans of 300 and 1000 items, next to the routes a user would otherwise take (LibreOffice converting our DOCX set,
// Typst rendering the same plan table). Prints the tables and appends them to bench/RESULTS.md. See bench/README.md.
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { missingPrograms } from '../scripts/lib/programs.js';
import { generateContent, readCorpus } from './generate.js';
import { child, libreOffice, pdfPages, planPdf, type ProcessRun } from './measure.js';
import { buildTable, figures, machine, routesTable, targetsTable, type WorkloadResult } from './report.js';

interface Workload {
  name: string;
  /** Omitted: the shipped content. */
  items?: number;
  departments?: number;
  /** Fresh processes, each with one cold build. */
  runs: number;
  /** Builds after the cold one in the same process. */
  warm: number;
}

// Sized so the whole benchmark stays well under 5 minutes on 2 cores: LibreOffice alone needs about 80 s for the
// 1000-item set (the plan plus 50 extracts, about 5 000 item rows), our build 25–35 s.
const WORKLOADS: Workload[] = [
  { name: 'seed (30 items, 8 depts)', runs: 3, warm: 2 },
  { name: '300 items, 20 depts', items: 300, departments: 20, runs: 2, warm: 1 },
  { name: '1000 items, 50 depts', items: 1000, departments: 50, runs: 1, warm: 0 },
];

const RESULTS = 'bench/RESULTS.md';
// --only seed|300|1000 runs one workload; --no-append leaves bench/RESULTS.md alone (for trying things out).
const { values: args } = parseArgs({ options: { only: { type: 'string' }, 'no-append': { type: 'boolean', default: false } } });
const planPages = async (out: string) => { const f = await planPdf(out); return f ? pdfPages(f) : 0; };
const log = (text: string) => process.stderr.write(`${text}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<number> {
  const missing = missingPrograms(['soffice']);
  if (missing.length) {
    for (const line of missing) log(line);
    return 1;
  }
  const started = performance.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'plan-bench-'));
  const results: WorkloadResult[] = [];
  try {
    const corpus = await readCorpus('content');
    for (const w of WORKLOADS.filter((x) => !args.only || String(x.items ?? 'seed') === args.only)) {
      let content = 'content';
      if (w.items) {
        content = path.join(tmp, `content-${w.items}`);
        await generateContent(content, { items: w.items, departments: w.departments! }, corpus);
      }
      const builds: ProcessRun[] = [];
      for (let r = 0; r < w.runs; r++) {
        const run = await child('build', content, path.join(tmp, `out-${w.items ?? 'seed'}-${r}`), w.warm);
        builds.push(run);
        log(`${w.name}: build ${r + 1}/${w.runs}: cold ${secs(run.cold)}${run.warm.length ? `, warm ${run.warm.map(secs).join(', ')}` : ''}, peak ${run.peakMB} MB`);
      }
      const out = path.join(tmp, `out-${w.items ?? 'seed'}-0`);
      const planWarm = w.items === 1000 ? 1 : 2;
      const planPdf = await child('plan-pdf', content, path.join(tmp, `plan-${w.items ?? 'seed'}`), planWarm);
      log(`${w.name}: our plan PDF: cold ${secs(planPdf.cold)}, warm ${planPdf.warm.map(secs).join(', ')}`);
      const typst = await child('typst', content, path.join(tmp, `typst-${w.items ?? 'seed'}`), planWarm);
      log(`${w.name}: Typst plan PDF: cold ${secs(typst.cold)}, warm ${typst.warm.map(secs).join(', ')}`);
      const lo = await libreOffice(out, path.join(tmp, `lo-${w.items ?? 'seed'}`));
      log(`${w.name}: LibreOffice: ${lo.converted}/${lo.files} DOCX → PDF in ${secs(lo.ms)}`);
      results.push({ name: w.name, items: w.items ?? corpus.plan.items.length, departments: w.departments ?? 0, builds, planPdf, typst, libreOffice: lo, planPages: await planPages(out) });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const targets = targetsTable(results);
  const dominant = results.map((w) => `${w.name}: ${figures(w).dominant}`);
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const report = [
    `## ${when}`,
    '',
    `Machine: ${machine()}. Benchmark wall time ${secs(performance.now() - started)}.`,
    '',
    'Whole build (plan + every extract, DOCX + PDF), each run in a fresh process; stage columns: median of the cold',
    "runs' build().timings (docx and pdf are summed over render jobs, which may run on several threads at once):",
    '',
    buildTable(results),
    '',
    'Routes a user would otherwise take:',
    '',
    routesTable(results),
    '',
    `Dominant stage (share of the cold build): ${dominant.join('; ')}.`,
    '',
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
