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
}

export function siblingsOf(ctx: LintContext, text: Text): Siblings {
  if (text.kind !== 'prose') return { others: [], lastStep: false, step: false };
  const step = typeof text.path.at(-1) === 'number';
  if (step) {
    const steps = ctx.texts.filter((t) => t.file === text.file && t.kind === 'prose' && group(t) === group(text));
    return { others: steps.filter((t) => t !== text), lastStep: steps.at(-1) === text, step };
  }
  const others = ctx.texts.filter((t) => t.kind === 'prose' && t !== text && group(t) === group(text) && typeof t.path.at(-1) !== 'number');
  return { others, lastStep: false, step };
}

/** The final mark a text should have by its siblings: '.', ';' or null when they do not agree. */
export function expectedFinal(ctx: LintContext, text: Text): string | null {
  const { others, lastStep, step } = siblingsOf(ctx, text);
  if (step) {
    if (lastStep) return others.length ? '.' : null;
    const marks = others.filter((t) => t !== others.at(-1) || others.length === 1).map((t) => finalMark(t.value));
    if (!marks.length || marks.some((m) => m === '')) return null;
    return marks.filter((m) => m === ';').length > marks.length / 2 ? ';' : '.';
  }
  if (others.length < 3) return null;
  return others.every((t) => finalMark(t.value) === '.') ? '.' : null;
}
