// out/manifest.json: every document with its kind, department, format, sha256 and what it depends on.
// The same inputs give the same manifest (no times in it), and its keys drive incremental builds.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { filesIn } from '../folders.js';
import { PROJECT_ROOT } from '../project.js';
import { safeRelative } from './output.js';

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
  /** Hash of what its model was made from (inputs-key.ts): the same inputs again keep the file without composing. */
  inputs?: string;
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

const entrySchema = z.object({
  path: z.string().refine((p) => safeRelative(p) === p),
  kind: z.enum(['plan', 'extract', 'change-sheet']),
  edition: z.string(),
  format: z.string(),
  department: z.string().nullable(),
  sha256: z.string(),
  key: z.string(),
  inputs: z.string().optional(),
  dependsOn: z.array(z.string()),
  changedSinceIssued: z.boolean().nullable(),
});
const manifestSchema = z.object({ tool: z.string(), issued: z.string().nullable(), documents: z.array(entrySchema) });

export interface ManifestRead {
  manifest: Manifest | null;
  /** Set when a file was there but is not a manifest this tool wrote (it is then ignored, never trusted). */
  ignored?: string;
}

/**
 * The last build's manifest. A missing one is null; one of the wrong shape (garbled, foreign, or listing paths
 * outside the output folder) is ignored with a notice: every document is then rendered again and nothing the
 * file lists is ever removed.
 */
export async function readManifest(outDir: string): Promise<ManifestRead> {
  const file = path.join(outDir, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { manifest: null };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = manifestSchema.safeParse(data);
  if (parsed.success) return { manifest: parsed.data };
  const shown = path.relative(process.cwd(), file) || file;
  return {
    manifest: null,
    ignored: `${shown} is not a manifest this tool wrote (garbled, foreign or naming files outside the folder): ignored, every document rendered again`,
  };
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

async function hashFiles(cwd: string): Promise<string> {
  const files = (await filesIn(cwd, { recursive: true, dot: true })).sort();
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(await readFile(path.join(cwd, f)))
      .update('\0');
  return hash.digest('hex');
}

/** Set by bin/compile.js in the compiled code: the hash of the sources it was compiled from (its folder's name). */
declare const PLAN_PIPELINE_SOURCE_HASH: string | undefined;

/**
 * The hash of every source: the compiled code was given it when compiled; run from the sources (tsx, tests), it is
 * computed as bin/compile.js computes it, so both name the same sources alike.
 */
async function sourcesHash(root: string): Promise<string> {
  if (typeof PLAN_PIPELINE_SOURCE_HASH === 'string') return PLAN_PIPELINE_SOURCE_HASH;
  const compile = (await import(pathToFileURL(path.join(root, 'bin', 'compile.js')).href)) as { sourceHash(): string };
  return compile.sourceHash();
}

let toolHash: Promise<string> | null = null;

/** The engine's own version: its package version, its sources and the writer libraries' versions (fflate zips the DOCX). */
export function toolVersion(): Promise<string> {
  toolHash ??= (async () => {
    const root = PROJECT_ROOT;
    const own = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    const libs = await Promise.all(
      ['fflate', 'pdfkit'].map(
        async (name) => `${name}@${(JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`,
      ),
    );
    return `${own.name}@${own.version} ${libs.join(' ')} src:${await sourcesHash(root)}`;
  })();
  return toolHash;
}

/** A hash of every file in a folder (names and bytes): the fonts folder, the templates folder. */
export function folderVersion(dir: string): Promise<string> {
  return hashFiles(dir);
}
