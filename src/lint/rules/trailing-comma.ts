// text/trailing-comma: a text (or a source note) that ends with a stray comma ("… ПФ-200-сон Фармони,").
// In an item's text the comma usually stands for the final mark its siblings have ("." or ";"): the fix puts
// that mark back; elsewhere it removes the comma.
import { placeIn, textFix } from '../context.js';
import { expectedFinal } from '../endings.js';
import { defineRule, type Finding } from '../types.js';

export const trailingComma = defineRule({
  id: 'text/trailing-comma',
  summary: 'A text that ends with a stray comma; fixable (by the full stop or ";" its siblings have)',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts) {
      const m = /,\s*$/u.exec(text.value);
      if (!m) continue;
      const want = text.kind === 'prose' ? (expectedFinal(ctx, text) ?? '') : '';
      const fix = textFix(text, [{ start: m.index, end: text.value.length, text: want }]);
      out.push({
        ...placeIn(text, m.index),
        field: text.field,
        message: `Unexpected \`,\` at the end of the text, expected ${want ? `\`${want}\`` : 'none'}`,
        uz: `Матн вергул билан тугаган${want ? `, \`${want}\` бўлиши керак` : ''}`,
        found: ',',
        ...(want ? { expected: want } : {}),
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
});
