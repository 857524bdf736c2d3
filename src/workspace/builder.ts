// The workspace's builds: one at a time, on one warm render pool, after each save and each change on disk; a
// request while a build runs makes one more build after it. The state of the last build is kept for the pages.
import { EventEmitter } from 'node:events';
import type { Diagnostic } from '../content/diagnostics.js';
import { build } from '../pipeline/build.js';
import { failureOf } from '../pipeline/failure.js';
import type { Manifest } from '../pipeline/manifest.js';
import { RenderPool } from '../pipeline/render-pool.js';
import type { Folders } from './content.js';

export interface BuildState {
  /** Counts every build finished, good or not: the pages wait for a number past the one they saw. */
  sequence: number;
  running: boolean;
  ok: boolean | null;
  finishedAt: string | null;
  ms: number;
  rendered: string[];
  /** Why the last build stopped (content findings, or a plain message). */
  diagnostics: Diagnostic[];
  message: string | null;
  /** The amendment record against the edits: warnings at build, errors at release. */
  amendmentFindings: Diagnostic[];
  /** The last good build's manifest: what out/ holds. */
  manifest: Manifest | null;
}

export class Builder extends EventEmitter {
  readonly state: BuildState = {
    sequence: 0,
    running: false,
    ok: null,
    finishedAt: null,
    ms: 0,
    rendered: [],
    diagnostics: [],
    message: null,
    amendmentFindings: [],
    manifest: null,
  };
  private readonly pool = new RenderPool();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = false;

  constructor(private readonly folders: Folders) {
    super();
  }

  /** Runs `task` when no build or other task is running (a release builds too, and out/ has one lock). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Asks for a build; resolves with the state once a build started after this call has finished. */
  request(): Promise<BuildState> {
    if (this.pending) return this.queue.then(() => this.state);
    this.pending = true;
    return this.exclusive(async () => {
      this.pending = false;
      await this.run();
      return this.state;
    });
  }

  private async run(): Promise<void> {
    const t0 = performance.now();
    this.state.running = true;
    this.emit('change', this.state);
    try {
      const result = await build({ ...this.folders, pool: this.pool });
      Object.assign(this.state, {
        ok: true,
        rendered: result.rendered,
        diagnostics: [],
        message: null,
        amendmentFindings: result.amendmentFindings,
        manifest: result.manifest,
      });
    } catch (e) {
      const failure = failureOf(e);
      const message = failure.diagnostics ? null : failure.kind === 'internal' ? `internal failure (a bug in plan-pipeline): ${failure.text}` : failure.text;
      Object.assign(this.state, { ok: false, diagnostics: failure.diagnostics ?? [], message });
      this.state.rendered = [];
    } finally {
      Object.assign(this.state, {
        running: false,
        sequence: this.state.sequence + 1,
        finishedAt: new Date().toISOString(),
        ms: Math.round(performance.now() - t0),
      });
      this.emit('change', this.state);
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.pool.close();
  }
}
