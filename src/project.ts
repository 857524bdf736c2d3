// Where the project's own folders are, whatever the working directory: the command works from any folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, content/, templates/, fonts/ and out/. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A path inside the project, made relative to the working directory when that is shorter to read. */
export function projectPath(rel: string): string {
  const full = path.join(PROJECT_ROOT, rel);
  const fromHere = path.relative(process.cwd(), full);
  return fromHere.startsWith('..') || path.isAbsolute(fromHere) ? full : fromHere || '.';
}
