// act/citation: the wording of a citation: the noun after the acts in the right number ("ПФ-154-сон, … ПФ-200-сон
// Фармонлари", not "Фармони") and with its capital ("Қарори", not "қарори"), and a short date closed by "й.".
import { placeIn, type Text } from '../context.js';
import { findCitations } from '../../uz/citations.js';
import { defineRule, type Finding } from '../types.js';

export const actCitation = defineRule({
  id: 'act/citation',
  summary: 'A citation in words with the wrong noun number or case ("Фармони" after two decrees, "қарори"), or "й" without its full stop',
  defaultLevel: 'warn',
  fixable: false,
  check(ctx) {
    // The kinds of act and their nouns as acts.yaml declares them, and nothing else.
    const nouns = new Map(ctx.registry.kinds.map((k) => [k.code, { singular: k.singular, plural: k.plural }]));
    const codes = [...nouns.keys()];
    const all = [...nouns.values()].flatMap((n) => [n.singular, n.plural]);
    const out: Finding[] = [];
    const report = (text: Text, at: number, message: string, uz: string, found: string, expected: string) =>
      out.push({ ...placeIn(text, at), field: text.field, message, uz, found, expected });
    for (const text of ctx.texts) {
      for (const group of findCitations(text.value, codes, all)) {
        for (const act of group.acts) {
          if (act.date?.form === 'short' && !act.date.fullStop) {
            const want = `${act.date.text.replace(/\s*й$/u, '')} й.`;
            report(
              text,
              act.date.start,
              `Unexpected \`${act.date.text}\` without a full stop, expected \`${want}\``,
              `\`${act.date.text}\` нуқтасиз ёзилган, \`${want}\` бўлиши керак`,
              act.date.text,
              want,
            );
          }
        }
        const noun = group.noun;
        const kind = nouns.get(group.acts[0]!.code);
        if (!noun || !kind) continue;
        const n = group.acts.length;
        const want = n === 1 ? kind.singular : kind.plural;
        if (noun.text === want) continue;
        const lower = noun.text.toLowerCase() === want.toLowerCase();
        const message = lower
          ? `Unexpected \`${noun.text}\` in lower case, expected \`${want}\``
          : `Unexpected \`${noun.text}\` after ${n === 1 ? 'one act' : `${n} acts`}, expected \`${want}\``;
        const uz = lower
          ? `\`${noun.text}\` кичик ҳарф билан ёзилган, \`${want}\` бўлиши керак`
          : `${n === 1 ? 'Битта ҳужжатдан' : `${n} та ҳужжатдан`} кейин \`${noun.text}\` ёзилган, \`${want}\` бўлиши керак`;
        report(text, noun.start, message, uz, noun.text, want);
      }
    }
    return out;
  },
});
