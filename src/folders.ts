// The folders a build is given, checked before anything is read or written: no empty names, a content
// folder that is a folder, and an output folder that is none of the project's own folders (a build owns its
// output folder and removes documents from it).
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import { PROJECT_ROOT } from './project.js';

/** Folders of the project that must never be written over. */
const OWN = ['.', 'content', 'templates', 'fonts', 'src', 'test', 'bin', 'docs', 'scripts', 'bench', 'node_modules', '.git'];

const inside = (parent: string, child: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export interface Folders {
  contentDir: string;
  templatesDir: string;
  fontsDir: string;
  outDir: string;
}

export async function checkFolders(f: Folders): Promise<void> {
  for (const [option, value] of Object.entries({ content: f.contentDir, templates: f.templatesDir, fonts: f.fontsDir, out: f.outDir })) {
    if (value.trim() === '') throw new UsageError(`Empty --${option}, expected a folder name`);
  }
  const out = path.resolve(f.outDir);
  const own = [...OWN.map((d) => path.join(PROJECT_ROOT, d)), f.contentDir, f.templatesDir, f.fontsDir].map((d) => path.resolve(d));
  for (const dir of own) {
    if (inside(out, dir) || (dir !== PROJECT_ROOT && inside(dir, out))) {
      const shown = path.relative(process.cwd(), dir) || '.';
      throw new UsageError(
        `Output folder \`${f.outDir}\` ${out === dir ? 'is' : inside(out, dir) ? 'holds' : 'is inside'} \`${shown}\`, one of the project's own folders; expected a folder of its own for the output (default: out/)`,
      );
    }
  }
  for (const [option, dir] of Object.entries({ content: f.contentDir, templates: f.templatesDir, fonts: f.fontsDir })) await checkFolder(option, dir);
  const o = await stat(out).catch(() => null);
  if (o && !o.isDirectory()) throw new UsageError(`Output folder \`${f.outDir}\` is a file, expected a folder (--out DIR)`);
}

/** `dir`, given as `--<option>`, must be an existing folder: a plain usage message otherwise. */
export async function checkFolder(option: string, dir: string): Promise<void> {
  if (dir.trim() === '') throw new UsageError(`Empty --${option}, expected a folder name`);
  const s = await stat(dir).catch(() => null);
  if (!s) throw new UsageError(`No ${option} folder \`${dir}\`, expected a folder (--${option} DIR)`);
  if (!s.isDirectory()) throw new UsageError(`\`${dir}\` is a file, expected the ${option} folder (--${option} DIR)`);
}

/**
 * The files in `dir` (below it too when `recursive`), as relative paths with forward slashes, in no set order: hidden
 * names left out unless `dot`, links followed (but not a link back to a folder above it, which would loop). A
 * folder that is not there has none; any other error reading it is thrown. What the glob library gave for `*` and
 * `**` patterns, without loading it on every start.
 */
export async function filesIn(dir: string, { recursive = false, dot = false } = {}): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string, seen: Set<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if (rel === '' && ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
      throw e;
    }
    for (const entry of entries) {
      if (!dot && entry.name.startsWith('.')) continue;
      const sub = rel ? `${rel}/${entry.name}` : entry.name;
      const target = entry.isSymbolicLink() ? await stat(path.join(dir, sub)).catch(() => null) : entry;
      if (target?.isFile()) found.push(sub);
      else if (recursive && target?.isDirectory()) {
        const real = await realpath(path.join(dir, sub));
        if (!seen.has(real)) await walk(sub, new Set([...seen, real]));
      }
    }
  };
  await walk('', new Set([await realpath(dir).catch(() => path.resolve(dir))]));
  return found;
}
