// typography/dash: an em dash "—" or a hyphen with spaces " - " where the house style has the en dash
// (`dash`, "–"). Phrases kept as signed ("Ўзбекистон — 2030") are listed under `allow`. Fixable.
import * as z from 'zod';
import { placeIn, textFix } from '../context.js';
import { excerpt, printed } from '../words.js';
import { defineRule, type Finding } from '../types.js';

export const dash = defineRule({
  id: 'typography/dash',
  summary: 'An em dash or a spaced hyphen where the house style has an en dash; fixable',
  defaultLevel: 'warn',
  fixable: true,
  options: z.strictObject({ dash: z.string().min(1).default('–'), allow: z.array(z.string()).default([]) }),
  check(ctx, { dash: want, allow }) {
    const out: Finding[] = [];
    for (const text of printed(ctx)) {
      const kept = allow.flatMap((phrase) =>
        [...text.value.matchAll(new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gu'))].map((m) => [m.index, m.index + phrase.length]),
      );
      for (const m of text.value.matchAll(/—|(?<=\S) - (?=\S)/gu)) {
        const at = m[0] === '—' ? m.index : m.index + 1;
        if (m[0] === want || kept.some(([s, e]) => at >= s! && at < e!)) continue;
        const shown = excerpt(text.value, at, at + 1);
        const fix = textFix(text, [{ start: at, end: at + 1, text: want }]);
        out.push({
          ...placeIn(text, at),
          field: text.field,
          message: `Unexpected ${m[0] === '—' ? 'em dash `—`' : 'hyphen `-` between spaces'} in \`${shown}\`, expected \`${want}\``,
          uz: `\`${shown}\` ичида ${m[0] === '—' ? 'узун тире `—`' : 'бўшлиқлар орасида чизиқча `-`'}, \`${want}\` бўлиши керак`,
          found: m[0].trim(),
          expected: want,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
