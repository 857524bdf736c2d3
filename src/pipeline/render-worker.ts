// A rendering thread: receives (format, document model) tasks and answers with the file's bytes.
import { parentPort } from 'node:worker_threads';
import type { DocumentModel } from '../document/types.js';
import { writers, type Format } from '../writers/index.js';
import { collectGarbage } from './memory.js';

export interface RenderTask {
  id: number;
  format: Format;
  model: DocumentModel;
  fontsDir: string;
}
export type RenderAnswer = { id: number; bytes: Uint8Array; ms: number } | { id: number; error: string };

parentPort!.on('message', async (task: RenderTask) => {
  const t0 = performance.now();
  try {
    const bytes = await writers[task.format].write(task.model, { fontsDir: task.fontsDir, betweenPages: collectGarbage });
    parentPort!.postMessage({ id: task.id, bytes, ms: performance.now() - t0 } satisfies RenderAnswer, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: task.id, error: (e as Error).stack ?? String(e) } satisfies RenderAnswer);
  }
  collectGarbage();
});
