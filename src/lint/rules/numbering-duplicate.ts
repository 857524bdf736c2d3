// numbering/duplicate: two item files with the same number.
import { get, placeOf } from '../context.js';
import type { Place } from '../../content/diagnostics.js';
import { defineRule, type Finding } from '../types.js';

export const numberingDuplicate = defineRule({
  id: 'numbering/duplicate',
  summary: 'Two items with the same number',
  defaultLevel: 'error',
  fixable: false,
  check(ctx) {
    const first = new Map<number, Place>();
    const out: Finding[] = [];
    for (const f of ctx.items) {
      const n = get(f.data, ['number']);
      if (typeof n !== 'number') continue;
      const place = placeOf(f, ['number']);
      const before = first.get(n);
      if (!before) first.set(n, place);
      else
        out.push({
          ...place,
          field: 'number',
          message: `Unexpected second item ${n}, expected each number once`,
          uz: `${n}-рақамли банд икки марта бор, ҳар бир рақам бир марта бўлиши керак`,
          found: String(n),
          related: { ...before, message: 'first used here', uz: 'биринчиси шу ерда' },
        });
    }
    return out;
  },
});
