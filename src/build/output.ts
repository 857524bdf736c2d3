// All output goes through here: each file is written beside its target under a temporary name and renamed
// into place, so a failed or killed build never leaves a truncated document and never removes a good one.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Path relative to the output folder. */
  name: string;
  bytes: Uint8Array;
}

export async function writeOutputs(outDir: string, files: OutputFile[]): Promise<string[]> {
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
