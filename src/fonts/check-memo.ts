// The font check's passes remembered between processes. Proving a face undamaged means laying out and subsetting
// the letters of both editions (about 30 ms a face in a fresh process, an eighth of a small build), and the answer
// depends only on the font's bytes and the text: a pass is kept under the hash of both, in the project's
// node_modules/.cache. Only passes are kept, so a damaged font is checked, and reported, every time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { PROJECT_ROOT } from '../project.js';

const FILE = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'plan-pipeline', 'font-checks.json');

/** The newest passes kept: every change to the documents' set of characters is a new one. */
const KEEP = 200;

let passes: string[] | undefined;
function known(): string[] {
  if (!passes) {
    try {
      const list: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
      passes = Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
    } catch {
      passes = [];
    }
  }
  return passes;
}

/** What a pass rests on besides the font and the text: the fontkit that subsets (pdfkit's), and this check's own rules. */
function checker(): string {
  const main = createRequire(createRequire(import.meta.url).resolve('pdfkit')).resolve('fontkit');
  let dir = path.dirname(main);
  while (!dir.endsWith(`${path.sep}fontkit`) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return `fontkit@${version} subset-encode v1`;
}
let checkedBy: string | undefined;

export const checkKey = (fontDigest: string, text: string) =>
  createHash('sha256')
    .update((checkedBy ??= checker()))
    .update('\0')
    .update(fontDigest)
    .update('\0')
    .update(text)
    .digest('hex');

export const passedBefore = (key: string) => known().includes(key);

/** Remembers a pass; where the cache cannot be written (a read-only install), it is simply not kept. */
export function rememberPass(key: string): void {
  const list = known();
  if (list.includes(key)) return;
  list.push(key);
  list.splice(0, Math.max(0, list.length - KEEP));
  try {
    mkdirSync(path.dirname(FILE), { recursive: true });
    const tmp = `${FILE}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, JSON.stringify(list));
    renameSync(tmp, FILE);
  } catch {
    // Not kept: the next process checks again.
  }
}
