// The command line: dispatches to one module per command (src/cli/commands/).
// Exit codes: 0 ok, 1 content or template errors, 2 usage, 3 internal failure.
import { OutputError, UsageError } from '../build/build.js';
import { TemplateError } from '../compose/compose.js';
import { ContentError, formatDiagnostics } from '../content/diagnostics.js';
import { EXIT, UsageMistake, type Command, type CommandIO, type Output } from './command.js';
import { buildCommand } from './commands/build.js';
import { changesCommand } from './commands/changes.js';
import { departmentsCommand } from './commands/departments.js';
import { importCommand } from './commands/import.js';
import { lintCommand } from './commands/lint.js';
import { releaseCommand } from './commands/release.js';
import { translitCommand } from './commands/translit.js';

export { EXIT, type Output } from './command.js';

export const COMMANDS: Command[] = [buildCommand, departmentsCommand, lintCommand, changesCommand, releaseCommand, importCommand, translitCommand];

function help(): string {
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(13)}${c.summary}${c.usage ? `\n${c.usage.replace(/^/gm, '    ')}` : ''}`).join('\n');
  return `Usage: plan-pipeline <command> [options]

Commands:
${list}

  -h, --help       Show this help

Exit codes: 0 done, 1 content or template errors (nothing written), 2 usage error, 3 internal failure.`;
}

const NOTHING_WRITTEN = 'Nothing was written; the previous output is unchanged.';

export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr, stdin?: NodeJS.ReadableStream): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${help()}\n`);
    return EXIT.ok;
  }
  // `--list` on its own, or after `departments`, is the departments command.
  const [name, ...args] = argv[0] === '--list' ? ['departments', ...argv.slice(1)] : argv[0] === 'departments' ? argv.filter((a) => a !== '--list') : argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err.write(`${name ? `Unknown command \`${name}\`` : 'No command given'}, expected one of ${COMMANDS.map((c) => `\`${c.name}\``).join(', ')}\n\n${help()}\n`);
    return EXIT.usage;
  }
  const io: CommandIO = { out, err, ...(stdin ? { stdin } : {}) };
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof ContentError) {
      err.write(`${formatDiagnostics(e.diagnostics)}\n${command.name === 'build' ? `${NOTHING_WRITTEN}\n` : ''}`);
      return EXIT.content;
    }
    if (e instanceof TemplateError) {
      err.write(`${e.message}\n${NOTHING_WRITTEN}\n`);
      return EXIT.content;
    }
    if (e instanceof OutputError) {
      err.write(`${e.message}\n`);
      return e.exit;
    }
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || e instanceof UsageMistake || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      err.write(`${(e as Error).message}\n${e instanceof UsageError ? '' : `\n${help()}\n`}`);
      return EXIT.usage;
    }
    err.write(`internal failure: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr, process.stdin);
