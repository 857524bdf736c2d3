// lint.yaml: for every rule `off`, `warn` or `error`, or a map with `level` and the rule's options. Rules left
// out keep their default. Validated with zod; every mistake is reported at its line and column.
import { UsageError } from '../errors.js';
import { projectPath } from '../project.js';
import path from 'node:path';
import * as z from 'zod';
import { ContentError, sortDiagnostics, type Diagnostic } from '../content/diagnostics.js';
import { readYamlFile } from '../content/yaml-source.js';
import { zodDiagnostics } from '../content/zod-diagnostics.js';
import { RULES } from './rules/index.js';
import type { Level, Rule } from './types.js';

export const DEFAULT_CONFIG_FILE = 'lint.yaml';

export interface RuleSetting {
  level: Level;
  options: Record<string, unknown>;
}

export interface LintConfig {
  rules: Record<string, RuleSetting>;
  /** Words kept as written (as signed): the spelling rules accept them. */
  accept: string[];
}

const level = z.enum(['off', 'warn', 'error']);

const defaults = (rule: Rule<any>): Record<string, unknown> => (rule.options ? (rule.options.parse({}) as Record<string, unknown>) : {});

export function defaultLintConfig(): LintConfig {
  return { rules: Object.fromEntries(RULES.map((r) => [r.id, { level: r.defaultLevel, options: defaults(r) }])), accept: [] };
}

/** A rule's entry, once a bare level is read as `{ level }`: `level` and the rule's own options. */
function settingSchema(rule: Rule<any>) {
  return z.strictObject({ level: level.default(rule.defaultLevel), ...((rule.options as z.ZodObject | undefined)?.shape ?? {}) });
}

/** `rule: warn` read as `rule: { level: warn }`. */
function normalise(data: unknown): unknown {
  const rules = (data as { rules?: unknown } | null)?.rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return data;
  const entries = Object.entries(rules).map(([id, v]) => [id, typeof v === 'string' ? { level: v } : v]);
  return { ...(data as object), rules: Object.fromEntries(entries) };
}

const fileSchema = z.strictObject({
  rules: z.strictObject(Object.fromEntries(RULES.map((r) => [r.id, settingSchema(r).optional()]))).default({}),
  accept: z.array(z.string().min(1)).default([]),
});

/** Plain words for a field lint.yaml does not know: a rule, a rule's option, or a top-level field. */
function unknownMessage(d: Diagnostic): string | undefined {
  if (d.ruleId !== 'schema/unknown-field') return undefined;
  const [top, rule, option] = d.field.split('.');
  if (top !== 'rules') return `Unknown field \`${d.found}\`, expected \`rules\` or \`accept\``;
  if (option === undefined) return `Unknown rule \`${rule}\`, expected one of: ${RULES.map((r) => r.id).join(', ')}`;
  const known = Object.keys((RULES.find((r) => r.id === rule)?.options as z.ZodObject | undefined)?.shape ?? {});
  return `Unknown option \`${option}\` for ${rule}, expected ${['level', ...known].map((k) => `\`${k}\``).join(' or ')}`;
}

/**
 * Reads the rules file: without `file`, the project's lint.yaml (the rules' defaults when it is absent); a file
 * named explicitly must exist. A mistake in it throws a ContentError.
 */
export async function loadLintConfig(file?: string): Promise<LintConfig> {
  const chosen = file ?? projectPath(DEFAULT_CONFIG_FILE);
  // Read at the border like content: size, UTF-8, characters, YAML syntax.
  const read = await readYamlFile(chosen, path.relative(process.cwd(), path.resolve(chosen)).split(path.sep).join('/'));
  if (!read) {
    if (file === undefined) return defaultLintConfig();
    throw new UsageError(`No lint rules file \`${file}\`, expected an existing file (or leave --config out for the project's ${DEFAULT_CONFIG_FILE})`);
  }
  if ('diagnostics' in read) throw new ContentError(read.diagnostics);
  const { source } = read;
  const data = normalise(source.data() ?? {});
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const diagnostics: Diagnostic[] = zodDiagnostics(source, data, result.error).map((d) => ({
      ...d,
      ruleId: 'lint/config',
      message: unknownMessage(d) ?? d.message,
    }));
    throw new ContentError(sortDiagnostics(diagnostics));
  }
  const config = defaultLintConfig();
  config.accept = result.data.accept.map((w) => w.toLowerCase());
  for (const [id, setting] of Object.entries(result.data.rules)) {
    if (!setting) continue;
    const { level: l, ...options } = setting as { level: Level } & Record<string, unknown>;
    config.rules[id] = { level: l, options: { ...config.rules[id]!.options, ...options } };
  }
  return config;
}
