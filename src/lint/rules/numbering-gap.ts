// numbering/gap: a number missing between items. A plan keeps its signed numbers, so a gap may be meant
// (the signed plan has no item 2): list such numbers under `allow` in lint.yaml.
import * as z from 'zod';
import { get, placeOf } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const numberingGap = defineRule({
  id: 'numbering/gap',
  summary: 'A number missing from the items (list numbers left out on purpose under `allow`)',
  defaultLevel: 'warn',
  fixable: false,
  options: z.strictObject({ allow: z.array(z.number().int().positive()).default([]) }),
  check(ctx, { allow }) {
    const byNumber = new Map<number, (typeof ctx.items)[number]>();
    for (const f of ctx.items) {
      const n = get(f.data, ['number']);
      if (typeof n === 'number' && Number.isInteger(n) && n > 0 && !byNumber.has(n)) byNumber.set(n, f);
    }
    const numbers = [...byNumber.keys()].sort((a, b) => a - b);
    const out: Finding[] = [];
    let previous = 0;
    for (const n of numbers) {
      const missing = Array.from({ length: n - previous - 1 }, (_, i) => previous + 1 + i).filter((m) => !allow.includes(m));
      if (missing.length) {
        const list = missing.length === 1 ? `item ${missing[0]}` : `items ${missing.join(', ')}`;
        out.push({
          ...placeOf(byNumber.get(n)!, ['number']),
          field: 'number',
          message: `Unexpected gap: no ${list} before item ${n}, expected consecutive numbers (or ${missing.join(', ')} under \`allow\` in lint.yaml)`,
          uz: `${n}-банддан олдин ${missing.join(', ')}-банд${missing.length === 1 ? '' : 'лар'} йўқ: рақамлар кетма-кет бўлиши керак (ёки lint.yaml файлида \`allow\` рўйхатига ${missing.join(', ')} қўшинг)`,
          found: String(n),
          expected: String(previous + 1),
        });
      }
      previous = n;
    }
    return out;
  },
});
