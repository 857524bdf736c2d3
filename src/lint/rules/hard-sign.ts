// typography/hard-sign: an apostrophe-like character (’ ʼ ʻ ' ` ‘) typed between Cyrillic letters for the hard
// sign ъ ("э’лон", "таъ'минлаш"): the Latin habit of writing the tutuq belgisi. Fixable: → ъ.
import { placeIn, textFix } from '../context.js';
import { printed } from '../words.js';
import { defineRule, type Finding } from '../types.js';

export const APOSTROPHE_IN_CYRILLIC = /(?<=[А-яЁёЎўҚқҒғҲҳ])[’ʼʻ'`‘](?=[А-яЁёЎўҚқҒғҲҳ])/gu;

export const hardSign = defineRule({
  id: 'typography/hard-sign',
  summary: 'An apostrophe typed for ъ inside a Cyrillic word ("э’лон" → "эълон"); fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of printed(ctx)) {
      for (const m of text.value.matchAll(APOSTROPHE_IN_CYRILLIC)) {
        const word = /[\p{L}’ʼ'`‘]*$/u.exec(text.value.slice(0, m.index))![0] + m[0] + /^[\p{L}’ʼ'`‘]*/u.exec(text.value.slice(m.index + 1))![0];
        const meant = word.replace(/[’ʼʻ'`‘]/gu, (c) => (c === m[0] ? 'ъ' : c));
        const fix = textFix(text, [{ start: m.index, end: m.index + 1, text: 'ъ' }]);
        out.push({
          ...placeIn(text, m.index),
          field: text.field,
          message: `Unexpected \`${m[0]}\` in the Cyrillic word \`${word}\`, expected \`${meant}\``,
          uz: `\`${word}\` сўзида \`${m[0]}\` белгиси бор, \`${meant}\` бўлиши керак`,
          found: m[0],
          expected: 'ъ',
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
