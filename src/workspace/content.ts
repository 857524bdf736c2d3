// What the workspace shows of the content folder, read fresh from disk on every request (the files are the one
// source of truth): each item file's data and fingerprint, the registries, the amendment record.
import { sha256 } from '../pipeline/manifest.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { CONTENT_FILES } from '../content/load.js';
import type { Plan } from '../domain/types.js';

export interface Folders {
  contentDir: string;
  templatesDir: string;
  fontsDir: string;
  outDir: string;
}

export interface ContentFile {
  /** Inside the content folder, with forward slashes: `items/05.yaml`. */
  rel: string;
  text: string;
  /** sha256 of the bytes as read: a save names the version it was edited from. */
  hash: string;
  /** The parsed data, or null when the file does not read as YAML. */
  data: Record<string, unknown> | null;
}

export async function readContentFile(contentDir: string, rel: string): Promise<ContentFile | null> {
  const text = await readFile(path.join(contentDir, rel), 'utf8').catch(() => null);
  if (text === null) return null;
  let data: Record<string, unknown> | null = null;
  try {
    const value = parse(text.replace(/^\ufeff/, ''));
    data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    data = null;
  }
  return { rel, text, hash: sha256(text), data };
}

export interface ItemRow {
  file: ContentFile;
  /** From the file; null when it has none the workspace can read. */
  number: number | null;
}

export async function readItems(contentDir: string): Promise<ItemRow[]> {
  const rels = (await fg(CONTENT_FILES.items, { cwd: contentDir })).sort();
  const files = await Promise.all(rels.map((rel) => readContentFile(contentDir, rel)));
  return files
    .filter((f): f is ContentFile => f !== null)
    .map((file) => ({ file, number: typeof file.data?.number === 'number' ? file.data.number : null }))
    .sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.file.rel.localeCompare(b.file.rel));
}

export interface Registries {
  departments: { id: string; name: string; short: string; kind: string }[];
  acts: { id: string; label: string }[];
  issuers: string[];
  kinds: { id: string; code: string }[];
  amendments: { id: string; date: string; summary: string; items: number[] }[];
}

const list = (data: Record<string, unknown> | null | undefined, key: string) => {
  const v = data?.[key];
  return Array.isArray(v) ? (v as Record<string, unknown>[]).filter((x) => x && typeof x === 'object') : [];
};
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * The registries as the forms offer them; an act is labelled by its code and number. Amendment ids come from the
 * loaded plan (the loader gives an entry without `id` its default one); while the content does not load, only
 * the ids written out are known.
 */
export async function readRegistries(contentDir: string, plan: Plan | null): Promise<Registries> {
  const [depts, acts, amend] = await Promise.all(
    [CONTENT_FILES.departments, CONTENT_FILES.acts, CONTENT_FILES.amendments].map((f) => readContentFile(contentDir, f)),
  );
  const kinds = new Map(list(acts?.data, 'kinds').map((k) => [str(k.id), str(k.code)]));
  return {
    departments: list(depts?.data, 'departments').map((d) => ({ id: str(d.id), name: str(d.name), short: str(d.short) || str(d.name), kind: str(d.kind) })),
    issuers: list(acts?.data, 'issuers').map((i) => str(i.id)),
    kinds: [...kinds].map(([id, code]) => ({ id, code })),
    acts: list(acts?.data, 'acts').map((a) => ({ id: str(a.id), label: `${kinds.get(str(a.kind)) ?? str(a.kind)}-${str(a.number)} (${str(a.date)})` })),
    amendments: plan
      ? plan.amendments.map((a) => ({ id: a.id, date: a.date, summary: a.summary, items: a.items }))
      : list(amend?.data, 'amendments')
          .filter((a) => str(a.id))
          .map((a) => ({ id: str(a.id), date: str(a.date), summary: str(a.summary), items: Array.isArray(a.items) ? (a.items as number[]) : [] })),
  };
}
