// `import plan.docx --out DIR`: the plan table of a DOCX → content YAML; then the content is loaded and linted,
// and what the import had to decide, what does not load and what lint finds are printed together.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS, UsageError } from '../../pipeline/build.js';
import { loadTemplates } from '../../compose/compose.js';
import { ContentError, formatDiagnostics, sortDiagnostics, type Diagnostic } from '../../content/diagnostics.js';
import { loadPlan } from '../../content/load.js';
import { sourceCache } from '../../content/sources.js';
import { DocxError } from '../../import/docx.js';
import { ImportError, importDocx } from '../../import/import.js';
import { writeFiles } from '../../pipeline/output.js';
import { DEFAULT_CONFIG_FILE, loadLintConfig } from '../../lint/config.js';
import { lintContent } from '../../lint/run.js';
import { EXIT, type Command } from '../command.js';

async function isEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Read the plan table of a DOCX into content YAML (plan, departments, acts, items), then lint it',
  usage: `  <file.docx>      the plan as the secretariat has it
  --out DIR        folder to write the content to (new or empty)
  --force          write into a folder that already holds files
  --config FILE    lint rules (default: the project's ${DEFAULT_CONFIG_FILE})
  --templates DIR  for the month names and wording the program prints (default: the project's templates/)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, config: { type: 'string' }, templates: { type: 'string' } },
    });
    const [docx, ...extra] = positionals;
    if (!docx) throw new UsageError('No DOCX given, expected `import <file.docx> --out DIR`', true);
    if (extra.length) throw new UsageError(`Unexpected \`${extra.join(' ')}\` after the DOCX`, true);
    if (!values.out) throw new UsageError('No --out folder given, expected `import <file.docx> --out DIR`', true);
    if (!values.force && !(await isEmpty(values.out)))
      throw new UsageError(`\`${values.out}\` already holds files, expected a new or empty folder (or --force)`, true);

    const bytes = await readFile(docx).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(
        `Cannot read \`${docx}\` (${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'a folder' : (e.code ?? e.message)}), expected a DOCX file`,
      );
    });
    const { locale } = await loadTemplates(values.templates ?? DEFAULT_DIRS.templatesDir);
    const config = await loadLintConfig(values.config);
    let result;
    try {
      result = await importDocx(new Uint8Array(bytes), { source: docx, outDir: values.out, locale });
    } catch (e) {
      if (e instanceof DocxError || e instanceof ImportError) {
        // The zip library's own words (and its documentation links) are not for the user.
        const message = e.message
          .replace(/\(Can't find end of central directory[^)]*\)/, '(it is not a zip archive, and every DOCX is one: was it saved as .doc or renamed?)')
          .replace(/,? ?(If it is, )?see https?:\S+/g, '');
        err.write(`${docx}: ${message}\n`);
        return EXIT.content;
      }
      throw e;
    }
    for (const f of await writeFiles(values.out, [...result.files])) out.write(`wrote ${path.relative(process.cwd(), f)}\n`);

    const found: Diagnostic[] = [...result.report];
    // The imported folder read once, for the load and lint alike.
    const sources = sourceCache();
    try {
      await loadPlan(values.out, sources.read);
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      found.push(...e.diagnostics);
    }
    found.push(...(await lintContent(values.out, config, 'en', sources.read)));
    out.write(`${formatDiagnostics(sortDiagnostics(found))}\n`);
    out.write(`imported ${result.items} item${result.items === 1 ? '' : 's'} from ${docx} into ${values.out}\n`);
    return found.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
  },
};
