// spelling/variant: a word written two ways in the plan once ў/қ/ғ/ҳ are read as у/к/г/х ("очиклик" beside
// "очиқлик"): the cheapest detector of the commonest slip. The spelling with fewer of those letters is
// reported against the other; words kept as signed are listed under `accept` in lint.yaml.
import { placeIn, type Text } from '../context.js';
import { STEM_FOLDS, stemSlip } from './spelling-stem.js';
import { cyrillicWords, foldLetters, markedLetters, printed } from '../words.js';
import { defineRule, type Finding } from '../types.js';

interface Seen {
  text: Text;
  at: number;
  word: string;
}

const known = (spelling: string) => stemSlip(spelling) === null && STEM_FOLDS.some((f) => foldLetters(spelling).startsWith(f));

/**
 * Orders two spellings of one word (seen `na` and `nb` times), the likelier right one first: the one the stem vocabulary accepts as written wins (ташкилот, not an over-marked ташқилот); then one written
 * at least three times as often; then the one with more of ў, қ, ғ, ҳ (the letters a typist loses).
 */
function before(a: string, na: number, b: string, nb: number): number {
  if (known(a) !== known(b)) return known(a) ? -1 : 1;
  if (na >= 3 * nb) return -1;
  if (nb >= 3 * na) return 1;
  return markedLetters(b) - markedLetters(a) || nb - na;
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
      const ranked = [...spellings].sort(([a, sa], [b, sb]) => before(a, sa.length, b, sb.length));
      const [best, bestSeen] = ranked[0]!;
      const first = bestSeen[0]!;
      for (const [spelling, seen] of ranked.slice(1)) {
        if (ctx.accept.has(spelling)) continue;
        const over = markedLetters(spelling) > markedLetters(best);
        for (const s of seen) {
          out.push({
            ...placeIn(s.text, s.at),
            field: s.text.field,
            message: `Unexpected \`${s.word}\` beside \`${best}\` elsewhere in the plan, expected one spelling (${over ? 'ў, қ, ғ, ҳ typed for у, к, г, х' : 'ў, қ, ғ, ҳ typed as у, к, г, х'}?)`,
            uz: `\`${s.word}\` ёзилган, режанинг бошқа жойида \`${best}\`: бир хил ёзилиши керак (${over ? 'у, к, г, х ўрнига ў, қ, ғ, ҳ' : 'ў, қ, ғ, ҳ ўрнига у, к, г, х'} терилганми?)`,
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
