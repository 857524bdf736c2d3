// lint.yaml: every rule documented there, levels and options validated with their places, and the runner
// stamping each finding with the rule's id and the configured severity.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError, formatDiagnostic } from '../../../src/content/diagnostics.js';
import { defaultLintConfig, loadLintConfig } from '../../../src/lint/config.js';
import { RULES } from '../../../src/lint/rules/index.js';
import { lintContent } from '../../../src/lint/run.js';
import { only } from '../../fixtures/lint.js';
import { contentFixture, positionOf, SCRATCH, type ContentFixture } from '../../support/content-fixture.js';

let dir: string;
let fx: ContentFixture;
beforeAll(async () => {
  dir = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'lint-config-')));
  fx = await contentFixture();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await fx.remove();
});

async function configErrors(text: string): Promise<string[]> {
  const file = path.join(dir, 'lint.yaml');
  await writeFile(file, text);
  try {
    await loadLintConfig(file);
  } catch (e) {
    if (e instanceof ContentError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  throw new Error('expected the configuration to be rejected');
}

const where = (text: string, needle: string) => {
  const { line, column } = positionOf(text, needle);
  return `${dir}/lint.yaml:${line}:${column}`;
};

describe('lint.yaml', () => {
  it('documents every rule with a comment and sets each to its default or a stated level', async () => {
    const text = await readFile('lint.yaml', 'utf8');
    for (const rule of RULES) {
      const line = text.split('\n').findIndex((l) => l.trim().startsWith(`${rule.id}:`));
      expect(line, `${rule.id} in lint.yaml`).toBeGreaterThan(0);
      expect(text.split('\n')[line - 1]!.trim(), `comment above ${rule.id}`).toMatch(/^#/);
    }
    const config = await loadLintConfig('lint.yaml');
    expect(config.rules['numbering/gap']).toEqual({ level: 'warn', options: { allow: [2] } });
    expect(config.rules['text/mixed-script']!.level).toBe('error');
  });

  it('refuses a rules file named explicitly that does not exist, rather than silently using the defaults', async () => {
    await expect(loadLintConfig(path.join(dir, 'none.yaml'))).rejects.toThrow(/^No lint rules file `.+none\.yaml`, expected an existing file/);
  });

  it("reads the project's lint.yaml when no file is named", async () => {
    expect(await loadLintConfig()).toEqual(await loadLintConfig('lint.yaml'));
    expect(await loadLintConfig()).not.toEqual(defaultLintConfig()); // lint.yaml allows the signed plan's missing item 2
  });

  it('reports a wrong level, an unknown rule and an unknown option at their places', async () => {
    const text = 'rules:\n  text/mixed-script: loud\n  text/no-such-rule: warn\n  numbering/gap:\n    level: warn\n    alow: [2]\n';
    expect(await configErrors(text)).toEqual([
      `${where(text, 'loud')}  error  Expected one of \`off\`, \`warn\`, \`error\`, found \`loud\` (rules.text/mixed-script.level)  lint/config`,
      `${where(text, 'text/no-such-rule')}  error  Unknown rule \`text/no-such-rule\`, expected one of: ${RULES.map((r) => r.id).join(', ')} (rules.text/no-such-rule)  lint/config`,
      `${where(text, 'alow')}  error  Unknown option \`alow\` for numbering/gap, expected \`level\` or \`allow\` (rules.numbering/gap.alow)  lint/config`,
    ]);
  });
});

describe('the runner', () => {
  it('stamps the rule id and the configured severity on what a rule finds', async () => {
    await fx.edit('items/05.yaml', 'ҳисоблаб чиқиш', 'ҳисоблаб  чиқиш');
    const [warn] = await lintContent(fx.dir, only('typography/double-space'));
    const [error] = await lintContent(fx.dir, only('typography/double-space', {}, 'error'));
    expect([warn!.ruleId, warn!.severity, error!.severity]).toEqual(['typography/double-space', 'warning', 'error']);
    expect(await lintContent(fx.dir, only('typography/double-space', {}, 'off'))).toEqual([]);
  });
});
