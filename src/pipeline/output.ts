// All output goes through here, as one transaction per build:
// - one build at a time per output folder (`lock.ts`);
// - each file is staged beside its target under a hidden temporary name as soon as it is rendered;
// - when every document has rendered, a journal naming every rename and removal is written (atomically), then
//   the renames and removals are carried out and the journal is deleted. A build interrupted before the journal
//   existed is rolled back by the next start (its temporary files removed); one interrupted after is completed.
//   So the set of documents and the manifest switch from old to new together.
// - removal only ever touches a document file found under the output folder by a normalised relative path.
import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { lockOutput } from './lock.js';
import { outputFs } from './output-fs.js';
import { OutputError, outputError } from './output-errors.js';

const TEMP = /^\..+\.\d+\.tmp$/;
export const JOURNAL = '.plan-pipeline.journal.json';
/** Only documents are ever removed by a build. */
const REMOVABLE = /\.(docx|pdf)$/;

export { outputFs };

/**
 * `rel` as a safe path below the output folder (forward slashes), or null: relative, normalised, no `..`,
 * no hidden or drive-letter parts, no backslashes.
 */
export function safeRelative(rel: unknown): string | null {
  if (typeof rel !== 'string' || rel === '' || rel.length > 255 || /[\\:\0]/.test(rel) || rel.startsWith('/')) return null;
  if (path.posix.normalize(rel) !== rel) return null;
  if (rel.split('/').some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) return null;
  return rel;
}

async function listFiles(outDir: string): Promise<Map<string, 'file' | 'other'>> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const found = new Map<string, 'file' | 'other'>();
  for (const e of entries) found.set(path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), e.isFile() ? 'file' : 'other');
  return found;
}

/** Removes documents an earlier build made that this one no longer makes, only files found under `outDir`. */
async function removeOutputs(outDir: string, names: string[]): Promise<string[]> {
  const found = await listFiles(outDir);
  const removed: string[] = [];
  for (const name of names) {
    const rel = safeRelative(name);
    if (!rel || !REMOVABLE.test(rel) || found.get(rel) !== 'file') continue;
    const full = path.join(outDir, rel);
    if (!(await lstat(full)).isFile()) continue;
    await outputFs.rm(full, { force: true });
    removed.push(rel);
  }
  return removed;
}

interface Journal {
  renames: [string, string][];
  removes: string[];
}

function readJournal(text: string): Journal | null {
  try {
    const j = JSON.parse(text) as Journal;
    if (!Array.isArray(j.renames) || !Array.isArray(j.removes)) return null;
    // A temporary file lives beside its target: same folder, a hidden name of our pattern.
    const ok = j.renames.every(
      (r) =>
        Array.isArray(r) &&
        r.length === 2 &&
        safeRelative(r[1]) &&
        typeof r[0] === 'string' &&
        TEMP.test(path.posix.basename(r[0])) &&
        path.posix.dirname(r[0]) === path.posix.dirname(r[1]),
    );
    return ok ? j : null;
  } catch {
    return null;
  }
}

