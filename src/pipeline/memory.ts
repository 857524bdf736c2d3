// Memory between documents: one full collection once the heap is large, on the main thread and in each render thread.
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Between two documents, what the last one allocated is garbage; V8 left alone lets it pile up over dozens of
 * documents (a 300-item build grew from 50 to 300 MB of heap, almost all of it dead, before one full collection).
 * Collected here once the heap passes this size, so the peak is about the live data plus one document's work.
 */
const COLLECT_ABOVE = 160 * 1024 * 1024;
let collect: (() => void) | undefined;

export function collectBetweenDocuments(): void {
  if (process.memoryUsage().heapUsed < COLLECT_ABOVE) return;
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
