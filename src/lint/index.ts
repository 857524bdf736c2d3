// Lint's public face: run the rules of lint.yaml on a content folder, and apply their fixes.
export { DEFAULT_CONFIG_FILE, defaultLintConfig, loadLintConfig, type LintConfig, type RuleSetting } from './config.js';
export { applyFixes, type FixOutcome } from './fix.js';
export { lintContent, runLint, type LintResult } from './run.js';
export { RULES } from './rules/index.js';
