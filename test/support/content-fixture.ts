// Copies the shipped content to a scratch folder inside the project (so messages name short relative paths)
// and lets a test rewrite one file.
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { afterEach, beforeEach } from 'vitest';
import path from 'node:path';

export const SCRATCH = '.tmp';

export interface ContentFixture {
  dir: string;
  /** Path as messages print it, e.g. `.tmp/content-x1/items/05.yaml`. */
  display(rel: string): string;
  read(rel: string): Promise<string>;
  write(rel: string, text: string): Promise<void>;
  /** Replaces `from` with `to` in a file; fails the test if `from` is not there. */
  edit(rel: string, from: string, to: string): Promise<void>;
  remove(): Promise<void>;
}

export async function contentFixture(source = 'content'): Promise<ContentFixture> {
  await mkdir(SCRATCH, { recursive: true });
  const dir = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'content-')));
  // The plan as written, without the issued versions a developer may have recorded in content/issued/.
  await cp(source, dir, { recursive: true, filter: (from) => path.basename(from) !== 'issued' });
  const full = (rel: string) => path.join(dir, rel);
  return {
    dir,
    display: (rel) => full(rel).split(path.sep).join('/'),
    read: (rel) => readFile(full(rel), 'utf8'),
    write: (rel, text) => writeFile(full(rel), text),
    async edit(rel, from, to) {
      const text = await readFile(full(rel), 'utf8');
      if (!text.includes(from)) throw new Error(`fixture: ${rel} has no ${JSON.stringify(from)}`);
      await writeFile(full(rel), text.replace(from, to));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`positionOf: ${JSON.stringify(needle)} not found`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A fresh copy of the content for every test of the file, removed after each: `const fx = contentPerTest();`. */
export function contentPerTest(): ContentFixture {
  let current: ContentFixture | null = null;
  beforeEach(async () => {
    current = await contentFixture();
  });
  afterEach(async () => {
    await current?.remove();
    current = null;
  });
  const fx = () => {
    if (!current) throw new Error('contentPerTest: used outside a test');
    return current;
  };
  return {
    get dir() {
      return fx().dir;
    },
    display: (rel) => fx().display(rel),
    read: (rel) => fx().read(rel),
    write: (rel, text) => fx().write(rel, text),
    edit: (rel, from, to) => fx().edit(rel, from, to),
    remove: () => fx().remove(),
  };
}
