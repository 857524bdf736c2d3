// text/month-name: a month name without its soft sign ("январ", "апрел"), in a text or a source note. Fixable
// in texts.
import { placeIn, textFix } from '../context.js';
import { MISSPELT_MONTH_STEMS } from '../../uz/spelling.js';
import { MISSPELT_MONTHS, MONTHS } from '../../uz/words.js';
import { defineRule, type Finding } from '../types.js';

const MISSPELT = new RegExp(`(?<!\\p{L})(${Object.keys(MISSPELT_MONTHS).join('|')})(?!\\p{L})`, 'giu');
/** A misspelt stem in any inflection: "сентабрь", "октабрда", "нойабргача". */
const SUFFIX = '(?:ь|да|дан|га|гача|даги|дагидек|нинг|ни|ча|ги|лар|ларда|лари)?';
const MISSPELT_STEM = new RegExp(`(?<!\\p{L})(${Object.keys(MISSPELT_MONTH_STEMS).join('|')})(${SUFFIX})(?!\\p{L})`, 'giu');

/** Every misspelt month in a text, with the word meant. */
function misspelt(value: string): { at: number; found: string; right: string }[] {
  const out = [...value.matchAll(MISSPELT)].map((m) => ({ at: m.index, found: m[0], right: MISSPELT_MONTHS[m[0].toLowerCase()]! }));
  for (const m of value.matchAll(MISSPELT_STEM)) {
    const right = MISSPELT_MONTH_STEMS[m[1]!.toLowerCase()]! + m[2]!.toLowerCase();
    out.push({ at: m.index, found: m[0], right: !m[2] && (MONTHS as readonly string[]).includes(`${right}ь`) ? `${right}ь` : right });
  }
  return out;
}

export const monthName = defineRule({
  id: 'text/month-name',
  summary: 'A misspelt month name in any form ("январ", "апрел", "сентабрь", "октабрда"); fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts) {
      for (const m of misspelt(text.value)) {
        const want = m.found[0] === m.found[0]!.toUpperCase() ? m.right[0]!.toUpperCase() + m.right.slice(1) : m.right;
        const fix = textFix(text, [{ start: m.at, end: m.at + m.found.length, text: want }]);
        out.push({
          ...placeIn(text, m.at),
          field: text.field,
          message: `Unexpected \`${m.found}\`, expected \`${want}\``,
          uz: `Ой номи хато: \`${m.found}\`, \`${want}\` бўлиши керак`,
          found: m.found,
          expected: want,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
