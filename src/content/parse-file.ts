// Reading one content file: parse its YAML, check it against its schema, and collect every problem at its place.
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type * as z from 'zod';
import { DEFAULT_COLUMNS } from '../domain/shape.js';
import type { Diagnostic } from './diagnostics.js';
import { displayName, type SourceReader } from './sources.js';
import { formatPath, type PathKey, type YamlSource } from './yaml-source.js';
import { zodDiagnostics } from './zod-diagnostics.js';

export interface Parsed<T> {
  source: YamlSource;
  value: T;
}

/** A file that read as YAML, whether or not it passed its schema: enough to know which ids it declares. */
export interface Read<T> {
  raw: unknown;
  parsed: Parsed<T> | null;
}

/** The ids a registry file declares under `key`, read from the raw data so references can be checked even when the registry itself has errors. */
export function declaredIds(raw: unknown, key: string): Set<string> {
  const list = (raw as Record<string, unknown> | null)?.[key];
  const ids = new Set<string>();
  if (Array.isArray(list)) for (const entry of list) if (typeof (entry as { id?: unknown })?.id === 'string') ids.add((entry as { id: string }).id);
  return ids;
}

export class Collector {
  readonly list: Diagnostic[] = [];
  error(source: YamlSource, at: readonly PathKey[], ruleId: string, message: string, extra: Partial<Diagnostic> = {}): void {
    this.list.push({ ...source.placeOf(at), severity: 'error', ruleId, field: formatPath(at), message, ...extra });
  }
}


/**
 * Reads `rel` below `root`; messages name the file as `display` (relative to the working directory). A file that
 * is a symbolic link, or that resolves outside the content folder, is refused without being read.
 */
async function readSource(root: string, rel: string, display: string, diags: Collector, read: SourceReader): Promise<YamlSource | null> {
  const full = path.join(root, rel);
  const refuse = (ruleId: string, message: string) => {
    diags.list.push({ file: display, line: 1, column: 1, severity: 'error', ruleId, field: '', message });
    return null;
  };
  const link = await lstat(full).then((s) => s.isSymbolicLink(), () => false);
  if (link) return refuse('file/link', 'A link to another file, expected the file itself inside the content folder (links are not followed)');
  const real = await realpath(full).catch(() => null);
  const realRoot = await realpath(root).catch(() => root);
  if (real && path.relative(realRoot, real).startsWith('..')) return refuse('file/outside', 'The file lies outside the content folder (through a linked folder), expected it inside');
  const got = await read(full, display);
  if (!got) return refuse('content/missing-file', `Missing content file \`${rel}\`, expected it in the content folder`);
  if ('diagnostics' in got) {
    diags.list.push(...got.diagnostics);
    return null;
  }
  return got.source;
}

export async function parseFile<S extends z.ZodType>(root: string, rel: string, schema: S, diags: Collector, read: SourceReader): Promise<Read<z.infer<S>>> {
  const display = displayName(root, rel);
  const source = await readSource(root, rel, display, diags, read);
  if (!source) return { raw: null, parsed: null };
  const data = source.data();
  const result = schema.safeParse(data);
  if (!result.success) {
    diags.list.push(...zodDiagnostics(source, data, result.error));
    return { raw: data, parsed: null };
  }
  return { raw: data, parsed: { source, value: result.data } };
}

/** The columns plan.yaml declares, read from the raw data so items can be checked even when plan.yaml has errors. */
export function declaredColumns(raw: unknown): readonly { field: string; required?: boolean }[] {
  const list = (raw as Record<string, unknown> | null)?.columns;
  if (!Array.isArray(list)) return DEFAULT_COLUMNS;
  return list.flatMap((c) => (typeof (c as { field?: unknown })?.field === 'string' ? [c as { field: string; required?: boolean }] : []));
}

/** A scalar's text as written in the file (`1.10`, which reads as the number 1.1). */
export function rawScalar(source: YamlSource, at: readonly PathKey[]): string | undefined {
  const node = source.doc.getIn(at, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? source.text.slice(node.range[0], node.range[1]) : undefined;
}
