// typography/space-before-punctuation: a space before , . ; : ! ? or a closing bracket or quotation mark. Fixable.
import { placeIn, textFix } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const spaceBeforePunctuation = defineRule({
  id: 'typography/space-before-punctuation',
  summary: 'A space before a punctuation mark or a closing bracket or quote; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind !== 'note')) {
      for (const m of text.value.matchAll(/(?<=[^\s–—-]) +([,.;:!?)»”])(?!\d)/gu)) {
        const fix = textFix(text, [{ start: m.index, end: m.index + m[0].length - 1, text: '' }]);
        out.push({
          ...placeIn(text, m.index),
          field: text.field,
          message: `Unexpected space before \`${m[1]}\`, expected none`,
          uz: `\`${m[1]}\` белгисидан олдин бўшлиқ бор, бўлмаслиги керак`,
          found: ` ${m[1]}`,
          expected: m[1]!,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
