// Command line. Exit codes: 0 ok, 1 content or template errors, 2 usage, 3 internal failure.
import { parseArgs } from 'node:util';
import { build, DEFAULT_DIRS, UsageError, extractName } from '../build/build.js';
import { TemplateError } from '../compose/compose.js';
import { ContentError, formatDiagnostics } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import { selectExtracts } from '../extracts/select.js';
import { FORMATS, type Format } from '../writers/index.js';

export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

const HELP = `Usage: plan-pipeline <command> [options]

Commands:
  build            Validate content/ and write to out/: the plan, one extract per department (DOCX and PDF),
                   and index.md listing them
  departments      List the departments, their items and extract files (same as --list)

Options:
  --department ID  build: only this department's extract
  --content DIR    Content folder (default: content)
  --templates DIR  Templates folder (default: templates)
  --fonts DIR      Fonts folder (default: fonts)
  --out DIR        Output folder (default: out)
  --format F       Only this format: ${FORMATS.join(' or ')} (repeatable; default: all)
  --list           Same as the departments command
  -h, --help       Show this help

Exit codes: 0 done, 1 content or template errors (nothing written), 2 usage error, 3 internal failure.`;

/** Where the CLI prints: process.stdout/stderr, or a capture in tests. */
export interface Output {
  write(text: string): unknown;
}

const NOTHING_WRITTEN = 'Nothing was written; the previous output is unchanged.';

export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
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
        department: { type: 'string' },
        list: { type: 'boolean' },
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
  const command = values.list ? 'departments' : positionals[0];
  const extra = values.list ? positionals : positionals.slice(1);
  if ((command !== 'build' && command !== 'departments') || extra.length) {
    err.write(`${command ? `Unknown command \`${[command, ...extra].join(' ')}\`` : 'No command given'}, expected \`build\` or \`departments\`\n\n${HELP}\n`);
    return EXIT.usage;
  }
  const formats = values.format as string[] | undefined;
  const unknown = formats?.filter((f) => !(FORMATS as string[]).includes(f)) ?? [];
  if (unknown.length) {
    err.write(`Unknown format \`${unknown.join(', ')}\`, expected ${FORMATS.join(' or ')}\n`);
    return EXIT.usage;
  }
  const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
  try {
    if (command === 'departments') {
      const plan = await loadPlan(contentDir);
      for (const e of selectExtracts(plan)) {
        const items = e.items.length ? `items ${e.items.map((i) => i.number).join(', ')}` : 'no items';
        out.write(`${e.department.id.padEnd(18)} ${e.department.name}\n${' '.repeat(19)}${items}; ${e.items.length ? `${extractName(e.department)}.{docx,pdf}` : 'no extract'}\n`);
      }
      return EXIT.ok;
    }
    const t0 = performance.now();
    const result = await build({
      contentDir,
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
  } catch (e) {
    if (e instanceof ContentError) {
      err.write(`${formatDiagnostics(e.diagnostics)}\n${command === 'build' ? `${NOTHING_WRITTEN}\n` : ''}`);
      return EXIT.content;
    }
    if (e instanceof TemplateError) {
      err.write(`${e.message}\n${NOTHING_WRITTEN}\n`);
      return EXIT.content;
    }
    if (e instanceof UsageError) {
      err.write(`${e.message}\n`);
      return EXIT.usage;
    }
    err.write(`internal failure: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
