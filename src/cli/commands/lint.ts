// `lint`: the checks of lint.yaml on the content; `--fix` corrects the mechanical ones in place.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../pipeline/build.js';
import { checkFolder } from '../../folders.js';
import { formatDiagnostic, formatDiagnostics, type Diagnostic } from '../../content/diagnostics.js';
import { DEFAULT_CONFIG_FILE, loadLintConfig } from '../../lint/config.js';
import { applyFixes } from '../../lint/fix.js';
import { writeFiles } from '../../pipeline/output.js';
import { runLint, type Language } from '../../lint/run.js';
import { EXIT, type Command } from '../command.js';
import { UsageError } from '../../errors.js';

/** Fix runs in a row: a fix that overlaps another waits for the next run. */
const MAX_FIX_RUNS = 5;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check the content for what proof-readers miss (rules and levels in lint.yaml)',
  usage: `  --fix            correct the mechanical findings in the files (keeps comments and layout)
  --format F       text (default) or json
  --lang L         language of the messages: uz (default, Uzbek Cyrillic) or en (English)
  --config FILE    rules file (default: the project's ${DEFAULT_CONFIG_FILE})
  --content DIR    content folder (default: the project's content/)`,
  async run(args, { out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { content: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' }, fix: { type: 'boolean' }, lang: { type: 'string' } },
    });
    if (positionals.length) throw new UsageError(`Unexpected \`${positionals.join(' ')}\` after lint`, true);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format \`${format}\`, expected text or json`, true);
    const lang = values.lang ?? 'uz';
    if (lang !== 'uz' && lang !== 'en') throw new UsageError(`Unknown language \`${lang}\`, expected uz or en`, true);
    const contentDir = values.content ?? DEFAULT_DIRS.contentDir;
    await checkFolder('content', contentDir);
    const config = await loadLintConfig(values.config);

    let result = await runLint(contentDir, config, lang);
    const notes: string[] = [];
    if (values.fix) {
      let fixed = 0;
      const files = new Set<string>();
      const refused = new Set<string>();
      for (let run = 0; run < MAX_FIX_RUNS && result.fixes.length; run++) {
        const outcome = applyFixes(
          result.ctx,
          result.fixes.map((f) => f.fix).filter((f) => !refused.has(f.file)),
        );
        if (outcome.texts.length) await writeFiles(contentDir, outcome.texts);
        outcome.refused.forEach((f) => refused.add(f));
        outcome.files.forEach((f) => files.add(f));
        fixed += outcome.applied.length;
        result = await runLint(contentDir, config, lang);
        if (outcome.applied.length === 0) break;
      }
      notes.push(
        lang === 'uz'
          ? `${files.size} та файлда ${fixed} та камчилик тузатилди`
          : `fixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}`,
      );
      for (const f of refused)
        notes.push(
          lang === 'uz'
            ? `${f} ўзгартирилмади: тузатишлар кутилгандек ўқилмади; қўлда тузатинг`
            : `left ${f} unchanged: its fixes did not read back as intended; correct it by hand`,
        );
    }
    out.write(`${render(result.diagnostics, format, lang)}\n`);
    if (format === 'text') for (const n of notes) out.write(`${n}\n`);
    return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
  },
};

function render(list: Diagnostic[], format: 'text' | 'json', lang: Language): string {
  if (format === 'json') return JSON.stringify(list, null, 2);
  if (lang === 'en') return formatDiagnostics(list);
  // The same lines, with the summary in Uzbek (severity words and rule ids stay as they are, for tools).
  const errors = list.filter((d) => d.severity === 'error').length;
  return [...list.map(formatDiagnostic), `${errors} та хато, ${list.length - errors} та огоҳлантириш`].join('\n');
}
