// deadline/steps: `deadlines` (one per step) whose count differs from the number of steps.
import { get, placeOf } from '../context.js';
import { defineRule, type Finding } from '../types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const deadlineSteps = defineRule({
  id: 'deadline/steps',
  summary: 'A count of step deadlines that differs from the number of steps',
  defaultLevel: 'error',
  fixable: false,
  check(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.items) {
      const list = get(f.data, ['deadlines']);
      if (!Array.isArray(list)) continue;
      const steps = get(f.data, ['mechanism', 'steps']);
      const count = Array.isArray(steps) ? steps.length : 0;
      if (list.length === count) continue;
      out.push({
        ...placeOf(f, ['deadlines']),
        field: 'deadlines',
        message: `Unexpected ${plural(list.length, 'deadline')} for ${plural(count, 'step')}, expected one deadline per step${count === 0 ? ' (or `deadline` for the whole item)' : ''}`,
        found: String(list.length),
        expected: String(count),
        uz: `${count} та банд учун ${list.length} та муддат ёзилган, ҳар бир бандга битта муддат бўлиши керак${count === 0 ? ' (ёки бутун банд учун `deadline`)' : ''}`,
        related: {
          ...placeOf(f, count ? ['mechanism', 'steps'] : ['mechanism']),
          message: count ? 'the steps' : 'the mechanism, without steps',
          uz: count ? 'бандлар' : 'бандларсиз механизм',
        },
      });
    }
    return out;
  },
});
