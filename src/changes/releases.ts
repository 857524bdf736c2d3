// Issued versions: what was sent out, recorded in content/issued/<label>.json when a version is issued,
// so that later builds can say what changed since, and for whom. Any git revision can stand in for one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFiles } from '../build/output.js';
import { z } from 'zod';
import { ContentError } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import { decodeText, illegalCharMessage, illegalChars, XML_ILLEGAL } from '../content/text-hygiene.js';
import { UsageError } from '../errors.js';
import type { Locale } from '../uz/locale.js';
import { snapshotPlan, type PlanSnapshot } from './snapshot.js';

const run = promisify(execFile);

export const ISSUED_DIR = 'issued';

export interface Release {
  label: string;
  /** The date the issued documents carry (from content). */
  date: string;
  snapshot: PlanSnapshot;
  /** Output path → sha256 of every document issued. */
  documents: Record<string, string>;
}

export function issuedDir(contentDir: string): string {
  return path.join(contentDir, ISSUED_DIR);
}

export async function listReleases(contentDir: string): Promise<string[]> {
  const files = await readdir(issuedDir(contentDir)).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
}

const itemSnapshot = z.object({
  number: z.number(),
  measure: z.string(),
  mechanism: z.array(z.string()),
  deadline: z.array(z.string()),
  basis: z.string(),
  result: z.string(),
  responsible: z.array(z.string()),
});
const releaseSchema = z.object({
  label: z.string(),
  date: z.string(),
  snapshot: z.object({
    approval: z.object({ word: z.string(), position: z.string(), signer: z.string(), date: z.string() }),
    amendments: z.array(z.string()),
    items: z.array(itemSnapshot),
    extracts: z.record(z.string(), z.object({ name: z.string(), items: z.array(z.number()) })),
  }),
  documents: z.record(z.string(), z.string()),
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
  if (!parsed.success) throw fail(1, 1, `Not an issued version as \`release\` writes it (${parsed.error.issues[0]?.path.join('.') || 'top level'}), expected the file as recorded (restore it from git)`);
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (texts.push(k), walk(x));
  };
  walk(parsed.data);
  const bad = texts.map((t) => XML_ILLEGAL.exec(t)?.[0]).find((c) => c !== undefined);
  if (bad) throw fail(1, 1, `${illegalCharMessage(bad)} (written as an escape in the issued texts; restore the file from git)`);
  return parsed.data as Release;
}

export async function latestRelease(contentDir: string): Promise<Release | null> {
  const labels = await listReleases(contentDir);
  const last = labels.at(-1);
  return last ? readRelease(contentDir, last) : null;
}

/** Refuses a label already used: an issued version is history. */
export async function checkNewLabel(contentDir: string, label: string): Promise<void> {
  if ((await listReleases(contentDir)).includes(label)) {
    throw new UsageError(`Version \`${label}\` was issued already (${path.join(issuedDir(contentDir), `${label}.json`)}), expected a new label: --label ${label}-2, for example`);
  }
}

/** Writes a release (through the same staged, renamed-into-place writing as every output); refuses to overwrite one. */
export async function saveRelease(contentDir: string, release: Release): Promise<string> {
  await checkNewLabel(contentDir, release.label);
  const [file] = await writeFiles(issuedDir(contentDir), [[`${release.label}.json`, `${JSON.stringify(release, null, 1)}\n`]]);
  return file!;
}

/**
 * The plan as it stood at a git revision (the content folder is exported from git to a scratch folder and
 * loaded), and that revision's commit date.
 */
export async function snapshotAtRevision(contentDir: string, revision: string, locale: Locale): Promise<{ snapshot: PlanSnapshot; date: string }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'plan-rev-'));
  const git = async (args: string[], cwd: string) => {
    try {
      return await run('git', args, { cwd });
    } catch (e) {
      const said = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n')[0];
      throw new UsageError(`Cannot read the content at git revision \`${revision}\`: ${said}`);
    }
  };
  try {
    const { stdout: top } = await git(['rev-parse', '--show-toplevel'], contentDir);
    const rel = path.relative(top.trim(), path.resolve(contentDir)) || '.';
    const tar = path.join(scratch, 'content.tar');
    await git(['archive', '--format=tar', '-o', tar, revision, rel], top.trim());
    await run('tar', ['-xf', tar, '-C', scratch]);
    const { stdout: date } = await git(['log', '-1', '--format=%cs', revision], top.trim());
    return { snapshot: snapshotPlan(await loadPlan(path.join(scratch, rel)), locale), date: date.trim() };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
