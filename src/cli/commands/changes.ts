// `changes`: what changed since the issued version (or a git revision), item by item, and for whom.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../build/build.js';
import { comparePlans } from '../../changes/diff.js';
import { latestRelease, readRelease, listReleases, snapshotAtRevision } from '../../changes/releases.js';
import { formatReport } from '../../changes/report-text.js';
import { snapshotPlan } from '../../changes/snapshot.js';
import { loadTemplates } from '../../compose/compose.js';
import { loadPlan } from '../../content/load.js';
import { EXIT, UsageMistake, type Command } from '../command.js';

export const changesCommand: Command = {
  name: 'changes',
  summary: 'Report what changed since the issued version: items added, withdrawn, changed; departments affected',
  usage: `  --since LABEL    compare with this issued version (default: the latest in content/issued/)
  --git REV        compare with the content at a git revision instead
  --format F       text (default) or json
  (the change sheets per department are written by \`build\` to out/changes/)`,
  async run(args, { out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { content: { type: 'string' }, templates: { type: 'string' }, since: { type: 'string' }, git: { type: 'string' }, format: { type: 'string' } },
    });
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after changes`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageMistake(`Unknown format \`${format}\`, expected text or json`);
    if (values.since && values.git) throw new UsageMistake('Give --since or --git, not both');
    const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
    const templates = await loadTemplates(values.templates ?? DEFAULT_DIRS.templatesDir);
    const current = snapshotPlan(await loadPlan(contentDir), templates.locale);

    let before;
    let since: string;
    if (values.git) {
      before = await snapshotAtRevision(contentDir, values.git, templates.locale);
      since = `git ${values.git}`;
    } else {
      const labels = await listReleases(contentDir);
      if (values.since && !labels.includes(values.since)) throw new UsageMistake(`No issued version \`${values.since}\`, expected one of: ${labels.join(', ') || '(none yet)'}`);
      const release = values.since ? await readRelease(contentDir, values.since) : await latestRelease(contentDir);
      if (!release) throw new UsageMistake('No issued version is recorded yet: run `plan-pipeline release` when the plan is sent out, or compare with a git revision: --git REV');
      before = release.snapshot;
      since = `issued version ${release.label}`;
    }
    const report = comparePlans(before, current, since);
    out.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return EXIT.ok;
  },
};
