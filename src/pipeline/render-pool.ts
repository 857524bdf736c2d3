// Renders documents on every core: the main thread and worker threads take jobs from one queue, biggest first.
// Writers are pure (model in, bytes out), so which thread renders a job never changes its bytes.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../document/types.js';
import { writers, type Format } from '../writers/index.js';
import { collectBetweenDocuments } from './memory.js';
import type { RenderAnswer, RenderTask, WarmTask } from './render-worker.js';

export interface RenderJob {
  format: Format;
  model: DocumentModel;
  /** The model's size as JSON, when the caller has it (planning a file serialises the model anyway). */
  size?: number;
}

/** The thread's module: compiled, next to this one in dist/; from the TypeScript sources (tests), through tsx. */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './render-worker-entry.mjs' : './render-worker.js', import.meta.url);

interface Slot {
  worker: Worker;
}

/** Rough cost of a job, to start the longest first: PDF layout costs about three times DOCX. */
export function cost(job: RenderJob): number {
  return (job.size ?? JSON.stringify(job.model).length) * (job.format === 'pdf' ? 3 : 1);
}

/**
 * Below this much work (about three times the seed plan with its extracts) a fresh worker's start-up and
 * cold compilation cost more than it saves: a one-off build then renders on the main thread alone.
 */
export const PARALLEL_FROM = 2_000_000;

/** PLAN_PIPELINE_THREADS=n: render on n worker threads besides the main one, whatever the work (for measuring). */
function threadsFromEnvironment(): number | undefined {
  const n = Number(process.env.PLAN_PIPELINE_THREADS);
  return process.env.PLAN_PIPELINE_THREADS && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Cores no other process is using (the last minute's load average taken off the cores besides ours). A render
 * thread on a core that is not free only competes with the main thread: on 2 cores shared with other work, the
 * 300-item build took 27 s with one thread and 19.5 s without (and a thread's own heap doubles the peak memory).
 */
export function freeCores(): number {
  return Math.max(0, Math.floor(os.availableParallelism() - 1 - os.loadavg()[0]! + 0.5));
}

/**
 * A pool for one build started before it loads anything: a thread on each free core, which loads its modules and
 * reads the fonts while the main thread loads, lints and composes, so that by the time there is something to
 * render its start-up is paid. None where no core is free (PLAN_PIPELINE_THREADS=n sets the number).
 */
export function startedPool(fontsDir: string): RenderPool | undefined {
  const threads = threadsFromEnvironment() ?? freeCores();
  if (!threads) return undefined;
  const pool = new RenderPool(threads);
  pool.warmUp(fontsDir);
  return pool;
}

/** A pool for one build: worker threads only when the work is big enough to pay for them and a core is free. */
export function poolFor(jobs: RenderJob[]): RenderPool {
  const big = jobs.reduce((sum, j) => sum + cost(j), 0) >= PARALLEL_FROM;
  return new RenderPool(threadsFromEnvironment() ?? (big ? freeCores() : 0));
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  /** `workers`: threads besides the main one (default: one per extra core). */
  constructor(readonly workers = Math.max(0, os.availableParallelism() - 1)) {}

  private slot(i: number): Slot {
    while (this.slots.length <= i) {
      const worker = new Worker(WORKER);
      worker.unref();
      this.slots.push({ worker });
    }
    return this.slots[i]!;
  }

  /** Starts every thread now and has it read the fonts. */
  warmUp(fontsDir: string): void {
    for (let i = 0; i < this.workers; i++) this.slot(i).worker.postMessage({ warm: fontsDir } satisfies WarmTask);
  }

  private runOnWorker(slot: Slot, job: RenderJob, fontsDir: string): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (answer: RenderAnswer) => {
        if (answer.id !== id) return;
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        if ('error' in answer) reject(new Error(`rendering ${job.format} in a worker failed: ${answer.error}`));
        else resolve(answer.bytes);
      };
      const onError = (e: Error) => {
        slot.worker.off('message', onMessage);
        reject(e);
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onError);
      slot.worker.postMessage({ id, format: job.format, model: job.model, fontsDir } satisfies RenderTask);
    });
  }

  /** Renders every job, handing each file to `done` (with the job's index) as soon as it is ready. */
  async renderAll(jobs: RenderJob[], fontsDir: string, done: (index: number, bytes: Uint8Array, ms: number) => Promise<void>): Promise<void> {
    const queue = jobs.map((job, index) => ({ job, index, cost: cost(job) })).sort((a, b) => b.cost - a.cost);
    const take = () => queue.shift();
    const lane = async (render: (job: RenderJob) => Promise<Uint8Array>) => {
      for (let next = take(); next; next = take()) {
        const t0 = performance.now();
        const bytes = await render(next.job);
        await done(next.index, bytes, performance.now() - t0);
        collectBetweenDocuments();
      }
    };
    const threads = Math.min(this.workers, Math.max(0, jobs.length - 1));
    await Promise.all([
      lane((job) => writers[job.format].write(job.model, { fontsDir })),
      ...Array.from({ length: threads }, (_, i) => lane((job) => this.runOnWorker(this.slot(i), job, fontsDir))),
    ]);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
