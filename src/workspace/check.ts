// The content's problems as the build sees them, from the engine itself: the loader (zod schemas, references) and
// the lint rules of lint.yaml. A draft is checked by running the same on a copy of the content folder with the
// draft in place of its file, so a field's error is the build's error, word for word.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ContentError, sortDiagnostics, type Diagnostic } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import { sourceCache } from '../content/sources.js';
import type { Plan } from '../domain/types.js';
import { lintContent, loadLintConfig } from '../lint/index.js';
import type { Lang } from './i18n.js';

/** A diagnostic with its file named inside the content folder (`items/05.yaml`), as the pages group them. */
export interface Finding extends Diagnostic {
  rel: string;
}

export interface Checked {
  plan: Plan | null;
  findings: Finding[];
}

function relative(contentDir: string, d: Diagnostic): Finding {
  const rel = path.relative(path.resolve(contentDir), path.resolve(d.file)).split(path.sep).join('/');
  return { ...d, rel };
}

/** Loads and lints `contentDir`: the plan when it loads, and every finding of either (lint's in `lang`). */
export async function checkContent(contentDir: string, lang: Lang, lintConfig?: string): Promise<Checked> {
  let plan: Plan | null = null;
  const found: Diagnostic[] = [];
  // One reader for both, as a build has: every file read and parsed once.
  const { read } = sourceCache();
  try {
    plan = await loadPlan(contentDir, read);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    found.push(...e.diagnostics);
  }
  // Lint reads the raw YAML, so it speaks about content that does not load; a syntax error both report once.
  const seen = new Set(found.map((d) => `${d.file}:${d.line}:${d.column}:${d.ruleId}`));
  for (const d of await lintContent(contentDir, await loadLintConfig(lintConfig), lang, read))
    if (!seen.has(`${d.file}:${d.line}:${d.column}:${d.ruleId}`)) found.push(d);
  return { plan, findings: sortDiagnostics(found).map((d) => relative(contentDir, d)) };
}

/** The findings on `rel` if its text were `text`: the content is copied aside, the draft written in, and checked. */
export async function checkDraft(contentDir: string, rel: string, text: string, lang: Lang, lintConfig?: string): Promise<Finding[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plan-workspace-'));
  try {
    const copy = path.join(dir, 'content');
    await cp(contentDir, copy, { recursive: true, filter: (src) => !/^issued(\/|$)/.test(path.relative(contentDir, src).split(path.sep).join('/')) });
    await writeFile(path.join(copy, rel), text);
    const { findings } = await checkContent(copy, lang, lintConfig);
    return findings.filter((f) => f.rel === rel);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
