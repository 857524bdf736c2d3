// Issued versions: what was sent out, recorded in content/issued/<label>.json when a version is issued,
// so that later builds can say what changed since, and for whom. Any git revision can stand in for one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as z from 'zod';
import { ContentError } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import { decodeText, illegalCharMessage, illegalChars, XML_ILLEGAL } from '../content/text-hygiene.js';
import { UsageError } from '../errors.js';
import { documentDate } from '../compose/view.js';
import { snapshotPlan, type PlanSnapshot } from './snapshot.js';

const run = promisify(execFile);

export const ISSUED_DIR = 'issued';

/** One document sent out with a version: what, to whom, and its fingerprint. */
export interface RegisterEntry {
  document: string;
  kind: string;
  /** The addressee; null for the plan itself (sent to every department). */
  department: string | null;
  sha256: string;
}

export interface Release {
  label: string;
  /** Place in the history: 1 for the first version issued, then 2, 3, … (labels are names, not an order). */
  sequence?: number;
  /** When `release` recorded it (ISO time); the documents themselves carry `date`. */
  madeAt?: string;
  /** The date the issued documents carry (from content). */
  date: string;
  /** Ids of the amendments this version includes, oldest first. */
  amendments?: string[];
  snapshot: PlanSnapshot;
  /** Output path → sha256 of every document issued. */
  documents: Record<string, string>;
  /** What was sent out with this version: the documents new or different since the version before (all, for the first). */
  register?: RegisterEntry[];
}

/** The amendments a version includes; versions recorded before ids existed: those dated up to its date. */
export function includedAmendments(release: Release, all: { id: string; date: string }[]): string[] {
  return release.amendments ?? release.snapshot.amendmentIds ?? all.filter((a) => a.date <= release.date).map((a) => a.id);
}

export function issuedDir(contentDir: string): string {
  return path.join(contentDir, ISSUED_DIR);
}

async function labelsOnDisk(contentDir: string): Promise<string[]> {
  const files = await readdir(issuedDir(contentDir)).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
}

// The envelope of an issued version, checked before use; fields added by later versions of the tool pass through.
const releaseSchema = z.looseObject({
  label: z.string(),
  date: z.string(),
  sequence: z.number().optional(),
  snapshot: z.looseObject({
    items: z.array(z.looseObject({ number: z.number(), measure: z.string(), result: z.string() })).optional(),
    extracts: z.record(z.string(), z.looseObject({ name: z.string(), items: z.array(z.number()) })).optional(),
  }),
  documents: z.record(z.string(), z.unknown()),
});

/**
 * An issued version, checked like content (its texts reach the change sheets): UTF-8, valid JSON of the shape a
 * release writes, no characters a document cannot carry. Problems are a ContentError naming the file.
 */
export async function readRelease(contentDir: string, label: string): Promise<Release> {
  const full = path.join(issuedDir(contentDir), `${label}.json`);
  const file = path.relative(process.cwd(), full).split(path.sep).join('/');
  const fail = (line: number, column: number, message: string) =>
    new ContentError([{ file, line, column, severity: 'error', ruleId: 'release/format', field: '', message }]);
  const decoded = decodeText(await readFile(full), file);
  if ('diagnostic' in decoded) throw new ContentError([decoded.diagnostic]);
  const illegal = illegalChars(decoded.text, file, 1);
  if (illegal.length) throw new ContentError(illegal);
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch (e) {
    const message = (e as Error).message;
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? (/end of JSON/.test(message) ? decoded.text.trimEnd().length : 0));
    const before = decoded.text.slice(0, at);
    throw fail(before.split('\n').length, at - before.lastIndexOf('\n'), 'Not valid JSON, expected the file as `release` wrote it (restore it from git)');
  }
  const parsed = releaseSchema.safeParse(data);
  if (!parsed.success)
    throw fail(
      1,
      1,
      `Not an issued version as \`release\` writes it (${parsed.error.issues[0]?.path.join('.') || 'top level'}), expected the file as recorded (restore it from git)`,
    );
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (texts.push(k), walk(x));
  };
  walk(data);
  const bad = texts.map((t) => XML_ILLEGAL.exec(t)?.[0]).find((c) => c !== undefined);
  if (bad) throw fail(1, 1, `${illegalCharMessage(bad)} (written as an escape in the issued texts; restore the file from git)`);
  return data as Release;
}

