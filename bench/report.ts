// The benchmark's tables (Markdown pipe tables: readable in a terminal and in bench/RESULTS.md) and the targets.
import os from 'node:os';
import { median, medianStages, type LibreOfficeRun, type ProcessRun } from './measure.js';

export interface WorkloadResult {
  name: string;
  items: number;
  departments: number;
  builds: ProcessRun[];
  planPdf: ProcessRun;
  typst: ProcessRun;
  libreOffice: LibreOfficeRun;
  planPages: number;
}

/** build()'s stages in the order they run; any stage not listed here is shown after them. */
const STAGE_ORDER = ['load', 'changes', 'compose', 'check', 'render', 'docx', 'pdf', 'write'];
/** Stages timed per job: when jobs run on several threads (stage `render` is then their wall time), they overlap. */
const PER_JOB = new Set(['docx', 'pdf']);

export function stageNames(results: WorkloadResult[]): string[] {
  const seen = new Set(results.flatMap((w) => w.builds.flatMap((b) => Object.keys(b.stages))));
  return [...STAGE_ORDER.filter((st) => seen.has(st)), ...[...seen].filter((st) => !STAGE_ORDER.includes(st)).sort()];
}

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
const ratio = (x: number) => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Figures of one workload, as the tables and targets read them. */
export function figures(w: WorkloadResult) {
  const cold = median(w.builds.map((b) => b.cold));
  const coldProcess = median(w.builds.map((b) => b.ready + b.cold));
  const warm = median(w.builds.flatMap((b) => b.warm));
  const peak = Math.max(...w.builds.map((b) => b.peakMB));
  const stages = medianStages(w.builds.map((b) => b.stages));
  // The stage that dominates the wall time: per-job stages count only when nothing else times the rendering.
  const wall = Object.keys(stages).filter((st) => !(PER_JOB.has(st) && 'render' in stages));
  const dominant = wall.sort((a, b) => stages[b]! - stages[a]!)[0]!;
  const inside = dominant === 'render' ? ` (pdf ${s(stages.pdf ?? NaN)}, docx ${s(stages.docx ?? NaN)} summed over jobs)` : '';
  return { cold, coldProcess, warm, peak, stages, dominant: `${dominant} ${Math.round((100 * stages[dominant]!) / cold)} %${inside}` };
}

export function buildTable(results: WorkloadResult[]): string {
  const names = stageNames(results);
  return table(
    ['workload', 'docs', 'plan pages', 'runs', 'cold process', 'cold build()', 'warm build()', 'peak RSS', ...names],
    results.map((w) => {
      const f = figures(w);
      return [
        w.name, String(w.builds[0]!.documents ?? ''), String(w.planPages), String(w.builds.length),
        s(f.coldProcess), s(f.cold), s(f.warm), `${f.peak} MB`, ...names.map((st) => s(f.stages[st] ?? NaN)),
      ];
    }),
  );
}

/** "0.73 s (pdf 0.36 s) / 0.43 s": a plan-PDF route's cold run, its PDF stage, and its warm runs. */
function route(r: ProcessRun): string {
  return `${s(r.cold)} (pdf ${s(r.stages.pdf ?? NaN)}) / ${s(median(r.warm))}`;
}

export function routesTable(results: WorkloadResult[]): string {
  return table(
    ['workload', 'ours: all docs (cold build)', 'LibreOffice: DOCX set → PDF', 'LO ÷ ours', 'plan PDF ours: cold (pdf stage) / warm', 'plan PDF Typst: cold (pdf stage) / warm', 'Typst ÷ ours (cold)', 'peak RSS plan ours / Typst', 'plan pages ours / LO / Typst'],
    results.map((w) => {
      const f = figures(w);
      return [
        w.name, s(f.cold), `${s(w.libreOffice.ms)} (${w.libreOffice.converted}/${w.libreOffice.files} files)`, ratio(w.libreOffice.ms / f.cold),
        route(w.planPdf), route(w.typst), ratio(w.typst.cold / w.planPdf.cold),
        `${w.planPdf.peakMB} / ${w.typst.peakMB} MB`, `${w.planPages} / ${w.libreOffice.planPages} / ${w.typst.pages ?? '–'}`,
      ];
    }),
  );
}

export function targetsTable(results: WorkloadResult[]): { text: string; misses: number } {
  const rows: string[][] = [];
  const check = (target: string, measured: string, ok: boolean) => rows.push([target, measured, ok ? 'PASS' : 'MISS']);
  const seed = results.find((w) => w.name.startsWith('seed'));
  const big = results.find((w) => w.items === 1000);
  if (seed) {
    const f = figures(seed);
    check('seed, everything, cold build() ≤ 1.0 s', s(f.cold), f.cold <= 1000);
    check('seed, everything, cold process (node start → all written) ≤ 1.0 s', s(f.coldProcess), f.coldProcess <= 1000);
  }
  if (big) {
    const f = figures(big);
    check('1000 items / 50 depts, everything, cold build() ≤ 5 s', s(f.cold), f.cold <= 5000);
    check('1000 items / 50 depts, peak memory ≤ 300 MB', `${f.peak} MB`, f.peak <= 300);
  }
  for (const w of results) {
    check(`${w.name}: plan PDF no slower than Typst (cold)`, `${s(w.planPdf.cold)} vs ${s(w.typst.cold)}`, w.planPdf.cold <= w.typst.cold);
  }
  for (const w of results) {
    const f = figures(w);
    check(`${w.name}: ≥ 10× faster than the LibreOffice route`, `${ratio(w.libreOffice.ms / f.cold)}`, w.libreOffice.ms / f.cold >= 10);
  }
  return { text: table(['target', 'measured', 'result'], rows), misses: rows.filter((r) => r[2] === 'MISS').length };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `nproc ${os.availableParallelism()}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
