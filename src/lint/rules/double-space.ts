// typography/double-space: two or more spaces between words. Fixable.
import { placeIn, textFix } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const doubleSpace = defineRule({
  id: 'typography/double-space',
  summary: 'Two or more spaces between words; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind !== 'note')) {
      for (const m of text.value.matchAll(/(?<=\S) {2,}(?=\S)/gu)) {
        // Keep the last space: in a folded text it may be the line break.
        const fix = textFix(text, [{ start: m.index, end: m.index + m[0].length - 1, text: '' }]);
        out.push({
          ...placeIn(text, m.index),
          field: text.field,
          message: `Unexpected ${m[0].length} spaces, expected 1`,
          uz: `Сўзлар орасида ${m[0].length} та бўшлиқ, битта бўлиши керак`,
          found: String(m[0].length),
          expected: '1',
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
