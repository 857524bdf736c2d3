// numbering/step-label: a step typed with its own number ("1. …") in an item whose steps the program numbers,
// which would print "1. 1. …".
import { get, placeIn, textFix } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const stepLabel = defineRule({
  id: 'numbering/step-label',
  summary: 'A step that starts with its own number although the program numbers the steps; fixable',
  defaultLevel: 'warn',
  fixable: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of ctx.texts) {
      if (text.kind !== 'prose' || text.path[0] !== 'mechanism' || text.path[1] !== 'steps') continue;
      if (get(text.file.data, ['mechanism', 'numbered']) === false) continue;
      const m = /^\s*\d{1,2}[.)]\s+/u.exec(text.value);
      if (!m) continue;
      const fix = textFix(text, [{ start: 0, end: m[0].length, text: '' }]);
      out.push({
        ...placeIn(text, 0),
        field: text.field,
        message: `Unexpected \`${m[0].trim()}\` at the start of a step, expected the text alone (the program numbers steps)`,
        uz: `Банд \`${m[0].trim()}\` билан бошланган: бандларни дастур ўзи рақамлайди, матннинг ўзи бўлиши керак`,
        found: m[0].trim(),
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
});
