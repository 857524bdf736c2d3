// Renders documents on the main thread and, where asked for (PLAN_PIPELINE_THREADS, or the long-lived pool of
// `build --watch` and the workspace), on worker threads, all taking jobs from one queue. Writers are pure (model in,
// bytes out), so which thread renders a job never changes its bytes.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../document/types.js';
import { writers, type Format } from '../writers/index.js';
import { collectGarbage } from './memory.js';
import type { RenderAnswer, RenderTask } from './render-worker.js';

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
  /** Why the thread stopped, once it has: its jobs are refused from then on. */
  stopped?: Error;
}

/** Rough cost of a job, to start the longest first: PDF layout costs about three times DOCX. */
export function cost(job: RenderJob): number {
  return (job.size ?? JSON.stringify(job.model).length) * (job.format === 'pdf' ? 3 : 1);
}

/** PLAN_PIPELINE_THREADS=n: render on n worker threads besides the main one. */
function threadsFromEnvironment(): number | undefined {
  const n = Number(process.env.PLAN_PIPELINE_THREADS);
  return process.env.PLAN_PIPELINE_THREADS && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * A pool for one build: the main thread alone, unless PLAN_PIPELINE_THREADS asks for threads. Measured on 2 idle
 * cores (bench/RESULTS.md, 2026-12-02): one render thread, even started before the build loads anything, made the
 * seed 2.0 → 2.2 s and 300 items 7.4 → 7.6 s, and won only at 1000 items (28.3 → 25.7 s) for 85 MB more (375 → 461
 * MB): a thread parses the fonts, shapes every word and compiles the writers again for itself.
 */
export function poolFor(): RenderPool {
  return new RenderPool(threadsFromEnvironment() ?? 0);
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
      const slot: Slot = { worker };
      // Listened to from the start: a thread can also fail between two jobs.
      worker.on('error', (e) => (slot.stopped ??= e));
      worker.on('exit', (code) => (slot.stopped ??= new Error(`the render thread stopped (exit code ${code})`)));
      this.slots.push(slot);
    }
    return this.slots[i]!;
  }

  private runOnWorker(slot: Slot, job: RenderJob, fontsDir: string): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (slot.stopped) return reject(slot.stopped);
      const finish = () => {
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onStop);
        slot.worker.off('exit', onStop);
      };
      const onMessage = (answer: RenderAnswer) => {
        if (answer.id !== id) return;
        finish();
        if ('error' in answer) reject(new Error(`rendering ${job.format} in a worker failed: ${answer.error}`));
        else resolve(answer.bytes);
      };
      const onStop = () => {
        finish();
        reject(slot.stopped ?? new Error('the render thread stopped'));
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onStop);
      slot.worker.once('exit', onStop);
      slot.worker.postMessage({ id, format: job.format, model: job.model, fontsDir } satisfies RenderTask);
    });
  }

  /** Renders every job, handing each file to `done` (with the job's index) as soon as it is ready. */
  async renderAll(jobs: RenderJob[], fontsDir: string, done: (index: number, bytes: Uint8Array, ms: number) => Promise<void>): Promise<void> {
    const queue = jobs.map((job, index) => ({ job, index, cost: cost(job) })).sort((a, b) => b.cost - a.cost);
    // The main thread starts from the biggest job, the threads from the smallest: a thread copies every model it is
    // sent, and a copy of the whole plan's would add its size to the peak for nothing.
    const lane = async (take: () => (typeof queue)[number] | undefined, render: (job: RenderJob) => Promise<Uint8Array>) => {
      for (let next = take(); next; next = take()) {
        const t0 = performance.now();
        const bytes = await render(next.job);
        await done(next.index, bytes, performance.now() - t0);
        collectGarbage();
      }
    };
    const threads = Math.min(this.workers, Math.max(0, jobs.length - 1));
    await Promise.all([
      lane(
        () => queue.shift(),
        (job) => writers[job.format].write(job.model, { fontsDir, betweenPages: collectGarbage }),
      ),
      ...Array.from({ length: threads }, (_, i) =>
        lane(
          () => queue.pop(),
          (job) => this.runOnWorker(this.slot(i), job, fontsDir),
        ),
      ),
    ]);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
