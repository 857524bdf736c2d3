// out/manifest.json: every document with its kind, department, format, sha256 and what it depends on.
// The same inputs give the same manifest (no times in it), and its keys drive incremental builds.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';

export type DocumentKind = 'plan' | 'extract' | 'change-sheet';

export interface ManifestEntry {
  /** Relative to the output folder. */
  path: string;
  kind: DocumentKind;
  /** `cyrl` or `latn`. */
  edition: string;
  format: string;
  department: string | null;
  sha256: string;
  /** Hash of everything the file is made from: its document model, the format, the fonts and the tool. */
  key: string;
  /** Content files it is made from, relative to the content folder. */
  dependsOn: string[];
  /** Whether the file differs from the one in the last issued version (null when none was issued). */
  changedSinceIssued: boolean | null;
}

export interface Manifest {
  tool: string;
  issued: string | null;
  documents: ManifestEntry[];
}

export const MANIFEST = 'manifest.json';

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export async function readManifest(outDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

async function hashFiles(patterns: string[], cwd: string): Promise<string> {
  const files = (await fg(patterns, { cwd })).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(await readFile(path.join(cwd, f))).update('\0');
  return hash.digest('hex');
}

let toolHash: Promise<string> | null = null;

/** The engine's own version: its package version, its sources and the writer libraries' versions. */
export function toolVersion(): Promise<string> {
  toolHash ??= (async () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const own = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    const libs = await Promise.all(
      ['docx', 'pdfmake'].map(async (name) => `${name}@${(JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`),
    );
    const sources = await hashFiles(['src/**/*.ts'], root);
    return `${own.name}@${own.version} ${libs.join(' ')} src:${sources.slice(0, 16)}`;
  })();
  return toolHash;
}

export function fontsVersion(fontsDir: string): Promise<string> {
  return hashFiles(['**/*'], fontsDir);
}
