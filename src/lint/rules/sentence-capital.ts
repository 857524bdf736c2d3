// text/sentence-capital: a sentence that begins with a lower-case letter: at the start of a text, or after
// ". ", "! ", "? ". A step that follows a step ending in ";" (or an intro ending in ":") goes on in lower
// case, and so does the text after an abbreviation ("й.", "м.") or an initial. Fixable.
import { placeIn, textFix, type LintContext, type Text } from '../context.js';
import { finalMark, siblingsOf } from '../endings.js';
import { ABBREVIATIONS } from '../../uz/spelling.js';
import { defineRule, type Finding } from '../types.js';

/** The text before it ends with ";" or ":" (the previous step, or the intro for the first step). */
function continuesList(ctx: LintContext, text: Text): boolean {
  const index = text.path.at(-1);
  if (typeof index !== 'number') return false;
  const before =
    index === 0
      ? ctx.texts.find((t) => t.file === text.file && t.field === text.path.slice(0, -2).concat('intro').join('.'))
      : siblingsOf(ctx, text).others[index - 1];
  return before !== undefined && [';', ':', ','].includes(finalMark(before.value));
}

export const sentenceCapital = defineRule({
  id: 'text/sentence-capital',
  summary: 'A sentence that starts with a lower-case letter; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind === 'prose')) {
      const starts: number[] = [];
      const first = /^[\s«“"(]*(\p{Ll})/u.exec(text.value);
      if (first && !continuesList(ctx, text)) starts.push(first[0].length - 1);
      for (const m of text.value.matchAll(/(\S*?)([.!?])\s+[«“"(]*(\p{Ll})/gu)) {
        const before = m[1]!.replace(/^.*[\s(«“]/u, '').toLowerCase();
        if (
          m[2] === '.' &&
          (ABBREVIATIONS.includes(before) ||
            /^\p{L}$/u.test(before) ||
            /\d$/u.test(before) ||
            text.value
              .slice(0, m.index + m[1]!.length)
              .toLowerCase()
              .endsWith('ва б'))
        )
          continue;
        starts.push(m.index + m[0].length - 1);
      }
      for (const at of starts) {
        const word = /^\p{L}+/u.exec(text.value.slice(at))![0];
        const cap = word[0]!.toUpperCase() + word.slice(1);
        const fix = textFix(text, [{ start: at, end: at + 1, text: cap[0]! }]);
        out.push({
          ...placeIn(text, at),
          field: text.field,
          message: `Unexpected lower-case \`${word}\` at the start of a sentence, expected \`${cap}\``,
          uz: `Гап кичик ҳарф билан бошланган: \`${word}\`, \`${cap}\` бўлиши керак`,
          found: word,
          expected: cap,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
