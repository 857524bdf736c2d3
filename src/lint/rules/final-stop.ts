// text/final-stop: a text with no final punctuation where its siblings have one: a step among steps that end
// with ";" or ".", or a result (measure, mechanism) where every other item's ends with a full stop. Texts
// kept as signed are listed under `allow` as "<item>:<field>" ("27:mechanism"). Fixable.
import * as z from 'zod';
import { placeIn, textFix } from '../context.js';
import { expectedFinal, finalMark } from '../endings.js';
import { excerpt } from '../words.js';
import { defineRule, type Finding } from '../types.js';

export const finalStop = defineRule({
  id: 'text/final-stop',
  summary: 'A text without the final full stop (or ";") that its siblings all have; fixable',
  defaultLevel: 'warn',
  fixable: true,
  options: z.strictObject({ allow: z.array(z.string()).default([]) }),
  check(ctx, { allow }) {
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind === 'prose')) {
      if (finalMark(text.value) !== '' || allow.includes(`${text.item}:${text.field}`)) continue;
      const want = expectedFinal(ctx, text);
      if (!want) continue;
      const end = text.value.trimEnd().length;
      const fix = textFix(text, [{ start: end, end, text: want }]);
      const tail = excerpt(text.value, end, end, 1, 0);
      out.push({
        ...placeIn(text, end),
        field: text.field,
        message: `Unexpected end \`…${tail}\` without \`${want}\`, expected \`${want}\` as its siblings have`,
        uz: `\`…${tail}\` матни \`${want}\` билан тугамаган, бошқалари каби \`${want}\` бўлиши керак`,
        expected: want,
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
});
