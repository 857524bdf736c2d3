// `lint`: the checks of lint.yaml on the content; `--fix` corrects the mechanical ones in place.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../build/build.js';
import { checkFolder } from '../../build/folders.js';
import { formatDiagnostics, type Diagnostic } from '../../content/diagnostics.js';
import { DEFAULT_CONFIG_FILE, loadLintConfig } from '../../lint/config.js';
import { applyFixes } from '../../lint/fix.js';
import { runLint } from '../../lint/run.js';
import { EXIT, UsageMistake, type Command } from '../command.js';

/** Fix runs in a row: a fix that overlaps another waits for the next run. */
const MAX_FIX_RUNS = 5;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check the content for what proof-readers miss (rules and levels in lint.yaml)',
  usage: `  --fix            correct the mechanical findings in the files (keeps comments and layout)
  --format F       text (default) or json
  --config FILE    rules file (default: the project's ${DEFAULT_CONFIG_FILE})
  --content DIR    content folder (default: the project's content/)`,
  async run(args, { out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { content: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' }, fix: { type: 'boolean' } },
    });
    if (positionals.length) throw new UsageMistake(`Unexpected \`${positionals.join(' ')}\` after lint`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageMistake(`Unknown format \`${format}\`, expected text or json`);
    const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
    await checkFolder('content', contentDir);
    const config = await loadLintConfig(values.config);

    let result = await runLint(contentDir, config);
    const notes: string[] = [];
    if (values.fix) {
      let fixed = 0;
      const files = new Set<string>();
      const refused = new Set<string>();
      for (let run = 0; run < MAX_FIX_RUNS && result.fixes.length; run++) {
        const outcome = await applyFixes(result.ctx, result.fixes.map((f) => f.fix).filter((f) => !refused.has(f.file)));
        outcome.refused.forEach((f) => refused.add(f));
        outcome.files.forEach((f) => files.add(f));
        fixed += outcome.applied.length;
        result = await runLint(contentDir, config);
        if (outcome.applied.length === 0) break;
      }
      notes.push(`fixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}`);
      for (const f of refused) notes.push(`left ${f} unchanged: its fixes did not read back as intended; correct it by hand`);
    }
    out.write(`${render(result.diagnostics, format)}\n`);
    if (format === 'text') for (const n of notes) out.write(`${n}\n`);
    return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
  },
};

function render(list: Diagnostic[], format: 'text' | 'json'): string {
  return format === 'json' ? JSON.stringify(list, null, 2) : formatDiagnostics(list);
}
