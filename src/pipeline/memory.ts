// Memory while rendering: a full collection once garbage has piled up, between documents and, in a long document,
// between its pages; on the main thread and in each render thread.
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * What a document (or a page) allocated is garbage once it is written, but much of it lives long enough to reach
 * V8's old space, and V8 left alone lets that pile up: a 300-item build grew from 50 to 300 MB of heap, almost all
 * of it dead, before one full collection, and the 1000-item plan's PDF from 120 to 320 MB. Collected here once the
 * heap holds more than GARBAGE above what the last collection left (and is past COLLECT_ABOVE at all), so the peak
 * is about the live data plus that much, for a few collections per long document. 40 MB, not more: since the
 * extracts share the plan's laid-out cells and set lines (some 30 MB kept for the whole 1000-item build), 64 MB
 * took that build's peak to 410 MB; 40 MB keeps it near 375 MB for about 2 % more time.
 */
const COLLECT_ABOVE = 96 * 1024 * 1024;
const GARBAGE = 40 * 1024 * 1024;
let live = 0;
let collect: (() => void) | undefined;

const heapUsed = () => v8.getHeapStatistics().used_heap_size;

export function collectGarbage(): void {
  if (heapUsed() < Math.max(COLLECT_ABOVE, live + GARBAGE)) return;
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
  live = heapUsed();
}
