// The benchmark's tables (Markdown pipe tables: readable in a terminal and in bench/RESULTS.md) and the targets.
import os from 'node:os';
import type { IncrementalResult } from './incremental.js';
import { median, type LibreOfficeRun, type ProcessRun, type Timed } from './measure.js';

/** One interleaved round of a workload: each route once, in fresh processes. */
export interface Round {
  ours: Timed;
  libreOffice: LibreOfficeRun;
  typst: ProcessRun;
  planPdf: ProcessRun;
}

export interface WorkloadResult {
  name: string;
  items: number;
  rounds: Round[];
  /** A separate fresh process running build() once, for its stage timings. */
  stages: ProcessRun;
  planPages: number;
}

/** build()'s stages in the order they run; any stage not listed here is shown after them. */
const STAGE_ORDER = ['load', 'lint', 'compose', 'fonts', 'check', 'render', 'docx', 'pdf', 'write'];

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
const ratio = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '–');
const mb = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${x} MB`);

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Medians of one workload, as the tables and targets read them. */
export function figures(w: WorkloadResult) {
  const m = (f: (r: Round) => number) => median(w.rounds.map(f));
  const ours = m((r) => r.ours.wall);
  const lo = m((r) => r.libreOffice.ms);
  const planOurs = m((r) => r.planPdf.wall);
  const planTypst = m((r) => r.typst.wall);
  const peaks = w.rounds.map((r) => r.ours.peakMB).filter((x): x is number => x !== null);
  return {
    ours,
    lo,
    planOurs,
    planTypst,
    /** Highest over the rounds: memory is a limit, not an average. */
    peak: peaks.length ? Math.max(...peaks) : w.stages.peakMB,
    loRatio: lo / ours,
    typstRatio: planTypst / planOurs,
  };
}

export function routesTable(results: WorkloadResult[]): string {
  return table(
    [
      'workload',
      'plan pages ours / LO / Typst',
      '`npm run build` (all docs, DOCX + PDF)',
      'its peak RSS',
      'LibreOffice: DOCX set → PDF',
      'LO ÷ ours',
      'plan PDF alone, ours (process)',
      'plan PDF, Typst (process)',
      'Typst ÷ ours',
      'plan PDF peak RSS ours / Typst',
    ],
    results.map((w) => {
      const f = figures(w);
      const r0 = w.rounds[0]!;
      return [
        w.name,
        `${w.planPages} / ${r0.libreOffice.planPages} / ${r0.typst.pages ?? '–'}`,
        s(f.ours),
        mb(f.peak),
        `${s(f.lo)} (${r0.libreOffice.converted}/${r0.libreOffice.files} files)`,
        ratio(f.loRatio),
        `${s(f.planOurs)} (pdf ${s(median(w.rounds.map((r) => r.planPdf.stages.pdf ?? NaN)))})`,
        `${s(f.planTypst)} (pdf ${s(median(w.rounds.map((r) => r.typst.stages.pdf ?? NaN)))})`,
        ratio(f.typstRatio),
        `${r0.planPdf.peakMB} / ${r0.typst.peakMB} MB`,
      ];
    }),
  );
}

export function buildTable(results: WorkloadResult[]): string {
  const seen = new Set(results.flatMap((w) => Object.keys(w.stages.stages)));
  const names = [...STAGE_ORDER.filter((st) => seen.has(st)), ...[...seen].filter((st) => !STAGE_ORDER.includes(st)).sort()];
  return table(
    ['workload', 'docs', 'modules loaded', 'build()', 'peak RSS', ...names],
    results.map((w) => [
      w.name,
      String(w.stages.documents ?? ''),
      s(w.stages.ready),
      s(w.stages.cold),
      `${w.stages.peakMB} MB`,
      ...names.map((st) => s(w.stages.stages[st] ?? NaN)),
    ]),
  );
}

export function incrementalTable(r: IncrementalResult): string {
  return table(
    ['route', `median of ${r.rounds}`, 'files rendered'],
    [
      ['full rebuild, warm process', s(r.fullWarm), 'all'],
      ['incremental, warm process (build --watch)', s(r.incrementalWarm), `${r.rendered.length}: ${r.rendered.join(', ')}`],
      ['incremental, fresh process: `npm run build`', s(r.incrementalNpm), 'same'],
      ['incremental, fresh process: `node bin/plan-pipeline.js build`', s(r.incrementalCommand), 'same'],
    ],
  );
}

/** The cost exponent k in time ∝ items^k between two workloads (1 = linear). */
export function exponent(a: { items: number; ms: number }, b: { items: number; ms: number }): number {
  return Math.log(b.ms / a.ms) / Math.log(b.items / a.items);
}

export function targetsTable(results: WorkloadResult[], incremental: IncrementalResult | null): { text: string; misses: number } {
  const rows: string[][] = [];
  const check = (target: string, measured: string, ok: boolean) => rows.push([target, measured, ok ? 'MET' : 'MISSED']);
  const seed = results.find((w) => w.name.startsWith('seed'));
  const mid = results.find((w) => w.items === 300);
  const big = results.find((w) => w.items === 1000);
  if (seed) {
    const f = figures(seed);
    check(
      'seed, whole build (fresh process) vs LibreOffice converting the same DOCX set ≥ 3×',
      `${ratio(f.loRatio)} (${s(f.lo)} / ${s(f.ours)})`,
      f.loRatio >= 3,
    );
  }
  if (big) {
    const f = figures(big);
    check('1000 items / 50 departments, whole build vs LibreOffice ≥ 10×', `${ratio(f.loRatio)} (${s(f.lo)} / ${s(f.ours)})`, f.loRatio >= 10);
  }
  for (const w of results) {
    const f = figures(w);
    check(`plan PDF alone vs Typst, fresh process, ${w.items} items ≥ 1×`, `${ratio(f.typstRatio)} (${s(f.planTypst)} / ${s(f.planOurs)})`, f.typstRatio >= 1);
  }
  if (big) {
    const f = figures(big);
    check('1000 items / 50 departments, peak memory ≤ 400 MB', mb(f.peak), f.peak <= 400);
  }
  if (incremental)
    check('one-item change, fresh process (`npm run build`), incremental ≤ 1.0 s', s(incremental.incrementalNpm), incremental.incrementalNpm <= 1000);
  if (mid && big) {
    const k = exponent({ items: mid.items, ms: figures(mid).ours }, { items: big.items, ms: figures(big).ours });
    check(
      'cost from 300 to 1000 items linear or better (exponent ≤ 1)',
      `exponent ${k.toFixed(3)} (${s(figures(mid).ours)} → ${s(figures(big).ours)})`,
      k <= 1,
    );
  }
  return { text: table(['target', 'measured', 'result'], rows), misses: rows.filter((r) => r[2] === 'MISSED').length };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `nproc ${os.availableParallelism()}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
