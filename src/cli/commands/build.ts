// `build`: validate content and write the plan, the extracts and index.md.
import { parseArgs } from 'node:util';
import { build, DEFAULT_DIRS, type BuildResult } from '../../pipeline/build.js';
import { formatDiagnostic } from '../../content/diagnostics.js';
import { FORMATS, type Format } from '../../writers/index.js';
import { EXIT, type Command, type Output } from '../command.js';
import { UsageError } from '../../errors.js';

export const DIR_OPTIONS = {
  content: { type: 'string' },
  templates: { type: 'string' },
  fonts: { type: 'string' },
  out: { type: 'string' },
} as const;

export function reportBuild(result: BuildResult, out: Output, ms: number, quiet = false): void {
  if (quiet) return;
  for (const n of result.notices) out.write(`${n}\n`);
  const warnings = result.warnings.length;
  if (warnings) {
    const byRule = new Map<string, number>();
    for (const w of result.warnings) byRule.set(w.ruleId, (byRule.get(w.ruleId) ?? 0) + 1);
    const rules = [...byRule]
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${n} ${r}`)
      .join(', ');
    out.write(
      `${warnings} lint warning${warnings === 1 ? '' : 's'} on the content (${rules}); warnings do not stop the build, and wording kept as signed (content/README.md, section 11) may warn: \`npx plan-pipeline lint\` lists them\n`,
    );
  }
  // The amendment record against the edits: each said in full, since \`release\` will refuse them.
  for (const d of result.amendmentFindings) out.write(`${formatDiagnostic(d)}\n`);
  for (const f of result.rendered) out.write(`wrote ${f}\n`);
  for (const f of result.removed) out.write(`removed ${f} (no longer made)\n`);
  const all = result.documents.flatMap((d) => d.files).length;
  const unchanged = all - result.rendered.length;
  const docs = result.documents.length;
  if (result.rendered.length === 0 && result.removed.length === 0) {
    out.write(`nothing rendered: all ${all} file${all === 1 ? '' : 's'} of ${docs} document${docs === 1 ? '' : 's'} are up to date (${Math.round(ms)} ms)\n`);
    return;
  }
  out.write(
    `built ${docs} document${docs === 1 ? '' : 's'} in ${Math.round(ms)} ms${unchanged ? ` (${unchanged} file${unchanged === 1 ? '' : 's'} unchanged)` : ''}\n`,
  );
}

/**
 * Progress while rendering: on a terminal one live line, rewritten in place; otherwise a plain line at most every
 * two seconds, so a short build prints none and a long one shows it is alive.
 */
export function progressReporter(out: Output & { isTTY?: boolean }): { onProgress: (done: number, total: number, name: string) => void; end(): void } {
  const tty = Boolean(out.isTTY);
  let last = -1;
  let shown = false;
  return {
    onProgress(done, total, name) {
      if (tty) {
        out.write(`\r\u001b[Krendered ${done}/${total} ${name}`);
        shown = true;
      } else if (last < 0) last = performance.now();
      else if (performance.now() - last > 2000 && done < total) {
        out.write(`rendered ${done} of ${total} files…\n`);
        last = performance.now();
      }
    },
    end() {
      if (shown) out.write('\r\u001b[K');
    },
  };
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Validate content/ and write to out/: the plan, one extract per department (DOCX and PDF), index.md',
  usage: `  --watch          rebuild on every save of content, templates or fonts (Ctrl-C to stop)
  --department ID  only this department's extract
  -q, --quiet      print nothing but errors
  --format F       only this format: ${FORMATS.join(' or ')} (repeatable; default: all)
  --content DIR --templates DIR --fonts DIR --out DIR   folders (default: the project's content/, templates/, fonts/, out/)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...DIR_OPTIONS,
        format: { type: 'string', multiple: true },
        department: { type: 'string' },
        watch: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    if (positionals.length) throw new UsageError(`Unexpected \`${positionals.join(' ')}\` after build`, true);
    const formats = values.format;
    const unknown = formats?.filter((f) => !(FORMATS as string[]).includes(f)) ?? [];
    if (unknown.length) throw new UsageError(`Unknown format \`${unknown.join(', ')}\`, expected ${FORMATS.join(' or ')}`, true);
    const options = {
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
      ...(formats ? { formats: formats as Format[] } : {}),
      ...(values.department !== undefined ? { department: values.department } : {}),
    };
    if (values.watch) {
      const { watchBuild } = await import('../../pipeline/watch.js');
      watchBuild(options, out, err);
      await new Promise(() => {}); // runs until interrupted
    }
    const t0 = performance.now();
    const progress = progressReporter(out);
    const result = await build({ ...options, ...(values.quiet ? {} : { onProgress: progress.onProgress }) }).finally(() => progress.end());
    reportBuild(result, out, performance.now() - t0, values.quiet);
    return EXIT.ok;
  },
};
