// Preload (`node --import`) that appends the URL of every ES module the process loads to the file RECORD_LOADS
// names: which compiled chunks a command brings in. The same file is the hooks module, on the loader's thread.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.RECORD_LOADS, `${url}\n`);
  return next(url, context);
}

if (isMainThread) register(import.meta.url);
