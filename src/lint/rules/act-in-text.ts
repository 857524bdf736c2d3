// act/in-text: a legal act written out inside an item's measure, mechanism or result ("… ПФ-154-сон фармони
// билан …") instead of being declared once in acts.yaml and cited by id in `basis`.
import { placeIn } from '../context.js';
import { findCitations } from '../../uz/citations.js';
import { defineRule, type Finding } from '../types.js';

export const actInText = defineRule({
  id: 'act/in-text',
  summary: 'A legal act written out in an item text instead of cited by id in `basis`',
  defaultLevel: 'warn',
  fixable: false,
  check(ctx) {
    const codes = ctx.registry.kinds.map((k) => k.code);
    const nouns = ctx.registry.kinds.flatMap((k) => [k.singular, k.plural]);
    const out: Finding[] = [];
    for (const text of ctx.texts.filter((t) => t.kind === 'prose')) {
      for (const group of findCitations(text.value, codes, nouns)) {
        for (const act of group.acts) {
          const declared = ctx.registry.acts.find((a) => a.code === act.code && a.number === act.number);
          out.push({
            ...placeIn(text, act.start),
            field: text.field,
            message: declared
              ? `Unexpected act \`${act.text}\` written out in the text, expected it cited by id in \`basis\` (\`${declared.id}\`)`
              : `Unexpected act \`${act.text}\` written out in the text, expected it declared in acts.yaml and cited by id in \`basis\``,
            uz: declared
              ? `\`${act.text}\` ҳужжати матнда ёзилган, \`basis\` майдонида id билан (\`${declared.id}\`) келтирилиши керак`
              : `\`${act.text}\` ҳужжати матнда ёзилган, acts.yaml файлида эълон қилиниб, \`basis\` майдонида id билан келтирилиши керак`,
            found: act.text,
            ...(declared ? { related: { ...declared.place, message: 'declared here', uz: 'шу ерда эълон қилинган' } } : {}),
          });
        }
      }
    }
    return out;
  },
});
