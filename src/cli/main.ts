// The command line: dispatches to one module per command (src/cli/commands/).
// Exit codes: 0 ok, 1 content or template errors, 2 usage, 3 internal failure.
import { failureOf } from '../pipeline/failure.js';
import { EXIT, type Command, type CommandIO, type Output } from './command.js';

export { EXIT, type Output } from './command.js';

/**
 * Each command's module, in the help's order, loaded only when that command runs: `build` never loads the
 * workspace server, the DOCX import or the release code (a fresh process pays for every module it loads).
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).buildCommand,
  departments: async () => (await import('./commands/departments.js')).departmentsCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  changes: async () => (await import('./commands/changes.js')).changesCommand,
  release: async () => (await import('./commands/release.js')).releaseCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  translit: async () => (await import('./commands/translit.js')).translitCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};
const NAMES = Object.keys(COMMANDS);
const expected = () => `expected one of ${NAMES.map((x) => `\`${x}\``).join(', ')}; run \`plan-pipeline --help\``;
const command = (name: string | undefined): Promise<Command> | undefined =>
  name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!() : undefined;

const EXIT_CODES =
  'Exit codes: 0 done, 1 content, template, font or output-folder errors (nothing written), 2 usage error, 3 internal failure (a bug: please report it).';

async function help(): Promise<string> {
  const all = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const list = all.map((c) => `  ${c.name.padEnd(13)}${c.summary}`).join('\n');
  return `Usage: plan-pipeline <command> [options]

Commands:
${list}

  help <command>   that command's options (also: <command> --help)
  -h, --help       show this help
  -V, --version    show the version

${EXIT_CODES}`;
}

function commandHelp(c: Command): string {
  return `Usage: plan-pipeline ${c.name} [options]\n\n${c.summary}\n${c.usage ? `\nOptions:\n${c.usage}\n` : ''}  -h, --help       show this help\n\n${EXIT_CODES}`;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { PROJECT_ROOT } = await import('../project.js');
  const pkg = JSON.parse(await readFile(`${PROJECT_ROOT}/package.json`, 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version} (Node ${process.versions.node})`;
}

/** node:util parseArgs messages in our words (it speaks of positionals and '--'). */
function argsMessage(e: Error & { code?: string }, command: string): string {
  const option = /'(-{1,2}[^' ,]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option \`${option ?? e.message}\` for ${command}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `Option \`${option ?? ''}\` ${/argument missing|<value>/.test(e.message) ? 'needs a value' : 'takes no value'}`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unexpected \`${/'([^']+)'/.exec(e.message)?.[1] ?? ''}\` after ${command}`;
  return e.message;
}

const NOTHING_WRITTEN = 'Nothing was written; the previous output is unchanged.';

export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr, stdin?: NodeJS.ReadableStream): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    out.write(`${await version()}\n`);
    return EXIT.ok;
  }
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) {
    out.write(`${await help()}\n`);
    return EXIT.ok;
  }
  const helpFor = argv[0] === 'help' ? argv[1] : argv.includes('--help') || argv.includes('-h') ? argv[0] : undefined;
  if (helpFor !== undefined) {
    const c = command(helpFor);
    if (!c) {
      err.write(`Unknown command \`${helpFor}\`, ${expected()}\n`);
      return EXIT.usage;
    }
    out.write(`${commandHelp(await c)}\n`);
    return EXIT.ok;
  }
  // `--list` on its own, or after `departments`, is the departments command.
  const [name, ...args] = argv[0] === '--list' ? ['departments', ...argv.slice(1)] : argv[0] === 'departments' ? argv.filter((a) => a !== '--list') : argv;
  const loading = command(name);
  if (!loading) {
    err.write(`${name ? `Unknown command \`${name}\`` : 'No command given'}, ${expected()}\n`);
    return EXIT.usage;
  }
  const chosen = await loading;
  const io: CommandIO = { out, err, ...(stdin ? { stdin } : {}) };
  try {
    return await chosen.run(args, io);
  } catch (e) {
    const failure = failureOf(e);
    const code = (e as { code?: unknown }).code;
    if (failure.kind === 'usage' && failure.help) {
      err.write(`${failure.text}; run \`plan-pipeline help ${chosen.name}\` for its options\n`);
      return EXIT.usage;
    }
    if (failure.kind === 'internal' && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      err.write(`${argsMessage(e as Error & { code?: string }, chosen.name)}; run \`plan-pipeline help ${chosen.name}\` for its options\n`);
      return EXIT.usage;
    }
    if (failure.kind === 'internal') {
      err.write(`internal failure (a bug in plan-pipeline, please report it with this text): ${failure.text}\n`);
      return EXIT.internal;
    }
    const writes = chosen.name === 'build' || chosen.name === 'release';
    err.write(`${failure.text}\n${failure.kind === 'content' && writes ? `${NOTHING_WRITTEN}\n` : ''}`);
    return failure.exit;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr, process.stdin);
