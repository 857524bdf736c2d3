// spelling/stem: a word that begins like a frequent Uzbek stem with ў/қ/ғ/ҳ (src/uz/spelling.ts) once those
// letters are read as у/к/г/х, but is written with other letters there ("хукукий" for "ҳуқуқий", "курилади"
// for "кўрилади" or "қурилади", "қўтилаётган" for "кутилаётган"). Catches a slip the plan spells only wrongly.
// Fixable when one stem fits.
import { placeIn, textFix } from '../context.js';
import { STEMS } from '../../uz/spelling.js';
import { checkWords, foldLetters, withCaseOf } from '../words.js';
import { defineRule } from '../types.js';

const BY_FOLD = new Map<string, string[]>();
for (const stem of STEMS) BY_FOLD.set(foldLetters(stem), [...(BY_FOLD.get(foldLetters(stem)) ?? []), stem]);
const FOLDS = [...BY_FOLD.keys()].sort((a, b) => b.length - a.length);
/** The stems in their folded form, longest first. */
export const STEM_FOLDS: readonly string[] = FOLDS;

/** The stems a word should begin with, when it begins with none of them as written; else null. */
export function stemSlip(word: string): string[] | null {
  const lower = word.toLowerCase();
  const folded = foldLetters(lower);
  const fold = FOLDS.find((f) => folded.startsWith(f));
  if (!fold) return null;
  const stems = BY_FOLD.get(fold)!;
  return stems.some((s) => lower.startsWith(s)) ? null : stems;
}

export const spellingStem = defineRule({
  id: 'spelling/stem',
  summary: 'A frequent stem with ў/қ/ғ/ҳ written with у/к/г/х (or the other way round); fixable where one stem fits',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    return checkWords(ctx, (text, { word, at }) => {
      const stems = stemSlip(word);
      if (!stems || ctx.accept.has(word.toLowerCase())) return undefined;
      const meant = stems.map((s) => withCaseOf(s + word.toLowerCase().slice(s.length), word));
      const fix = meant.length === 1 ? textFix(text, [{ start: at, end: at + word.length, text: meant[0]! }]) : undefined;
      return {
        ...placeIn(text, at),
        field: text.field,
        message: `Unexpected \`${word}\`, expected ${meant.map((m) => `\`${m}\``).join(' or ')}`,
        uz: `\`${word}\` ёзилган, ${meant.map((m) => `\`${m}\``).join(' ёки ')} бўлиши керак`,
        found: word,
        expected: meant.join(' | '),
        ...(fix ? { fix } : {}),
      };
    });
  },
});
