// For the tests of the proof-reading rules: one rule alone, with the project's lint.yaml (its `accept` words
// and the rule's options there), on a copy of the content; the lines `lint` prints.
import { formatDiagnostic } from '../../../src/content/diagnostics.js';
import { loadLintConfig, type LintConfig } from '../../../src/lint/config.js';
import { runLint, type Language } from '../../../src/lint/run.js';
import type { ContentFixture } from '../../support/content-fixture.js';

export async function projectConfig(only?: string, options: Record<string, unknown> = {}): Promise<LintConfig> {
  const config = await loadLintConfig('lint.yaml');
  if (only) {
    for (const [id, setting] of Object.entries(config.rules)) {
      config.rules[id] = id === only ? { ...setting, options: { ...setting.options, ...options } } : { ...setting, level: 'off' };
    }
  }
  return config;
}

export async function ruleLines(fx: ContentFixture, id: string, options: Record<string, unknown> = {}, language: Language = 'en'): Promise<string[]> {
  const { diagnostics } = await runLint(fx.dir, await projectConfig(id, options), language);
  return diagnostics.map(formatDiagnostic);
}
