// `changes`: what changed since the issued version (or a git revision), item by item, and for whom.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../build/build.js';
import { comparePlans } from '../../changes/diff.js';
import { latestRelease, readRelease, listReleases, snapshotAtRevision } from '../../changes/releases.js';
import { formatReport } from '../../changes/report-text.js';
import { snapshotPlan } from '../../changes/snapshot.js';
import { loadTemplates } from '../../compose/compose.js';
import { loadPlan } from '../../content/load.js';
import { changeSheets } from '../../build/change-documents.js';
import { writeFiles } from '../../build/output.js';
import { FORMATS, writers } from '../../writers/index.js';
import { UsageError } from '../../errors.js';
import { EXIT, UsageMistake, type Command } from '../command.js';

export const changesCommand: Command = {
  name: 'changes',
  summary: 'Report what changed since the issued version: items added, withdrawn, changed; departments affected',
  usage: `  --since LABEL    compare with this issued version (default: the latest in content/issued/)
  --git REV        compare with the content at a git revision instead
  --format F       text (default) or json
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
        sheets: { type: 'string' },
      },
    });
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after changes`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageMistake(`Unknown format \`${format}\`, expected text or json`);
    if (values.since && values.git) throw new UsageMistake('Give --since or --git, not both');
    const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
    const templates = await loadTemplates(values.templates ?? DEFAULT_DIRS.templatesDir);
    const plan = await loadPlan(contentDir);
    const current = snapshotPlan(plan, templates.locale);

    let before;
    let since: string;
    let version: { label: string; date: string };
    if (values.git) {
      const atRevision = await snapshotAtRevision(contentDir, values.git, templates.locale);
      before = atRevision.snapshot;
      since = `git ${values.git}`;
      version = { label: `git ${values.git}`, date: atRevision.date };
    } else {
      const labels = await listReleases(contentDir);
      if (values.since && !labels.includes(values.since)) throw new UsageError(`No issued version \`${values.since}\`, expected one of: ${labels.join(', ') || '(none yet)'}`);
      const release = values.since ? await readRelease(contentDir, values.since) : await latestRelease(contentDir);
      if (!release) throw new UsageError('No issued version is recorded yet: run `plan-pipeline release` when the plan is sent out, or compare with a git revision: --git REV');
      before = release.snapshot;
      since = `issued version ${release.label}`;
      version = { label: release.label, date: release.date };
    }
    const report = comparePlans(before, current, since);
    out.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    if (values.sheets) {
      const fontsDir = values.fonts ?? DEFAULT_DIRS.fontsDir;
      const files: [string, Uint8Array][] = [];
      for (const doc of plan.editions.flatMap((edition) => changeSheets(plan, report, version, templates, edition, []))) {
        for (const format of FORMATS) files.push([`${doc.name}.${writers[format].extension}`, await writers[format].write(doc.model, { fontsDir })]);
      }
      for (const file of await writeFiles(values.sheets, files)) (format === 'json' ? err : out).write(`wrote ${file}\n`);
    }
    return EXIT.ok;
  },
};
