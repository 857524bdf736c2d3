// `changes`: what changed since the issued version (or a git revision), item by item, and for whom; each change
// with the recorded amendments it rests on; the amendment record checked against the edits.
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
import { changeSheets } from '../../pipeline/change-documents.js';
import { writeFiles } from '../../pipeline/output.js';
import { FORMATS, writers } from '../../writers/index.js';
import { UsageError } from '../../errors.js';
import { EXIT, UsageMistake, type Command } from '../command.js';

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
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after changes`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageMistake(`Unknown format \`${format}\`, expected text or json`);
    const lang = values.lang ?? 'uz';
    if (lang !== 'uz' && lang !== 'en') throw new UsageMistake(`Unknown language \`${lang}\`, expected uz or en`);
    if (values.since && values.git) throw new UsageMistake('Give --since or --git, not both');
    const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
    const templates = await loadTemplates(values.templates ?? DEFAULT_DIRS.templatesDir);
    const plan = await loadPlan(contentDir);
    const current = snapshotPlan(plan, templates);
    const releases = await history(contentDir);

    let baseline: Baseline;
    let dependsOn: string[] = [];
    if (values.git) {
      const atRevision = await snapshotAtRevision(contentDir, values.git, templates);
      baseline = { name: `git ${values.git}`, snapshot: atRevision.snapshot, amendments: atRevision.amendments, date: atRevision.date };
    } else {
      const labels = releases.map((r) => r.label);
      if (values.since && !labels.includes(values.since)) throw new UsageError(`No issued version \`${values.since}\`, expected one of: ${labels.join(', ') || '(none yet)'}`);
      const release = values.since ? releases.find((r) => r.label === values.since)! : releases.at(-1);
      if (!release) throw new UsageError('No issued version is recorded yet: run `plan-pipeline release` when the plan is sent out, or compare with a git revision: --git REV');
      baseline = releaseBaseline(release, plan);
      dependsOn = [`issued/${release.label}.json`];
    }
    const report = compareWith(plan, baseline, current, templates.locale);
    out.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, lang, templates.locale.fields));
    for (const d of await crossCheck({ plan, contentDir, baseline, report, history: releases })) err.write(`${formatDiagnostic(d)}\n`);
    if (values.sheets) {
      const fontsDir = values.fonts ?? DEFAULT_DIRS.fontsDir;
      const files: [string, Uint8Array][] = [];
      for (const doc of plan.editions.flatMap((edition) => changeSheets(plan, report, baseline, current, templates, edition, dependsOn))) {
        for (const format of FORMATS) files.push([`${doc.name}.${writers[format].extension}`, await writers[format].write(doc.model, { fontsDir })]);
      }
      for (const file of await writeFiles(values.sheets, files)) (format === 'json' ? err : out).write(`wrote ${file}\n`);
    }
    return EXIT.ok;
  },
};
