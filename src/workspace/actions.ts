// What the workspace changes, each through the engine: an item saved (only the changed nodes rewritten, refused
// on a conflict with the file on disk or on errors the build would stop at), an item created, an amendment
// recorded, the change report, and a release by the CLI's own command (its checks, its build, its records).
import path from 'node:path';
import { compareWith, releaseBaseline } from '../changes/compare.js';
import { crossCheck } from '../changes/crosscheck.js';
import { history } from '../changes/releases.js';
import { snapshotPlan } from '../changes/snapshot.js';
import { loadTemplates } from '../compose/compose.js';
import { ContentError, formatDiagnostic, type Diagnostic } from '../content/diagnostics.js';
import { CONTENT_FILES, loadPlan } from '../content/load.js';
import { writeFiles } from '../pipeline/output.js';
import { failureOf } from '../pipeline/failure.js';
import { releaseVersion } from '../pipeline/release.js';
import { checkDraft, type Finding } from './check.js';
import { readContentFile, readItems, type Folders } from './content.js';
import type { Lang } from './i18n.js';
import type { ChangesView } from './pages/amendments.js';
import { editYaml, newYaml, sameValue, YamlEditError } from './yaml-edit.js';

export type Outcome =
  | { status: 'saved'; rel: string; hash: string; findings: Finding[] }
  | { status: 'unchanged'; rel: string; hash: string }
  | { status: 'invalid'; findings: Finding[]; message?: string }
  | { status: 'conflict'; rel: string; hash: string };

type Data = Record<string, unknown>;

/** Writes one content file through the project's one write path (staged, journaled, renamed into place). */
async function writeContent(contentDir: string, rel: string, text: string): Promise<void> {
  await writeFiles(path.join(contentDir, path.dirname(rel)), [[path.basename(rel), text]]);
}

function invalid(message: string): Outcome {
  return { status: 'invalid', findings: [], message };
}

/** The text of `rel` with `data` written in; checked as the build would check it. */
async function draft(contentDir: string, rel: string, base: string | null, data: Data, lang: Lang): Promise<{ text: string; findings: Finding[] } | Outcome> {
  let text: string;
  try {
    text = base === null ? newYaml(data) : editYaml(base, data);
  } catch (e) {
    if (e instanceof YamlEditError) return invalid(e.message);
    throw e;
  }
  return { text, findings: await checkDraft(contentDir, rel, text, lang) };
}

/** Checks a draft of an item without writing it: the findings the build would report on its file. */
export async function checkItem(folders: Folders, rel: string | null, data: Data, lang: Lang): Promise<Finding[] | Outcome> {
  const target = rel ?? (await newItemFile(folders.contentDir, data));
  if (typeof target !== 'string') return target;
  const current = rel ? await readContentFile(folders.contentDir, rel) : null;
  const result = await draft(folders.contentDir, target, current?.text ?? null, data, lang);
  return 'text' in result ? result.findings : result;
}

export async function saveItem(folders: Folders, rel: string, baseHash: string, data: Data, lang: Lang): Promise<Outcome> {
  const current = await readContentFile(folders.contentDir, rel);
  if (!current) return invalid(`content/${rel} no longer exists on disk`);
  if (current.hash !== baseHash) return { status: 'conflict', rel, hash: current.hash };
  if (current.data && sameValue(current.data, data)) return { status: 'unchanged', rel, hash: current.hash };
  const result = await draft(folders.contentDir, rel, current.text, data, lang);
  if (!('text' in result)) return result;
  if (result.findings.some((f) => f.severity === 'error')) return { status: 'invalid', findings: result.findings };
  // Read once more just before writing: an editor's save in the meantime is not overwritten.
  const again = await readContentFile(folders.contentDir, rel);
  if (again?.hash !== baseHash) return { status: 'conflict', rel, hash: again?.hash ?? '' };
  await writeContent(folders.contentDir, rel, result.text);
  return { status: 'saved', rel, hash: (await readContentFile(folders.contentDir, rel))!.hash, findings: result.findings };
}

/** `items/NN.yaml` for a new item's number (two digits at least, as the shipped files are named). */
async function newItemFile(contentDir: string, data: Data): Promise<string | Outcome> {
  const number = data.number;
  const refuse = (ruleId: string, message: string): Outcome => ({
    status: 'invalid',
    findings: [{ file: 'items/new.yaml', rel: 'items/new.yaml', line: 1, column: 1, severity: 'error', ruleId, field: 'number', message }],
  });
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 9999) return refuse('schema/type', 'expected a whole number from 1');
  const items = await readItems(contentDir);
  if (items.some((i) => i.number === number)) return refuse('item/duplicate-number', `Duplicate item number \`${number}\`, expected each number once`);
  const rel = `items/${String(number).padStart(2, '0')}.yaml`;
  if (await readContentFile(contentDir, rel)) return invalid(`content/${rel} already exists`);
  return rel;
}

