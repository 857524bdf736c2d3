// text/trailing-comma: a text (or a source note) that ends with a stray comma ("… ПФ-200-сон Фармони,").
import { placeIn, textFix } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const trailingComma = defineRule({
  id: 'text/trailing-comma',
  summary: 'A text that ends with a stray comma; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts) {
      const m = /,\s*$/u.exec(text.value);
      if (!m) continue;
      const fix = textFix(text, [{ start: m.index, end: text.value.length, text: '' }]);
      out.push({
        ...placeIn(text, m.index),
        field: text.field,
        message: 'Unexpected `,` at the end of the text, expected none',
        found: ',',
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
});
