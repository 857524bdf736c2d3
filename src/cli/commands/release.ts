// `release`: build, then record what is being sent out, so that later amendments can be reported against it.
import { parseArgs } from 'node:util';
import { build, DEFAULT_DIRS } from '../../build/build.js';
import { snapshotPlan } from '../../changes/snapshot.js';
import { checkNewLabel, saveRelease } from '../../changes/releases.js';
import { loadPlan } from '../../content/load.js';
import { loadTemplates } from '../../compose/compose.js';
import { documentDate } from '../../compose/view.js';
import { EXIT, UsageMistake, type Command } from '../command.js';
import { DIR_OPTIONS, reportBuild } from './build.js';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'Build everything and record it as the issued version (content/issued/<label>.json)',
  usage: '  --label L        name of the version (default: the date the documents carry, e.g. 2024-01-04)',
  async run(args, { out }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DIR_OPTIONS, label: { type: 'string' } } });
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after release`);
    const dirs = {
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
    };
    const label = values.label ?? null;
    if (label !== null && !/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(label)) throw new UsageMistake(`Label \`${label}\` is not a safe file name, expected letters, digits, '.', '_' or '-'`);
    // Refuse a used label before building: an issued version is history, and out/ stays as it is.
    const plannedLabel = label ?? documentDate(await loadPlan(dirs.contentDir));
    await checkNewLabel(dirs.contentDir, plannedLabel);
    const t0 = performance.now();
    const result = await build(dirs);
    reportBuild(result, out, performance.now() - t0);
    const templates = await loadTemplates(dirs.templatesDir);
    const date = documentDate(result.plan);
    const documents = Object.fromEntries(result.manifest.documents.map((d) => [d.path, d.sha256]));
    const file = await saveRelease(dirs.contentDir, { label: plannedLabel, date, snapshot: snapshotPlan(result.plan, templates.locale), documents });
    out.write(`recorded ${file}: ${Object.keys(documents).length} documents issued; commit it with the content\n`);
    return EXIT.ok;
  },
};