/**
 * Every issued version, oldest first, in the order they were issued (`sequence`). Versions recorded before
 * there was a sequence come first, by date, then by label read with its numbers as numbers (v2 before v10).
 */
export async function history(contentDir: string): Promise<Release[]> {
  const releases = await Promise.all((await labelsOnDisk(contentDir)).map((label) => readRelease(contentDir, label)));
  return releases.sort(
    (a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.date.localeCompare(b.date) || a.label.localeCompare(b.label, 'en', { numeric: true }),
  );
}

export async function latestRelease(contentDir: string): Promise<Release | null> {
  return (await history(contentDir)).at(-1) ?? null;
}

/** Refuses a label already used: an issued version is history. `releases`: the history already read, if it was. */
export async function checkNewLabel(contentDir: string, label: string, releases?: Release[]): Promise<void> {
  if ((releases ?? (await history(contentDir))).some((r) => r.label === label)) {
    throw new UsageError(
      `Version \`${label}\` was issued already (${path.join(issuedDir(contentDir), `${label}.json`)}), expected a new label: --label ${label}-2, for example`,
    );
  }
}

export const REGISTER = 'register.md';

/** What went to whom in every version, newest last: the answer to "which extract did the press service receive?". */
export function registerMarkdown(releases: Release[]): string {
  const lines = ['# Issued documents', '', 'Written by `plan-pipeline release` from the issued versions in this folder; do not edit.', ''];
  for (const r of releases) {
    lines.push(`## ${r.sequence ?? '–'}. ${r.label} — documents dated ${r.date}${r.madeAt ? `, issued ${r.madeAt.slice(0, 10)}` : ''}`, '');
    lines.push(`Amendments included: ${(r.amendments ?? []).join(', ') || 'none'}`, '');
    lines.push('| document | department | sha256 |', '|---|---|---|');
    for (const e of r.register ?? []) lines.push(`| ${e.document} | ${e.department ?? '(all)'} | \`${e.sha256}\` |`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** The register of a new version: every document that is new or differs from the version before (all, for the first). */
export function registerOf(previous: Release | null, documents: { path: string; kind: string; department: string | null; sha256: string }[]): RegisterEntry[] {
  return documents
    .filter((d) => previous?.documents[d.path] !== d.sha256)
    .map((d) => ({ document: d.path, kind: d.kind, department: d.department, sha256: d.sha256 }));
}

/**
 * The plan as it stood at a git revision (the content folder is exported from git to a scratch folder and
 * loaded), the date its documents carried and the amendments it included.
 */
export async function snapshotAtRevision(
  contentDir: string,
  revision: string,
  templates: Parameters<typeof snapshotPlan>[1],
): Promise<{ snapshot: PlanSnapshot; date: string; amendments: string[] }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'plan-rev-'));
  const git = async (args: string[], cwd: string) => {
    try {
      return await run('git', args, { cwd });
    } catch (e) {
      const said = String((e as { stderr?: string }).stderr ?? (e as Error).message)
        .trim()
        .split('\n')[0];
      throw new UsageError(`Cannot read the content at git revision \`${revision}\`: ${said}`);
    }
  };
  try {
    const { stdout: top } = await git(['rev-parse', '--show-toplevel'], contentDir);
    const rel = path.relative(top.trim(), path.resolve(contentDir)) || '.';
    const tar = path.join(scratch, 'content.tar');
    await git(['archive', '--format=tar', '-o', tar, revision, rel], top.trim());
    await run('tar', ['-xf', tar, '-C', scratch]);
    // Dated and identified by the content's own records, not by the commit: the date its documents carry
    // and the amendments it includes.
    const plan = await loadPlan(path.join(scratch, rel));
    return { snapshot: snapshotPlan(plan, templates), date: documentDate(plan), amendments: plan.amendments.map((a) => a.id) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
