// Releasing a version: check that every edit since the last issued version rests on a recorded amendment, build,
// and record what is sent out (content/issued/<label>.json and register.md). `release` and the workspace call it.
import { compareWith, releaseBaseline } from '../changes/compare.js';
import { asErrors, crossCheck } from '../changes/crosscheck.js';
import { checkNewLabel, registerOf } from '../changes/releases.js';
import { snapshotPlan } from '../changes/snapshot.js';
import { documentDate } from '../compose/view.js';
import { ContentError, sortDiagnostics } from '../content/diagnostics.js';
import { UsageError } from '../errors.js';
import { buildProject, type BuildResult } from './build.js';
import { loadProject, type ProjectOptions } from './load-project.js';
import { saveRelease } from './save-release.js';

export interface ReleaseResult {
  label: string;
  /** The release file written, relative to the working directory. */
  file: string;
  build: BuildResult;
  /** Documents to send: the register's rows. */
  toSend: number;
  total: number;
  /** Set when nothing changed since the previous version (it is recorded again under the new label). */
  unchangedSince: string | null;
}

export async function releaseVersion(dirs: ProjectOptions, label: string | null): Promise<ReleaseResult> {
  if (label !== null && !/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(label))
    throw new UsageError(`Label \`${label}\` is not a safe file name, expected letters, digits, '.', '_' or '-'`, true);
  // One load for the checks and the build. Refuse a used label, and edits the amendment record does not account
  // for, before building: out/ stays as it is.
  const project = await loadProject(dirs);
  const { plan, templates, releases } = project;
  const plannedLabel = label ?? documentDate(plan);
  await checkNewLabel(dirs.contentDir, plannedLabel, releases);
  const previous = releases.at(-1) ?? null;
  const current = snapshotPlan(plan, templates);
  const baseline = previous ? releaseBaseline(previous, plan) : null;
  const report = baseline ? compareWith(plan, baseline, current, templates.locale) : null;
  const findings = await crossCheck({ plan, contentDir: dirs.contentDir, baseline, report, history: releases, read: project.read });
  if (findings.length) throw new ContentError(sortDiagnostics(asErrors(findings)));
  const unchanged =
    report && !report.items.length && !report.plan.length && !report.acts.length && !report.departments.length && report.amendments.length === 0;

  const build = await buildProject(project, {});
  const documents = Object.fromEntries(build.manifest.documents.map((d) => [d.path, d.sha256]));
  const register = registerOf(previous, build.manifest.documents);
  const file = await saveRelease(
    dirs.contentDir,
    {
      label: plannedLabel,
      madeAt: new Date().toISOString(),
      date: documentDate(plan),
      amendments: plan.amendments.map((a) => a.id),
      snapshot: current,
      documents,
      register,
    },
    releases,
  );
  return {
    label: plannedLabel,
    file,
    build,
    toSend: register.length,
    total: Object.keys(documents).length,
    unchangedSince: unchanged ? previous!.label : null,
  };
}
