// What a text ends with, and what its siblings end with: the steps of one mechanism, or the same field
// (measure, mechanism, result) of the other items. Used by text/final-stop and by text/trailing-comma's fix.
import type { LintContext, Text } from './context.js';

/** The final punctuation of a text (after closing quotes and brackets), or '' when it has none. */
export function finalMark(value: string): string {
  const m = /([.;:!?…,])[»”")\]]*\s*$/u.exec(value);
  return m ? m[1]! : '';
}

/** The path of a text without its step index: `mechanism.steps` for every step, else the field. */
const group = (t: Text) => (typeof t.path.at(-1) === 'number' ? t.path.slice(0, -1).join('.') : t.path.join('.'));

export interface Siblings {
  /** The other texts it is compared with. */
  others: Text[];
  /** It is a step, and the last one of its list. */
  lastStep: boolean;
  step: boolean;
  /** The whole group, the text itself included. */
  all: Text[];
}

/** The prose texts by group, each list in the texts' order: steps per file, other fields across the files. */
interface Groups {
  steps: Map<Text['file'], Map<string, Text[]>>;
  fields: Map<string, Text[]>;
}
const indexed = new WeakMap<readonly Text[], Groups>();

function groupsOf(texts: readonly Text[]): Groups {
  let groups = indexed.get(texts);
  if (groups) return groups;
  groups = { steps: new Map(), fields: new Map() };
  const add = <K>(map: Map<K, Text[]>, key: K, t: Text) => (map.get(key) ?? map.set(key, []).get(key)!).push(t);
  for (const t of texts) {
    if (t.kind !== 'prose') continue;
    if (typeof t.path.at(-1) === 'number') {
      const byFile = groups.steps.get(t.file) ?? groups.steps.set(t.file, new Map()).get(t.file)!;
      add(byFile, group(t), t);
    } else add(groups.fields, group(t), t);
  }
  indexed.set(texts, groups);
  return groups;
}

export function siblingsOf(ctx: LintContext, text: Text): Siblings {
  if (text.kind !== 'prose') return { others: [], lastStep: false, step: false, all: [] };
  const step = typeof text.path.at(-1) === 'number';
  const groups = groupsOf(ctx.texts);
  const list = (step ? groups.steps.get(text.file)?.get(group(text)) : groups.fields.get(group(text))) ?? [];
  return { others: list.filter((t) => t !== text), lastStep: step && list.at(-1) === text, step, all: list };
}

/** How many texts of a group end with a full stop. */
const fullStops = new WeakMap<Text[], number>();
const fullStopsIn = (list: Text[]) => fullStops.get(list) ?? fullStops.set(list, list.filter((t) => finalMark(t.value) === '.').length).get(list)!;

/** The final mark a text should have by its siblings: '.', ';' or null when they do not agree. */
export function expectedFinal(ctx: LintContext, text: Text): string | null {
  const { others, lastStep, step, all } = siblingsOf(ctx, text);
  if (step) {
    if (lastStep) return others.length ? '.' : null;
    const marks = others.filter((t) => t !== others.at(-1) || others.length === 1).map((t) => finalMark(t.value));
    if (!marks.length || marks.some((m) => m === '')) return null;
    return marks.filter((m) => m === ';').length > marks.length / 2 ? ';' : '.';
  }
  if (others.length < 3) return null;
  const ownStop = all.includes(text) && finalMark(text.value) === '.' ? 1 : 0;
  return fullStopsIn(all) - ownStop === others.length ? '.' : null;
}
