// text/doubled-word: the same word twice in a row ("ва ва", "бўйича бўйича"), typically at a line break.
// Fixable: the second is removed.
import { placeIn, textFix } from '../context.js';
import { printed } from '../words.js';
import { defineRule, type Finding } from '../types.js';

export const doubledWord = defineRule({
  id: 'text/doubled-word',
  summary: 'The same word twice in a row ("ва ва"); fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of printed(ctx)) {
      // Overlapping pairs: each word against the next one.
      const words = [...text.value.matchAll(/(?<![\p{L}\p{N}-])\p{L}+(?![\p{L}\p{N}-])/gu)];
      for (let i = 1; i < words.length; i++) {
        const [a, b] = [words[i - 1]!, words[i]!];
        const between = text.value.slice(a.index + a[0].length, b.index);
        if (!/^\s+$/u.test(between) || a[0].toLowerCase() !== b[0].toLowerCase()) continue;
        const fix = textFix(text, [{ start: a.index + a[0].length, end: b.index + b[0].length, text: '' }]);
        out.push({
          ...placeIn(text, b.index),
          field: text.field,
          message: `Unexpected \`${a[0]} ${b[0]}\`, expected \`${a[0]}\` once`,
          uz: `\`${a[0]} ${b[0]}\`: сўз икки марта ёзилган`,
          found: `${a[0]} ${b[0]}`,
          expected: a[0],
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
