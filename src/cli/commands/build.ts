// `build`: validate content and write the plan, the extracts and index.md.
import { parseArgs } from 'node:util';
import { build, DEFAULT_DIRS } from '../../build/build.js';
import { FORMATS, type Format } from '../../writers/index.js';
import { EXIT, UsageMistake, type Command } from '../command.js';

export const DIR_OPTIONS = {
  content: { type: 'string' },
  templates: { type: 'string' },
  fonts: { type: 'string' },
  out: { type: 'string' },
} as const;

export const buildCommand: Command = {
  name: 'build',
  summary: 'Validate content/ and write to out/: the plan, one extract per department (DOCX and PDF), index.md',
  usage: `  --department ID  only this department's extract
  --format F       only this format: ${FORMATS.join(' or ')} (repeatable; default: all)
  --content DIR --templates DIR --fonts DIR --out DIR   folders (default: content, templates, fonts, out)`,
  async run(args, { out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...DIR_OPTIONS, format: { type: 'string', multiple: true }, department: { type: 'string' } },
    });
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after build`);
    const formats = values.format;
    const unknown = formats?.filter((f) => !(FORMATS as string[]).includes(f)) ?? [];
    if (unknown.length) throw new UsageMistake(`Unknown format \`${unknown.join(', ')}\`, expected ${FORMATS.join(' or ')}`);
    const t0 = performance.now();
    const result = await build({
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
      ...(formats ? { formats: formats as Format[] } : {}),
      ...(values.department !== undefined ? { department: values.department } : {}),
    });
    for (const n of result.notices) out.write(`${n}\n`);
    for (const f of result.files) out.write(`wrote ${f}\n`);
    out.write(`built ${result.documents.length} document${result.documents.length === 1 ? '' : 's'} in ${Math.round(performance.now() - t0)} ms\n`);
    return EXIT.ok;
  },
};
