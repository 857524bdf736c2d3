// Phase 3 of a build: the files to make, which of them can be kept from the last build, and rendering the rest.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Format } from '../writers/index.js';
import type { BuiltDocument } from './built-document.js';
import { sha256, type Manifest, type ManifestEntry } from './manifest.js';
import type { OutputFile } from './output-plan.js';
import type { StagedOutput } from './output.js';
import { poolFor, type RenderPool } from './render-pool.js';

export interface PlannedFile {
  doc: BuiltDocument;
  format: Format;
  /** Relative to the output folder. */
  name: string;
  /** Hash of everything the file is made from: format, tool, fonts and the document model. */
  key: string;
  /** The last build's entry when that build made this file from the same key and the file is still intact. */
  reuse: ManifestEntry | null;
  /** Size of the document model as JSON: the rendering's rough cost. */
  size?: number;
}

async function fileHasHash(outDir: string, name: string, expected: string): Promise<boolean> {
  try {
    return sha256(await readFile(path.join(outDir, name))) === expected;
  } catch {
    return false;
  }
}

/** Which files of the output plan can be kept from the last build (same key, file intact). */
export async function planFiles(files: OutputFile[], versions: string, previous: Manifest | null, outDir: string): Promise<PlannedFile[]> {
  const before = new Map((previous?.documents ?? []).map((d) => [d.path, d]));
  const planned: PlannedFile[] = [];
  // Each model serialised once, for every format's key.
  const json = new Map<BuiltDocument, string>();
  for (const { doc, format, name } of files) {
    if (!json.has(doc)) json.set(doc, JSON.stringify(doc.model));
    const model = json.get(doc)!;
    const key = createHash('sha256').update(`${format}\n${versions}\n`).update(model).digest('hex');
    const old = before.get(name);
    const reuse = old?.key === key && (await fileHasHash(outDir, name, old.sha256)) ? old : null;
    planned.push({ doc, format, name, key, reuse, size: model.length });
  }
  return planned;
}

/**
 * Renders every planned file that cannot be reused, staging each as soon as it is ready; returns the sha256 of
 * each rendered file. On failure the staged files are removed and the previous output stays as it was.
 */
export async function renderFiles(
  planned: PlannedFile[],
  fontsDir: string,
  staged: StagedOutput,
  ownPool: RenderPool | undefined,
  onTime: (format: Format, ms: number) => void,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<Map<string, string>> {
  const toRender = planned.filter((p) => !p.reuse);
  const jobs = toRender.map((p) => ({ format: p.format, model: p.doc.model, size: p.size }));
  const pool = ownPool ?? poolFor();
  const hashes = new Map<string, string>();
  try {
    await pool.renderAll(jobs, fontsDir, async (index, bytes, ms) => {
      const { name, format } = toRender[index]!;
      onTime(format, ms);
      hashes.set(name, sha256(bytes));
      await staged.stage(name, bytes);
      onProgress?.(hashes.size, toRender.length, name);
    });
  } catch (e) {
    await staged.abort();
    throw e;
  } finally {
    if (!ownPool) await pool.close();
  }
  return hashes;
}
