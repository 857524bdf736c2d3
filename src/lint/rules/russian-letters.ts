// spelling/russian: letters and endings Uzbek Cyrillic does not use, in lower-case words: ы and щ outside the
// loanwords that keep them ("давлатларыда", "ишчи" typed "щчи"), Russian endings ("давлатный", "комиссии"),
// and и typed for й at the end of a word ("доимии" → "доимий", fixable). Names (capitalised) are left alone.
import { placeIn, textFix } from '../context.js';
import { RUSSIAN_ENDINGS, RUSSIAN_LETTER_LOANWORDS } from '../../uz/spelling.js';
import { checkWords } from '../words.js';
import { defineRule } from '../types.js';

const loan = (w: string) => RUSSIAN_LETTER_LOANWORDS.some((l) => w.startsWith(l));

export const russianLetters = defineRule({
  id: 'spelling/russian',
  summary: 'ы, щ, Russian endings or a final "ии" for "ий" in a lower-case Uzbek word (loanwords in src/uz/spelling.ts are fine)',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    return checkWords(ctx, (text, { word, at }) => {
      if (word[0] !== word[0]!.toLowerCase() || loan(word) || ctx.accept.has(word)) return undefined;
      const letter = /[ыщ]/u.exec(word);
      const ending = RUSSIAN_ENDINGS.find((e) => word.length > e.length + 2 && word.endsWith(e));
      if (letter) {
        return {
          ...placeIn(text, at + letter.index),
          field: text.field,
          found: word,
          message: `Unexpected Russian \`${letter[0]}\` in \`${word}\`, expected Uzbek letters`,
          uz: `\`${word}\` сўзида ўзбек ёзувида йўқ \`${letter[0]}\` ҳарфи бор`,
        };
      }
      if (ending) {
        return {
          ...placeIn(text, at),
          field: text.field,
          found: word,
          message: `Unexpected Russian ending \`-${ending}\` in \`${word}\`, expected an Uzbek form`,
          uz: `\`${word}\` сўзи рус тилидаги \`-${ending}\` қўшимчаси билан тугайди`,
        };
      }
      if (word.length <= 4 || !word.endsWith('ии')) return undefined;
      const meant = `${word.slice(0, -1)}й`;
      const fix = textFix(text, [{ start: at + word.length - 1, end: at + word.length, text: 'й' }]);
      return {
        ...placeIn(text, at + word.length - 1),
        field: text.field,
        found: word,
        expected: meant,
        message: `Unexpected \`${word}\`, expected \`${meant}\` (и typed for й)`,
        uz: `\`${word}\` ёзилган, \`${meant}\` бўлиши керак (й ўрнига и)`,
        ...(fix ? { fix } : {}),
      };
    });
  },
});
