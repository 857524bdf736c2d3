// typography/range-dash: a hyphen where a range needs a dash ("январь-март" → "январь–март"; with
// `years: true` also "2023-2024" → "2023–2024"). Fixable.
import * as z from 'zod';
import { placeIn, textFix } from '../context.js';
import { MONTH_WORD } from '../../uz/words.js';
import { defineRule, type Finding } from '../types.js';

const MONTHS = new RegExp(`(?<!\\p{L})${MONTH_WORD}( *- *)${MONTH_WORD}(?!\\p{L})`, 'giu');
const YEARS = /(?<![\d.])(\d{4})( *- *)(\d{4})(?![\d.])/gu;

export const rangeDash = defineRule({
  id: 'typography/range-dash',
  summary: 'A hyphen in a range of months (or, optionally, years) where a dash belongs; fixable',
  defaultLevel: 'warn',
  fixable: true,
  options: z.strictObject({ dash: z.string().min(1).default('–'), years: z.boolean().default(false) }),
  check(ctx, { dash, years }) {
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind !== 'note')) {
      const hits = [...text.value.matchAll(MONTHS)].map((m) => ({ m, sep: m[1]! }));
      if (years) hits.push(...[...text.value.matchAll(YEARS)].filter((m) => Number(m[3]) > Number(m[1])).map((m) => ({ m, sep: m[2]! })));
      for (const { m, sep } of hits) {
        const at = m.index + m[0].indexOf(sep);
        const fix = textFix(text, [{ start: at, end: at + sep.length, text: dash }]);
        const want = m[0].replace(sep, dash);
        out.push({
          ...placeIn(text, at),
          field: text.field,
          message: `Unexpected hyphen in the range \`${m[0]}\`, expected \`${want}\``,
          uz: `\`${m[0]}\` оралиғида чизиқча, \`${want}\` бўлиши керак`,
          found: m[0],
          expected: want,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
