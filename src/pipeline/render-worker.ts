// A rendering thread: receives (format, document model) tasks and answers with the file's bytes.
import { parentPort } from 'node:worker_threads';
import type { DocumentModel } from '../document/types.js';
import { loadFontTable } from '../fonts/coverage.js';
import { fontMetrics } from '../layout/fonts.js';
import { writers, type Format } from '../writers/index.js';
import { collectBetweenDocuments } from './memory.js';

export interface RenderTask {
  id: number;
  format: Format;
  model: DocumentModel;
  fontsDir: string;
}
/** Sent to a thread as it starts: read the fonts now, while the main thread is still composing. */
export interface WarmTask {
  warm: string;
}
export type RenderAnswer = { id: number; bytes: Uint8Array; ms: number } | { id: number; error: string };

parentPort!.on('message', async (task: RenderTask | WarmTask) => {
  if ('warm' in task) {
    await loadFontTable(task.warm).then(
      ({ table }) => fontMetrics(table),
      () => undefined,
    );
    return;
  }
  const t0 = performance.now();
  try {
    const bytes = await writers[task.format].write(task.model, { fontsDir: task.fontsDir });
    parentPort!.postMessage({ id: task.id, bytes, ms: performance.now() - t0 } satisfies RenderAnswer, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: task.id, error: (e as Error).stack ?? String(e) } satisfies RenderAnswer);
  }
  collectBetweenDocuments();
});
