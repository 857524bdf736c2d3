// All output goes through here: each file is written beside its target under a temporary name and renamed
// into place, so a failed or killed build never leaves a truncated document and never removes a good one.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Path relative to the output folder. */
  name: string;
  bytes: Uint8Array;
}

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

export async function writeOutputs(outDir: string, files: OutputFile[]): Promise<string[]> {
  await removeLeftovers(outDir);
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) throw new Error(`two documents would be written to ${f.name}`);
    seen.add(f.name);
  }
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(outDir, f.name);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      await writeFile(temp, f.bytes);
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    written.push(target);
  }
  return written;
}
