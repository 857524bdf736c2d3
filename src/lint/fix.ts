// `lint --fix`: splices each fix into its file at the exact offsets of the characters it changes, so comments,
// folded `>-` texts and line breaks stay as they are; then re-reads the file and keeps the new text only if every
// changed value reads exactly as intended. Nothing is written here: the CLI writes the texts through the output's
// one write path.
import { YamlSource } from '../content/yaml-source.js';
import { applyValueEdits, type LintContext } from './context.js';
import type { Edit, Fix, ValueEdit } from './types.js';

export interface FixOutcome {
  /** Fixes applied. */
  applied: Fix[];
  /** Files rewritten, relative to the content folder. */
  files: string[];
  /** Files left alone because the result did not read back as intended. */
  refused: string[];
  /** The new text of each file in `files` (relative to the content folder), as it is to be written. */
  texts: [string, string][];
}

const overlaps = (a: { start: number; end: number }, list: { start: number; end: number }[]) =>
  list.some((b) => (a.start < b.end && b.start < a.end) || (a.start === a.end && a.start === b.start));

export function applyFixes(ctx: LintContext, fixes: Fix[]): FixOutcome {
  const outcome: FixOutcome = { applied: [], files: [], refused: [], texts: [] };
  const byFile = new Map<string, Fix[]>();
  for (const f of fixes) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [rel, list] of byFile) {
    const file = ctx.files.find((f) => f.rel === rel);
    if (!file) continue;
    // Take fixes whose edits do not overlap any taken before; the rest wait for the next run.
    const taken: Fix[] = [];
    const edits: Edit[] = [];
    for (const fix of list) {
      if (fix.sourceEdits.some((e) => overlaps(e, edits))) continue;
      taken.push(fix);
      edits.push(...fix.sourceEdits);
    }
    let text = file.source.text;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);

    // What every changed scalar must read now.
    const expected = new Map<string, { path: (string | number)[]; before: string; edits: ValueEdit[] }>();
    for (const fix of taken) {
      const key = JSON.stringify(fix.path);
      const entry = expected.get(key) ?? { path: fix.path, before: fix.before, edits: [] };
      entry.edits.push(...fix.edits);
      expected.set(key, entry);
    }
    const after = new YamlSource(file.display, text);
    const ok = after.syntaxDiagnostics().length === 0 && [...expected.values()].every((e) => after.doc.getIn(e.path) === applyValueEdits(e.before, e.edits));
    if (!ok) {
      outcome.refused.push(rel);
      continue;
    }
    outcome.texts.push([rel, file.source.bom ? `\ufeff${text}` : text]);
    outcome.applied.push(...taken);
    outcome.files.push(rel);
  }
  return outcome;
}
