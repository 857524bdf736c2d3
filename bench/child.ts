// One measured run in a fresh process, started by bench/run.ts (compiled to plain JavaScript first, like the
// command itself); prints one JSON line on stdout.
//
//   child.mjs build <content> <out> <warm runs>          whole build(): plan + extracts, DOCX + PDF
//   child.mjs plan  <content> <out> <warm runs> pdf      our plan PDF alone (load, compose, PDF writer, write)
//   child.mjs plan  <content> <out> <warm runs> typst    the same plan document through Typst (bench/typst.ts)
//
// Times are from performance.now(), whose origin is this process's start: `ready` is when the modules are loaded,
// `cold` the first run's duration, `warm` the durations of the runs after it in the same process (each into an
// empty output folder, so that nothing is reused from the run before).
// `peakMB` is the process's peak resident memory after the first run (process.resourceUsage().maxRSS).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writer } from '../src/writers/index.js';

export interface ChildResult {
  mode: string;
  ready: number;
  cold: number;
  /** Stage → ms of the first run (build mode: build()'s own timings). */
  stages: Record<string, number>;
  warm: number[];
  peakMB: number;
  pages?: number;
  documents?: number;
}

const ready = performance.now();
const [mode, contentDir, outDir, warmArg, writerName] = process.argv.slice(2);
const warmRuns = Number(warmArg ?? 0);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
// Each route loads only its own modules (the bench compiles this file with code splitting).
const PLAN_WRITERS: Record<string, () => Promise<Writer>> = {
  pdf: async () => (await import('../src/writers/index.js')).writers.pdf,
  typst: async () => (await import('./typst.js')).typstWriter,
};

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/** Pages of a PDF, counted from its page objects (our writer and Typst both write them in the clear). */
const pages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  ).length;

async function main(): Promise<ChildResult> {
  if (!contentDir || !outDir) throw new Error('usage: child build|plan <content> <out> <warm runs> [pdf|typst]');
  const dirs = { contentDir, templatesDir: 'templates', fontsDir: 'fonts', outDir };
  await mkdir(outDir, { recursive: true });

  if (mode === 'build') {
    const { build } = await import('../src/pipeline/build.js');
    const first = await timed(() => build(dirs));
    const peak = peakMB();
    const warm: number[] = [];
    // A fresh output folder: with the previous manifest there, build() would reuse every file and render nothing.
    for (let i = 0; i < warmRuns; i++) warm.push((await timed(() => build({ ...dirs, outDir: `${outDir}-warm${i + 1}` }))).ms);
    return { mode, ready, cold: first.ms, stages: first.value.timings, warm, peakMB: peak, documents: first.value.documents.length };
  }

  const route = PLAN_WRITERS[writerName ?? ''];
  if (mode === 'plan' && route) {
    const [writer, { loadPlan }, { loadTemplates }, { planView }] = await Promise.all([
      route(),
      import('../src/content/load.js'),
      import('../src/compose/compose.js'),
      import('../src/compose/view.js'),
    ]);
    let count = 0;
    const once = async () => {
      const stages: Record<string, number> = {};
      const t = async <T>(name: string, f: () => Promise<T> | T) => {
        const r = await timed(async () => f());
        stages[name] = r.ms;
        return r.value;
      };
      const [plan, templates] = await t('load', () => Promise.all([loadPlan(contentDir), loadTemplates(dirs.templatesDir)]));
      const model = await t('compose', () => templates.render('plan', planView(plan)));
      const bytes = await t('pdf', () => writer.write(model, { fontsDir: dirs.fontsDir }));
      count = pages(bytes);
      await t('write', () => writeFile(path.join(outDir, `plan-${writerName}.pdf`), bytes));
      return stages;
    };
    const first = await timed(once);
    const peak = peakMB();
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push((await timed(once)).ms);
    return { mode: `${mode} ${writerName}`, ready, cold: first.ms, stages: first.value, warm, peakMB: peak, pages: count };
  }
  throw new Error(`unknown mode ${mode} ${writerName ?? ''}`);
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
