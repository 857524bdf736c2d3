// `release`: build, then record what is being sent out, so that later amendments can be reported against it.
// Refuses, before building, an edit that no recorded amendment accounts for (and an amendment that names what
// did not change): what goes out must say what it rests on.
import { parseArgs } from 'node:util';
import { buildProject, DEFAULT_DIRS } from '../../pipeline/build.js';
import { loadProject } from '../../pipeline/load-project.js';
import { compareWith, releaseBaseline } from '../../changes/compare.js';
import { asErrors, crossCheck } from '../../changes/crosscheck.js';
import { snapshotPlan } from '../../changes/snapshot.js';
import { checkNewLabel, registerOf } from '../../changes/releases.js';
import { saveRelease } from '../../pipeline/save-release.js';
import { ContentError, sortDiagnostics } from '../../content/diagnostics.js';
import { documentDate } from '../../compose/view.js';
import { EXIT, type Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { DIR_OPTIONS, reportBuild } from './build.js';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'Build everything and record it as the issued version (content/issued/<label>.json, content/issued/register.md)',
  usage: '  --label L        name of the version (default: the date the documents carry, e.g. 2024-01-04)',
  async run(args, { out }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DIR_OPTIONS, label: { type: 'string' } } });
    if (positionals.length) throw new UsageError(`Unexpected \`${positionals.join(' ')}\` after release`, true);
    const dirs = {
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
    };
    const label = values.label ?? null;
    if (label !== null && !/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(label)) throw new UsageError(`Label \`${label}\` is not a safe file name, expected letters, digits, '.', '_' or '-'`, true);
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
    if (report && !report.items.length && !report.plan.length && !report.acts.length && !report.departments.length && report.amendments.length === 0) {
      out.write(`nothing changed since issued version ${previous!.label}; recording it again under ${plannedLabel}\n`);
    }

    const t0 = performance.now();
    const result = await buildProject(project, {});
    reportBuild(result, out, performance.now() - t0);
    const documents = Object.fromEntries(result.manifest.documents.map((d) => [d.path, d.sha256]));
    const register = registerOf(previous, result.manifest.documents);
    const file = await saveRelease(
      dirs.contentDir,
      { label: plannedLabel, madeAt: new Date().toISOString(), date: documentDate(plan), amendments: plan.amendments.map((a) => a.id), snapshot: current, documents, register },
      releases,
    );
    out.write(`recorded ${file}: ${register.length} of ${Object.keys(documents).length} documents to send (content/issued/register.md says to whom); commit it with the content\n`);
    return EXIT.ok;
  },
};
