// typography/hard-sign: an apostrophe-like character (’ ʼ ʻ ' ` ‘) typed between Cyrillic letters: the Latin
// habit of writing the tutuq belgisi for ъ ("э’лон", "та'минлаш"), or of writing oʻ, gʻ for ў, ғ ("сог'лиқ",
// "у'қув"). Fixable: → ъ, or г' → ғ and о'/у' → ў (no Uzbek word has гъ, оъ or уъ).
import { placeIn, textFix } from '../context.js';
import { checkMatches } from '../words.js';
import { defineRule, type ValueEdit } from '../types.js';

export const APOSTROPHE_IN_CYRILLIC = /(?<=[А-яЁёЎўҚқҒғҲҳ])[’ʼʻ'`‘](?=[А-яЁёЎўҚқҒғҲҳ])/gu;

/** The letters meant by a letter typed before the apostrophe, Latin-style. */
const MARKED: Record<string, string> = { г: 'ғ', Г: 'Ғ', о: 'ў', О: 'Ў', у: 'ў', У: 'Ў' };

export const hardSign = defineRule({
  id: 'typography/hard-sign',
  summary: 'An apostrophe inside a Cyrillic word, typed for ъ ("э’лон" → "эълон") or for ғ, ў ("сог\'лиқ" → "соғлиқ"); fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    return checkMatches(ctx, APOSTROPHE_IN_CYRILLIC, (text, m) => {
      const start = m.index - /[\p{L}’ʼʻ'`‘]*$/u.exec(text.value.slice(0, m.index))![0].length;
      const word = text.value.slice(start, m.index + 1) + /^[\p{L}’ʼʻ'`‘]*/u.exec(text.value.slice(m.index + 1))![0];
      const marked = MARKED[text.value[m.index - 1]!];
      const edit: ValueEdit = marked ? { start: m.index - 1, end: m.index + 1, text: marked } : { start: m.index, end: m.index + 1, text: 'ъ' };
      const meant = word.slice(0, edit.start - start) + edit.text + word.slice(edit.end - start);
      const fix = textFix(text, [edit]);
      return {
        ...placeIn(text, m.index),
        field: text.field,
        message: `Unexpected \`${m[0]}\` in the Cyrillic word \`${word}\`, expected \`${meant}\``,
        uz: `\`${word}\` сўзида \`${m[0]}\` белгиси бор, \`${meant}\` бўлиши керак`,
        found: m[0],
        expected: marked ?? 'ъ',
        ...(fix ? { fix } : {}),
      };
    });
  },
});
