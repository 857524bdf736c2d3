// `changes`: what changed since the issued version (or a git revision), item by item, and for whom; each change
// with the recorded amendments it rests on; the amendment record checked against the edits.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../pipeline/build.js';
import { compareWith, releaseBaseline, type Baseline } from '../../changes/compare.js';
import { crossCheck } from '../../changes/crosscheck.js';
import { history, snapshotAtRevision } from '../../changes/releases.js';
import { formatReport } from '../../changes/report-text.js';
import { snapshotPlan } from '../../changes/snapshot.js';
import { loadTemplates } from '../../compose/compose.js';
import { formatDiagnostic } from '../../content/diagnostics.js';
import { loadPlan } from '../../content/load.js';
import { sourceCache } from '../../content/sources.js';
import { changeSheets } from '../../pipeline/change-documents.js';
import { writeStaged } from '../../pipeline/output.js';
import { planOutput } from '../../pipeline/output-plan.js';
import { renderFiles } from '../../pipeline/render-files.js';
import { FORMATS } from '../../writers/index.js';
import { UsageError } from '../../errors.js';
import { EXIT, type Command } from '../command.js';

export const changesCommand: Command = {
  name: 'changes',
  summary: 'Report what changed since the issued version: items added, withdrawn, changed; departments affected',
  usage: `  --since LABEL    compare with this issued version (default: the latest in content/issued/)
  --git REV        compare with the content at a git revision instead (its own amendment records say what it included)
  --format F       text (default) or json (every change with the ids of the amendments it rests on)
  --lang L         uz (default) or en: the language of the text report
  --sheets DIR     also write a change sheet per affected department (DOCX and PDF, every edition) to DIR
  --content DIR --templates DIR --fonts DIR   folders (default: the project's)
  (\`build\` writes the change sheets against the last issued version to out/changes/ by itself)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        templates: { type: 'string' },
        fonts: { type: 'string' },
        since: { type: 'string' },
        git: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        sheets: { type: 'string' },
      },
    });
    if (positionals.length) throw new UsageError(`Unexpected \`${positionals.join(' ')}\` after changes`, true);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format \`${format}\`, expected text or json`, true);
    const lang = values.lang ?? 'uz';
    if (lang !== 'uz' && lang !== 'en') throw new UsageError(`Unknown language \`${lang}\`, expected uz or en`, true);
    if (values.since && values.git) throw new UsageError('Give --since or --git, not both', true);
    const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
    const templates = await loadTemplates(values.templates ?? DEFAULT_DIRS.templatesDir);
    const sources = sourceCache();
    const plan = await loadPlan(contentDir, sources.read);
    const current = snapshotPlan(plan, templates);
    const releases = await history(contentDir);

    let baseline: Baseline;
    let dependsOn: string[] = [];
    if (values.git) {
      const atRevision = await snapshotAtRevision(contentDir, values.git, templates);
      baseline = { name: `git ${values.git}`, snapshot: atRevision.snapshot, amendments: atRevision.amendments, date: atRevision.date };
    } else {
      const labels = releases.map((r) => r.label);
      if (values.since && !labels.includes(values.since))
        throw new UsageError(`No issued version \`${values.since}\`, expected one of: ${labels.join(', ') || '(none yet)'}`);
      const release = values.since ? releases.find((r) => r.label === values.since)! : releases.at(-1);
      if (!release)
        throw new UsageError(
          'No issued version is recorded yet: run `plan-pipeline release` when the plan is sent out, or compare with a git revision: --git REV',
        );
      baseline = releaseBaseline(release, plan);
      dependsOn = [`issued/${release.label}.json`];
    }
    const report = compareWith(plan, baseline, current, templates.locale);
    out.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, lang, templates.locale.fields));
    for (const d of await crossCheck({ plan, contentDir, baseline, report, history: releases, read: sources.read })) err.write(`${formatDiagnostic(d)}\n`);
    if (values.sheets) {
      // The build's own path: the output plan, the render pool, one staged transaction.
      const fontsDir = values.fonts ?? DEFAULT_DIRS.fontsDir;
      const sheets = planOutput(
        plan.editions.flatMap((edition) => changeSheets(plan, report, baseline, current, templates, edition, dependsOn)),
        FORMATS,
      );
      const planned = sheets.files.map((f) => ({ ...f, key: '', reuse: null }));
      await writeStaged(values.sheets, (staged) => renderFiles(planned, fontsDir, staged, undefined, () => {}));
      for (const name of sheets.documents.flatMap((d) => d.files)) (format === 'json' ? err : out).write(`wrote ${path.join(values.sheets, name)}\n`);
    }
    return EXIT.ok;
  },
};
