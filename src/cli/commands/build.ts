// `build`: validate content and write the plan, the extracts and index.md.
import { parseArgs } from 'node:util';
import { build, DEFAULT_DIRS, type BuildResult } from '../../build/build.js';
import { watchBuild } from '../../build/watch.js';
import { formatDiagnostic } from '../../content/diagnostics.js';
import { FORMATS, type Format } from '../../writers/index.js';
import { EXIT, UsageMistake, type Command, type Output } from '../command.js';

export const DIR_OPTIONS = {
  content: { type: 'string' },
  templates: { type: 'string' },
  fonts: { type: 'string' },
  out: { type: 'string' },
} as const;

export function reportBuild(result: BuildResult, out: Output, ms: number): void {
  for (const n of result.notices) out.write(`${n}\n`);
  const warnings = result.warnings.length;
  if (warnings) out.write(`${warnings} lint warning${warnings === 1 ? '' : 's'} on the content: \`npx plan-pipeline lint\` lists them\n`);
  // The amendment record against the edits: each said in full, since \`release\` will refuse them.
  for (const d of result.amendmentFindings) out.write(`${formatDiagnostic(d)}\n`);
  for (const f of result.rendered) out.write(`wrote ${f}\n`);
  for (const f of result.removed) out.write(`removed ${f} (no longer made)\n`);
  const unchanged = result.documents.flatMap((d) => d.files).length - result.rendered.length;
  const docs = result.documents.length;
  out.write(`built ${docs} document${docs === 1 ? '' : 's'} in ${Math.round(ms)} ms${unchanged ? ` (${unchanged} file${unchanged === 1 ? '' : 's'} unchanged)` : ''}\n`);
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Validate content/ and write to out/: the plan, one extract per department (DOCX and PDF), index.md',
  usage: `  --watch          rebuild on every save of content, templates or fonts (Ctrl-C to stop)
  --department ID  only this department's extract
  --format F       only this format: ${FORMATS.join(' or ')} (repeatable; default: all)
  --content DIR --templates DIR --fonts DIR --out DIR   folders (default: the project's content/, templates/, fonts/, out/)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...DIR_OPTIONS, format: { type: 'string', multiple: true }, department: { type: 'string' }, watch: { type: 'boolean' } },
    });
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after build`);
    const formats = values.format;
    const unknown = formats?.filter((f) => !(FORMATS as string[]).includes(f)) ?? [];
    if (unknown.length) throw new UsageMistake(`Unknown format \`${unknown.join(', ')}\`, expected ${FORMATS.join(' or ')}`);
    const options = {
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
      ...(formats ? { formats: formats as Format[] } : {}),
      ...(values.department !== undefined ? { department: values.department } : {}),
    };
    if (values.watch) {
      watchBuild(options, out, err);
      await new Promise(() => {}); // runs until interrupted
    }
    const t0 = performance.now();
    const result = await build(options);
    reportBuild(result, out, performance.now() - t0);
    return EXIT.ok;
  },
};
