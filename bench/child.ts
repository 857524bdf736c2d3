// One measured run in a fresh process, started by bench/run.ts; prints one JSON line on stdout.
//
//   node --import tsx bench/child.ts build    <content> <out> <warm runs>   whole build(): plan + extracts, DOCX + PDF
//   node --import tsx bench/child.ts plan-pdf <content> <out> <warm runs>   our plan PDF alone (load, compose, pdfmake)
//   node --import tsx bench/child.ts typst    <content> <out> <warm runs>   the same plan document through Typst
//
// Times are from performance.now(), whose origin is this process's start: `ready` is when the modules are loaded,
// `cold` the first run's duration, `warm` the durations of the runs after it in the same process (each into an
// empty output folder, so that nothing is reused from the run before).
// `peakMB` is the process's peak resident memory after the first run (process.resourceUsage().maxRSS).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ChildResult {
  mode: string;
  ready: number;
  cold: number;
  /** Stage → ms of the first run (build mode: build()'s own timings). */
  stages: Record<string, number>;
  warm: number[];
  warmStages: Record<string, number>[];
  peakMB: number;
  pages?: number;
  documents?: number;
}

const [mode, contentDir, outDir, warmArg] = process.argv.slice(2);
const warmRuns = Number(warmArg ?? 0);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<ChildResult> {
  if (!contentDir || !outDir) throw new Error('usage: child.ts build|plan-pdf|typst <content> <out> <warm runs>');
  const dirs = { contentDir, templatesDir: 'templates', fontsDir: 'fonts', outDir };
  await mkdir(outDir, { recursive: true });

  if (mode === 'build') {
    const { build } = await import('../src/pipeline/build.js');
    const ready = performance.now();
    const first = await timed(() => build(dirs));
    const peak = peakMB();
    const warm: number[] = [];
    const warmStages: Record<string, number>[] = [];
    for (let i = 0; i < warmRuns; i++) {
      // A fresh output folder: with the previous manifest there, build() would reuse every file and render nothing.
      const r = await timed(() => build({ ...dirs, outDir: `${outDir}-warm${i + 1}` }));
      warm.push(r.ms);
      warmStages.push(r.value.timings);
    }
    return { mode, ready, cold: first.ms, stages: first.value.timings, warm, warmStages, peakMB: peak, documents: first.value.documents.length };
  }

  if (mode === 'plan-pdf') {
    const [{ loadPlan }, { loadTemplates }, { planView }, { writers }] = await Promise.all([
      import('../src/content/load.js'),
      import('../src/compose/compose.js'),
      import('../src/compose/view.js'),
      import('../src/writers/index.js'),
    ]);
    const ready = performance.now();
    const once = async () => {
      const stages: Record<string, number> = {};
      const t = async <T>(name: string, f: () => Promise<T> | T) => { const r = await timed(async () => f()); stages[name] = r.ms; return r.value; };
      const [plan, templates] = await t('load', () => Promise.all([loadPlan(contentDir), loadTemplates(dirs.templatesDir)]));
      const model = await t('compose', () => templates.render('plan', planView(plan)));
      const bytes = await t('pdf', () => writers.pdf.write(model, { fontsDir: dirs.fontsDir }));
      await t('write', () => writeFile(path.join(outDir, 'plan.pdf'), bytes));
      return stages;
    };
    return runs(ready, once);
  }

  if (mode === 'typst') {
    const [{ loadPlan }, { loadTemplates }, { planView }, typst] = await Promise.all([
      import('../src/content/load.js'),
      import('../src/compose/compose.js'),
      import('../src/compose/view.js'),
      import('./typst.js'),
    ]);
    const ready = performance.now();
    let pages = 0;
    const compiler = typst.createCompiler(dirs.fontsDir);
    const once = async () => {
      const stages: Record<string, number> = {};
      const t = async <T>(name: string, f: () => Promise<T> | T) => { const r = await timed(async () => f()); stages[name] = r.ms; return r.value; };
      const [plan, templates] = await t('load', () => Promise.all([loadPlan(contentDir), loadTemplates(dirs.templatesDir)]));
      const model = await t('compose', () => templates.render('plan', planView(plan)));
      // Typst memoizes layout between compilations in one process; cleared so a warm run lays out again.
      compiler.evictCache(0);
      const out = await t('pdf', () => typst.renderTypst(compiler, typst.typstSource(model)));
      pages = out.pages;
      await t('write', () => writeFile(path.join(outDir, 'plan-typst.pdf'), out.pdf));
      return stages;
    };
    const result = await runs(ready, once);
    return { ...result, pages };
  }
  throw new Error(`unknown mode ${mode}`);
}

async function runs(ready: number, once: () => Promise<Record<string, number>>): Promise<ChildResult> {
  const first = await timed(once);
  const peak = peakMB();
  const warm: number[] = [];
  const warmStages: Record<string, number>[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const r = await timed(once);
    warm.push(r.ms);
    warmStages.push(r.value);
  }
  return { mode: mode!, ready, cold: first.ms, stages: first.value, warm, warmStages, peakMB: peak };
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
