// typography/double-stop: ".." where one full stop belongs (an ellipsis "…" or "..." is left alone).
// typography/invisible: a TAB, a soft hyphen (U+00AD), a zero-width space or a byte-order mark inside a text:
// invisible in the editor, but they break words or lines in print. Both fixable.
import { placeIn, textFix, type Text } from '../context.js';
import { checkMatches, excerpt } from '../words.js';
import { defineRule } from '../types.js';

const INVISIBLE: Record<string, { name: string; uz: string; replace: string }> = {
  '\t': { name: 'TAB', uz: 'табуляция (TAB)', replace: ' ' },
  '\u00AD': { name: 'soft hyphen (U+00AD)', uz: 'юмшоқ тире (U+00AD)', replace: '' },
  '\u200B': { name: 'zero-width space (U+200B)', uz: 'кўринмас бўшлиқ (U+200B)', replace: '' },
  '\uFEFF': { name: 'byte-order mark (U+FEFF)', uz: 'кўринмас белги (U+FEFF)', replace: '' },
};

/** The word around `at`, an invisible character shown as ·. */
const around = (text: Text, at: number, width = 1) => excerpt(text.value.replace(/[\t\u00AD\u200B\uFEFF]/gu, '·'), at, at + width, 0, 0);

export const doubleStop = defineRule({
  id: 'typography/double-stop',
  summary: 'Two full stops ".." where one belongs; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check: (ctx) =>
    checkMatches(ctx, /(?<![.\d])\.\.(?![.\d])/gu, (text, m) => {
      const fix = textFix(text, [{ start: m.index, end: m.index + 2, text: '.' }]);
      return {
        ...placeIn(text, m.index),
        field: text.field,
        message: `Unexpected \`..\` in \`${around(text, m.index, 2)}\`, expected \`.\``,
        uz: `\`${around(text, m.index, 2)}\`: икки нуқта \`..\`, битта \`.\` бўлиши керак`,
        found: '..',
        expected: '.',
        ...(fix ? { fix } : {}),
      };
    }),
});

export const invisible = defineRule({
  id: 'typography/invisible',
  summary: 'A TAB, soft hyphen, zero-width space or byte-order mark inside a text; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check: (ctx) =>
    checkMatches(ctx, /[\t\u00AD\u200B\uFEFF]/gu, (text, m) => {
      const info = INVISIBLE[m[0]]!;
      // A TAB beside a space is dropped, not turned into a second space.
      const spaced = /\s/u.test(text.value[m.index - 1] ?? ' ') || /\s/u.test(text.value[m.index + 1] ?? ' ');
      const fix = textFix(text, [{ start: m.index, end: m.index + 1, text: m[0] === '\t' && spaced ? '' : info.replace }]);
      return {
        ...placeIn(text, m.index),
        field: text.field,
        message: `Unexpected ${info.name} in \`${around(text, m.index)}\`, expected ${info.replace ? 'a space' : 'none'}`,
        uz: `\`${around(text, m.index)}\` ичида ${info.uz} бор`,
        found: info.name,
        ...(fix ? { fix } : {}),
      };
    }),
});
