// `release`: build, then record what is being sent out, so that later amendments can be reported against it.
// Refuses, before building, an edit that no recorded amendment accounts for (and an amendment that names what
// did not change): what goes out must say what it rests on. The work is `releaseVersion` (pipeline/release.ts).
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../pipeline/build.js';
import { releaseVersion } from '../../pipeline/release.js';
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
    const t0 = performance.now();
    const done = await releaseVersion(dirs, values.label ?? null);
    if (done.unchangedSince) out.write(`nothing changed since issued version ${done.unchangedSince}; recording it again under ${done.label}\n`);
    reportBuild(done.build, out, performance.now() - t0);
    out.write(
      `recorded ${done.file}: ${done.toSend} of ${done.total} documents to send (content/issued/register.md says to whom); commit it with the content\n`,
    );
    return EXIT.ok;
  },
};
