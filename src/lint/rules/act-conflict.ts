// act/conflict: an act cited in words (an item text or a source note) with a date or number that contradicts
// its declaration in acts.yaml ("20.06.2020 й. ПФ-6013" when acts.yaml says 29.06.2020).
import { placeIn } from '../context.js';
import { dottedDate, findCitations } from '../../uz/citations.js';
import { defineRule, type Finding } from '../types.js';

export const actConflict = defineRule({
  id: 'act/conflict',
  summary: 'An act cited in words with a date or number that contradicts acts.yaml',
  defaultLevel: 'error',
  fixable: false,
  check(ctx) {
    const acts = ctx.registry.acts;
    const codes = ctx.registry.kinds.map((k) => k.code);
    const out: Finding[] = [];
    for (const text of ctx.texts) {
      for (const cite of findCitations(text.value, codes).flatMap((g) => g.acts)) {
        const declared = acts.find((a) => a.code === cite.code && a.number === cite.number);
        if (declared && cite.date && cite.date.iso !== declared.date) {
          const written = cite.date.form === 'short' ? cite.date.text.replace(/\s*й\.?$/u, '') : cite.date.text;
          out.push({
            ...placeIn(text, cite.date.start),
            field: text.field,
            message: `Unexpected \`${written}\` for act \`${cite.code}-${cite.number}\`, expected \`${dottedDate(declared.date)}\` as declared`,
            found: written,
            expected: dottedDate(declared.date),
            uz: `\`${cite.code}-${cite.number}\` ҳужжати \`${written}\` санаси билан келтирилган, эълон қилинганидек \`${dottedDate(declared.date)}\` бўлиши керак`,
            related: { ...declared.datePlace, message: `${declared.id} declared here`, uz: `${declared.id} шу ерда эълон қилинган` },
          });
        }
        const sameDay = !declared && cite.date ? acts.find((a) => a.code === cite.code && a.date === cite.date!.iso) : undefined;
        if (sameDay) {
          out.push({
            ...placeIn(text, cite.start),
            field: text.field,
            message: `Unexpected \`${cite.code}-${cite.number}\` for the act of ${dottedDate(sameDay.date)}, expected \`${sameDay.code}-${sameDay.number}\` as declared`,
            found: `${cite.code}-${cite.number}`,
            expected: `${sameDay.code}-${sameDay.number}`,
            uz: `${dottedDate(sameDay.date)} санали ҳужжат \`${cite.code}-${cite.number}\` деб келтирилган, эълон қилинганидек \`${sameDay.code}-${sameDay.number}\` бўлиши керак`,
            related: { ...sameDay.place, message: `${sameDay.id} declared here`, uz: `${sameDay.id} шу ерда эълон қилинган` },
          });
        }
      }
    }
    return out;
  },
});
