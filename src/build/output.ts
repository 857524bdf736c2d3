// All output goes through here. A build stages each file beside its target under a hidden temporary name as
// soon as it is rendered (so a big build does not hold every file in memory), and renames them all into place
// only when every document has rendered. A build that fails removes its staged files; one that is killed leaves
// only hidden temporary files, which the next build clears. A finished document is never truncated or removed
// by a failed build.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TEMP = /^\..+\.\d+\.tmp$/;

/** Removes temporary files a killed build may have left (never a finished document). */
async function removeLeftovers(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isFile() && TEMP.test(e.name)).map((e) => rm(path.join(e.parentPath, e.name), { force: true })));
}

/** Removes documents an earlier build made that this one no longer makes (a withdrawn department's extract). */
export async function removeOutputs(outDir: string, names: string[]): Promise<void> {
  await Promise.all(names.map((n) => rm(path.join(outDir, n), { force: true })));
}

export class StagedOutput {
  private readonly staged = new Map<string, string>();

  private constructor(readonly outDir: string) {}

  static async open(outDir: string): Promise<StagedOutput> {
    await removeLeftovers(outDir);
    return new StagedOutput(outDir);
  }

  /** Writes `bytes` for `name` (relative to the output folder) under a temporary name. */
  async stage(name: string, bytes: Uint8Array | string): Promise<void> {
    if (this.staged.has(name)) throw new Error(`two documents would be written to ${name}`);
    const target = path.join(this.outDir, name);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    this.staged.set(name, temp);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, bytes);
  }

  /** Renames every staged file into place; returns their paths. */
  async commit(): Promise<string[]> {
    const written: string[] = [];
    for (const [name, temp] of this.staged) {
      const target = path.join(this.outDir, name);
      await rename(temp, target);
      written.push(target);
    }
    this.staged.clear();
    return written;
  }

  /** Removes every staged file: the previous output stays as it was. */
  async abort(): Promise<void> {
    await Promise.all([...this.staged.values()].map((temp) => rm(temp, { force: true })));
    this.staged.clear();
  }
}
