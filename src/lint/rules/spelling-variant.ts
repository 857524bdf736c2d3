// spelling/variant: a word written two ways in the plan once ў/қ/ғ/ҳ are read as у/к/г/х ("очиклик" beside
// "очиқлик"): the cheapest detector of the commonest slip. The spelling with fewer of those letters is
// reported against the other; words kept as signed are listed under `accept` in lint.yaml.
import { placeIn, type Text } from '../context.js';
import { cyrillicWords, foldLetters, markedLetters, printed } from '../words.js';
import { defineRule, type Finding } from '../types.js';

interface Seen {
  text: Text;
  at: number;
  word: string;
}

export const spellingVariant = defineRule({
  id: 'spelling/variant',
  summary: 'A word spelt two ways in the plan when ў/қ/ғ/ҳ are ignored (у/к/г/х typed for them)',
  defaultLevel: 'warn',
  fixable: false,
  check(ctx) {
    const groups = new Map<string, Map<string, Seen[]>>();
    for (const text of printed(ctx)) {
      for (const { word, at } of cyrillicWords(text.value)) {
        if (word.length < 3) continue;
        const lower = word.toLowerCase();
        const spellings = groups.get(foldLetters(lower)) ?? new Map<string, Seen[]>();
        spellings.set(lower, [...(spellings.get(lower) ?? []), { text, at, word }]);
        groups.set(foldLetters(lower), spellings);
      }
    }
    const out: Finding[] = [];
    for (const spellings of groups.values()) {
      if (spellings.size < 2) continue;
      const ranked = [...spellings].sort(([a, sa], [b, sb]) => markedLetters(b) - markedLetters(a) || sb.length - sa.length);
      const [best, bestSeen] = ranked[0]!;
      const first = bestSeen[0]!;
      for (const [spelling, seen] of ranked.slice(1)) {
        if (markedLetters(spelling) >= markedLetters(best) || ctx.accept.has(spelling)) continue;
        for (const s of seen) {
          out.push({
            ...placeIn(s.text, s.at),
            field: s.text.field,
            message: `Unexpected \`${s.word}\` beside \`${best}\` elsewhere in the plan, expected one spelling (ў, қ, ғ, ҳ typed as у, к, г, х?)`,
            uz: `\`${s.word}\` ёзилган, режанинг бошқа жойида \`${best}\`: бир хил ёзилиши керак (ў, қ, ғ, ҳ ўрнига у, к, г, х терилганми?)`,
            found: s.word,
            expected: best,
            related: { ...placeIn(first.text, first.at), message: `\`${first.word}\` here`, uz: `\`${first.word}\` шу ерда` },
          });
        }
      }
    }
    return out;
  },
});
