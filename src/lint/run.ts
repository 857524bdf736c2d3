// The runner: reads the content once, runs every rule lint.yaml turns on, and stamps each finding with the
// rule's id and the configured severity.
import { sortDiagnostics, type Diagnostic } from '../content/diagnostics.js';
import type { SourceReader } from '../content/sources.js';
import { defaultLintConfig, type LintConfig } from './config.js';
import { readContext, type LintContext } from './context.js';
import { RULES } from './rules/index.js';
import type { Fix } from './types.js';

export interface LintResult {
  ctx: LintContext;
  diagnostics: Diagnostic[];
  /** The fixes of the findings that carry one, each beside its diagnostic. */
  fixes: { diagnostic: Diagnostic; fix: Fix }[];
}

/** The language of the messages: English (the default of the API) or Uzbek Cyrillic (the default of `lint`). */
export type Language = 'en' | 'uz';

/** `read`: how files are read; a build passes the reader its load used, so both see the same parsed files. */
export async function runLint(
  contentDir: string,
  config: LintConfig = defaultLintConfig(),
  language: Language = 'en',
  read?: SourceReader,
): Promise<LintResult> {
  const ctx = await readContext(contentDir, read);
  ctx.accept = new Set(config.accept);
  const diagnostics: Diagnostic[] = [...ctx.syntax];
  const fixes: LintResult['fixes'] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.id] ?? { level: rule.defaultLevel, options: {} };
    if (setting.level === 'off') continue;
    const severity = setting.level === 'error' ? 'error' : 'warning';
    try {
      for (const { fix, uz, related, ...f } of rule.check(ctx, setting.options)) {
        const message = language === 'uz' ? (uz ?? f.message) : f.message;
        const rel = related && { ...related, message: language === 'uz' ? (related.uz ?? related.message) : related.message };
        if (rel) delete rel.uz;
        const diagnostic: Diagnostic = { ...f, message, ...(rel ? { related: rel } : {}), severity, ruleId: rule.id };
        diagnostics.push(diagnostic);
        if (fix) fixes.push({ diagnostic, fix });
      }
    } catch (e) {
      // A rule that fails is reported, and the other rules still run.
      diagnostics.push({
        file: ctx.dir,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: rule.id,
        field: '',
        message: `${language === 'uz' ? 'Қоида ишламади' : 'Rule failed'}: ${(e as Error).message}`,
      });
    }
  }
  return { ctx, diagnostics: sortDiagnostics(diagnostics), fixes };
}

/** Every finding in the content folder, as diagnostics (errors stop a build; warnings are printed). */
export async function lintContent(
  contentDir: string,
  config: LintConfig = defaultLintConfig(),
  language: Language = 'en',
  read?: SourceReader,
): Promise<Diagnostic[]> {
  return (await runLint(contentDir, config, language, read)).diagnostics;
}
