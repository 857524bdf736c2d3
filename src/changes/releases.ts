// Issued versions: what was sent out, recorded in content/issued/<label>.json when a version is issued,
// so that later builds can say what changed since, and for whom. Any git revision can stand in for one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFiles } from '../build/output.js';
import { loadPlan } from '../content/load.js';
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

export async function readRelease(contentDir: string, label: string): Promise<Release> {
  const file = path.join(issuedDir(contentDir), `${label}.json`);
  return JSON.parse(await readFile(file, 'utf8')) as Release;
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
