// Where the project's own folders are, whatever the working directory: the command works from any folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `from` holding package.json: src/ from the sources, dist/<hash>/ compiled. */
function rootAbove(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** The folder holding package.json, content/, templates/, fonts/ and out/. */
export const PROJECT_ROOT = rootAbove(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, made relative to the working directory when that is shorter to read. */
export function projectPath(rel: string): string {
  const full = path.join(PROJECT_ROOT, rel);
  const fromHere = path.relative(process.cwd(), full);
  return fromHere.startsWith('..') || path.isAbsolute(fromHere) ? full : fromHere || '.';
}