async function carryOut(outDir: string, journal: Journal): Promise<string[]> {
  for (const [temp, target] of journal.renames) {
    const from = path.join(outDir, temp);
    if (
      await lstat(from).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      await outputFs.rename(from, path.join(outDir, target));
  }
  const removed = await removeOutputs(outDir, journal.removes);
  await outputFs.rm(path.join(outDir, JOURNAL), { force: true });
  return removed;
}

/**
 * What an interrupted build left: completes it when its journal was written, then removes temporary files
 * (rolling back a build interrupted before that). Call only while holding the output folder's lock.
 */
export async function recoverOutput(outDir: string): Promise<string | null> {
  let note: string | null = null;
  const text = await readFile(path.join(outDir, JOURNAL), 'utf8').catch(() => null);
  if (text !== null) {
    const journal = readJournal(text);
    if (journal) {
      await carryOut(outDir, journal);
      note = `completed the interrupted build in ${outDir} (its files were all rendered)`;
    } else await outputFs.rm(path.join(outDir, JOURNAL), { force: true });
  }
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const temps = entries.filter((e) => e.isFile() && TEMP.test(e.name));
  await Promise.all(temps.map((e) => outputFs.rm(path.join(e.parentPath, e.name), { force: true })));
  if (temps.length && !note) note = `rolled back an interrupted build in ${outDir} (${temps.length} unfinished file${temps.length === 1 ? '' : 's'} removed)`;
  return note;
}

export class StagedOutput {
  /** Target → temporary name, both relative to the output folder. */
  private readonly staged = new Map<string, string>();

  constructor(readonly outDir: string) {}

  get size(): number {
    return this.staged.size;
  }

  /** Writes `bytes` for `name` (relative to the output folder) under a temporary name. */
  async stage(name: string, bytes: Uint8Array | string): Promise<void> {
    if (this.staged.has(name)) throw new Error(`two documents would be written to ${name}`);
    const rel = safeRelative(name);
    if (!rel) throw new Error(`unsafe output name ${JSON.stringify(name)}`);
    const temp = path.posix.join(path.posix.dirname(rel), `.${path.posix.basename(rel)}.${process.pid}.tmp`);
    this.staged.set(rel, temp);
    await this.refuseLinks(rel);
    try {
      await outputFs.mkdir(path.dirname(path.join(this.outDir, rel)), { recursive: true });
      await outputFs.writeFile(path.join(this.outDir, temp), bytes);
    } catch (e) {
      throw outputError(e, this.outDir);
    }
  }

  private readonly checked = new Set<string>();

  /** A folder inside the output folder that is a link would take the build's files (and renames) elsewhere. */
  private async refuseLinks(rel: string): Promise<void> {
    const parts = rel.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join('/');
      if (this.checked.has(sub)) continue;
      const info = await lstat(path.join(this.outDir, sub)).catch(() => null);
      if (info && !info.isDirectory()) {
        throw new OutputError(
          `Cannot write to \`${path.join(this.outDir, sub)}\`: it is ${info.isSymbolicLink() ? 'a link' : 'a file'}, expected a folder inside the output folder (remove it and build again)`,
          2,
        );
      }
      this.checked.add(sub);
    }
  }

  /** Stages `bytes` only when the file there does not already hold them (a build with nothing to do writes nothing). */
  async stageIfChanged(name: string, bytes: string): Promise<boolean> {
    const now = await readFile(path.join(this.outDir, name), 'utf8').catch(() => null);
    if (now === bytes) return false;
    await this.stage(name, bytes);
    return true;
  }

  /**
   * Puts every staged file in place and removes `stale` documents, as one journaled step (the manifest last).
   * Returns the documents actually removed.
   */
  async commit(stale: string[], last: string): Promise<string[]> {
    const found = await listFiles(this.outDir);
    const removes = stale.filter((s) => found.get(s) === 'file');
    if (this.staged.size === 0 && removes.length === 0) return [];
    const renames = [...this.staged].sort(([a], [b]) => Number(a === last) - Number(b === last)).map(([target, temp]) => [temp, target] as [string, string]);
    const journal: Journal = { renames, removes };
    try {
      const temp = `.${JOURNAL}.${process.pid}.tmp`;
      await outputFs.mkdir(this.outDir, { recursive: true });
      await outputFs.writeFile(path.join(this.outDir, temp), JSON.stringify(journal));
      await outputFs.rename(path.join(this.outDir, temp), path.join(this.outDir, JOURNAL));
      // From here on the new set is decided: what is left undone is completed by the next start, never undone.
      this.journaled = true;
      const removed = await carryOut(this.outDir, journal);
      this.staged.clear();
      return removed;
    } catch (e) {
      const problem = outputError(e, this.outDir);
      if (this.journaled && problem instanceof OutputError) {
        throw new OutputError(
          `${problem.message.replace(/; the previous output is unchanged$/, '')}; interrupted while putting the new documents in place: the next build completes it`,
          problem.exit,
        );
      }
      throw problem;
    }
  }

  /** Set once the journal is in place: the staged files then belong to it, and abort leaves them. */
  private journaled = false;

  /** Removes every staged file: the previous output stays as it was. */
  async abort(): Promise<void> {
    if (this.journaled) return;
    await Promise.all([...this.staged.values()].map((temp) => rm(path.join(this.outDir, temp), { force: true })));
    this.staged.clear();
  }
}

export { OutputError, outputError };

/** Writes a few files into `dir` as one transaction (locked, staged, journaled); returns their paths. */
export async function writeFiles(dir: string, files: [string, Uint8Array | string][]): Promise<string[]> {
  await writeStaged(dir, async (staged) => {
    for (const [name, bytes] of files) await staged.stage(name, bytes);
  });
  return files.map(([name]) => path.join(dir, name));
}

/** One transaction on `dir` (locked, staged, journaled) in which `stage` stages whatever it makes; nothing lands if it fails. */
export async function writeStaged(dir: string, stage: (staged: StagedOutput) => Promise<unknown>): Promise<void> {
  try {
    await outputFs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw outputError(e, dir);
  }
  const lock = await lockOutput(dir);
  try {
    await recoverOutput(dir);
    const staged = new StagedOutput(dir);
    try {
      await stage(staged);
    } catch (e) {
      await staged.abort();
      throw e;
    }
    await staged.commit([], '');
  } finally {
    await lock.release();
  }
}
