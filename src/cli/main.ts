// Command line: `plan-pipeline build`. Exit codes: 0 ok, 1 content or template errors, 2 usage, 3 internal failure.
import { parseArgs } from 'node:util';
import { build, DEFAULT_DIRS } from '../build/build.js';
import { TemplateError } from '../compose/compose.js';
import { ContentError, formatDiagnostics } from '../content/diagnostics.js';
import { FORMATS, type Format } from '../writers/index.js';

export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

const HELP = `Usage: plan-pipeline <command> [options]

Commands:
  build            Validate content/ and write the plan as DOCX and PDF to out/

Options:
  --content DIR    Content folder (default: content)
  --templates DIR  Templates folder (default: templates)
  --fonts DIR      Fonts folder (default: fonts)
  --out DIR        Output folder (default: out)
  --format F       Only this format: ${FORMATS.join(' or ')} (repeatable; default: all)
  -h, --help       Show this help

Exit codes: 0 built, 1 content or template errors (nothing written), 2 usage error, 3 internal failure.`;

export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        templates: { type: 'string' },
        fonts: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    err.write(`${(e as Error).message}\n\n${HELP}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const [command, ...extra] = positionals;
  if (command !== 'build' || extra.length) {
    err.write(`${command ? `Unknown command \`${[command, ...extra].join(' ')}\`` : 'No command given'}, expected \`build\`\n\n${HELP}\n`);
    return EXIT.usage;
  }
  const formats = values.format as string[] | undefined;
  const unknown = formats?.filter((f) => !(FORMATS as string[]).includes(f)) ?? [];
  if (unknown.length) {
    err.write(`Unknown format \`${unknown.join(', ')}\`, expected ${FORMATS.join(' or ')}\n`);
    return EXIT.usage;
  }
  try {
    const t0 = performance.now();
    const result = await build({
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
      ...(formats ? { formats: formats as Format[] } : {}),
    });
    for (const f of result.files) out.write(`wrote ${f}\n`);
    out.write(`built ${result.documents.length} document${result.documents.length === 1 ? '' : 's'} in ${Math.round(performance.now() - t0)} ms\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ContentError) {
      err.write(`${formatDiagnostics(e.diagnostics)}\nNothing was written; the previous output is unchanged.\n`);
      return EXIT.content;
    }
    if (e instanceof TemplateError) {
      err.write(`${e.message}\nNothing was written; the previous output is unchanged.\n`);
      return EXIT.content;
    }
    err.write(`internal failure: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