export async function createItem(folders: Folders, data: Data, lang: Lang): Promise<Outcome> {
  const rel = await newItemFile(folders.contentDir, data);
  if (typeof rel !== 'string') return rel;
  const result = await draft(folders.contentDir, rel, null, data, lang);
  if (!('text' in result)) return result;
  if (result.findings.some((f) => f.severity === 'error')) return { status: 'invalid', findings: result.findings };
  await writeContent(folders.contentDir, rel, result.text);
  return { status: 'saved', rel, hash: (await readContentFile(folders.contentDir, rel))!.hash, findings: result.findings };
}

/** The registry lists a form may add to, and the file holding each. */
export const REGISTRIES = {
  amendments: CONTENT_FILES.amendments,
  departments: CONTENT_FILES.departments,
  acts: CONTENT_FILES.acts,
} as const;
export type RegistryList = keyof typeof REGISTRIES;

/**
 * Appends an entry to a registry list (an amendment, a department, an act), checked by the loader and lint like
 * any other edit; amendments.yaml is made if absent.
 */
export async function appendEntry(folders: Folders, list: RegistryList, entry: Data, lang: Lang): Promise<Outcome> {
  const rel = REGISTRIES[list];
  const current = await readContentFile(folders.contentDir, rel);
  if (!current && list !== 'amendments') return invalid(`content/${rel} is missing`);
  const data = current?.data ?? { kinds: [], amendments: [] };
  const entries = Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
  const result = await draft(folders.contentDir, rel, current?.text ?? null, { ...data, [list]: [...entries, entry] }, lang);
  if (!('text' in result)) return result;
  if (result.findings.some((f) => f.severity === 'error')) return { status: 'invalid', findings: result.findings };
  if (current && (await readContentFile(folders.contentDir, rel))?.hash !== current.hash) return { status: 'conflict', rel, hash: '' };
  await writeContent(folders.contentDir, rel, result.text);
  return { status: 'saved', rel, hash: (await readContentFile(folders.contentDir, rel))!.hash, findings: result.findings };
}

/** What changed since the latest issued version, with the amendment record checked against it (as `changes`). */
export async function changesSinceIssued(folders: Folders): Promise<ChangesView> {
  const releases = await history(folders.contentDir).catch(() => []);
  const labels = releases.map((r) => r.label);
  const release = releases.at(-1);
  if (!release) return { report: null, checks: [], message: null, releases: labels };
  try {
    const [templates, plan] = await Promise.all([loadTemplates(folders.templatesDir, folders.fontsDir), loadPlan(folders.contentDir)]);
    const current = snapshotPlan(plan, templates);
    const baseline = releaseBaseline(release, plan);
    const report = compareWith(plan, baseline, current, templates.locale);
    const checks = (await crossCheck({ plan, contentDir: folders.contentDir, baseline, report, history: releases })).map(formatDiagnostic);
    return { report, checks, message: null, releases: labels };
  } catch (e) {
    if (e instanceof ContentError) return { report: null, checks: e.diagnostics.map(formatDiagnostic), message: null, releases: labels };
    throw e;
  }
}

export type ReleaseOutcome = { ok: true; lines: string[] } | { ok: false; lines: string[]; diagnostics: Diagnostic[] };

/** `release` itself, in-process: the same refusals, the same build, the same records in content/issued/. */
export async function release(folders: Folders, label: string | null): Promise<ReleaseOutcome> {
  try {
    const done = await releaseVersion(folders, label);
    const lines = [
      ...(done.unchangedSince ? [`nothing changed since issued version ${done.unchangedSince}; recording it again under ${done.label}`] : []),
      ...done.build.notices,
      ...done.build.rendered.map((f) => `wrote ${f}`),
      `recorded ${done.file}: ${done.toSend} of ${done.total} documents to send (content/issued/register.md says to whom); commit it with the content`,
    ];
    return { ok: true, lines };
  } catch (e) {
    const failure = failureOf(e);
    if (failure.kind === 'internal') throw e;
    return { ok: false, lines: failure.diagnostics ? [] : [failure.text], diagnostics: failure.diagnostics ?? [] };
  }
}
