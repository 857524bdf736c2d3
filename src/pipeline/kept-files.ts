// The files of the output plan that the last build made from the same inputs (inputs-key.ts) and that are still
// intact: they are kept as they are, their documents neither laid out nor rendered again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256, type Manifest, type ManifestEntry } from './manifest.js';
import type { OutputFile } from './output-plan.js';

/** File name → the last build's entry, for each file whose document's inputs key is the one that entry records. */
export async function keptFiles(files: OutputFile[], previous: Manifest | null, outDir: string): Promise<Map<string, ManifestEntry>> {
  const before = new Map((previous?.documents ?? []).map((d) => [d.path, d]));
  const kept = new Map<string, ManifestEntry>();
  for (const { doc, format, name } of files) {
    const old = before.get(name);
    if (!old || doc.inputs === undefined || old.inputs !== doc.inputs || old.format !== format) continue;
    const bytes = await readFile(path.join(outDir, name)).catch(() => null);
    if (bytes && sha256(bytes) === old.sha256) kept.set(name, old);
  }
  return kept;
}
