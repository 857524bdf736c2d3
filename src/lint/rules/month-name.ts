// text/month-name: a month name without its soft sign ("январ", "апрел"), in a text or a source note. Fixable
// in texts.
import { placeIn, textFix } from '../context.js';
import { MISSPELT_MONTHS } from '../uzbek.js';
import { defineRule, type Finding } from '../types.js';

const MISSPELT = new RegExp(`(?<!\\p{L})(${Object.keys(MISSPELT_MONTHS).join('|')})(?!\\p{L})`, 'giu');

export const monthName = defineRule({
  id: 'text/month-name',
  summary: 'A misspelt month name ("январ", "апрел"); fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts) {
      for (const m of text.value.matchAll(MISSPELT)) {
        const right = MISSPELT_MONTHS[m[0].toLowerCase()]!;
        const want = m[0][0] === m[0][0]!.toUpperCase() ? right[0]!.toUpperCase() + right.slice(1) : right;
        const fix = textFix(text, [{ start: m.index, end: m.index + m[0].length, text: want }]);
        out.push({
          ...placeIn(text, m.index),
          field: text.field,
          message: `Unexpected \`${m[0]}\`, expected \`${want}\``,
          found: m[0],
          expected: want,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
