// typography/ascii-apostrophe: the typewriter apostrophe ' where the typographic one belongs. Fixable. Between
// two Cyrillic letters it stands for ъ, and typography/hard-sign reports it instead ("э'лон" → "эълон").
import * as z from 'zod';
import { placeIn, textFix } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const asciiApostrophe = defineRule({
  id: 'typography/ascii-apostrophe',
  summary: "The ASCII apostrophe ' instead of the typographic one; fixable",
  defaultLevel: 'warn',
  fixable: true,
  options: z.strictObject({ apostrophe: z.string().length(1).default('’') }),
  check(ctx, { apostrophe }) {
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind !== 'note')) {
      for (const m of text.value.matchAll(/'/gu)) {
        if (/[А-яЁёЎўҚқҒғҲҳ]/u.test(text.value[m.index - 1] ?? '') && /[А-яЁёЎўҚқҒғҲҳ]/u.test(text.value[m.index + 1] ?? '')) continue;
        const word = /[\p{L}\p{N}]*$/u.exec(text.value.slice(0, m.index))![0] + "'" + /^[\p{L}\p{N}]*/u.exec(text.value.slice(m.index + 1))![0];
        const fix = textFix(text, [{ start: m.index, end: m.index + 1, text: apostrophe }]);
        out.push({
          ...placeIn(text, m.index),
          field: text.field,
          message: `Unexpected ASCII apostrophe in \`${word}\`, expected \`${apostrophe}\``,
          uz: `\`${word}\` сўзида оддий апостроф ', \`${apostrophe}\` бўлиши керак`,
          found: "'",
          expected: apostrophe,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
