// department/missing: an item with no responsible department, or naming only mentions that send it to nobody.
import { get, placeOf } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const departmentMissing = defineRule({
  id: 'department/missing',
  summary: 'An item without a responsible department (or with mentions only)',
  defaultLevel: 'error',
  fixable: false,
  check(ctx) {
    const kinds = new Map(ctx.registry.departments.map((d) => [d.id, d.kind]));
    const out: Finding[] = [];
    for (const f of ctx.items) {
      // `responsible: [ids]`, or `responsible: { lead: [ids], co: [ids] }`.
      const r = get(f.data, ['responsible']);
      const list = Array.isArray(r) ? r : [get(r, ['lead']), get(r, ['co'])].flatMap((l) => (Array.isArray(l) ? l : []));
      const ids = list.filter((x): x is string => typeof x === 'string');
      const n = get(f.data, ['number']);
      if (ids.length === 0) {
        out.push({
          ...placeOf(f, ['responsible']),
          field: 'responsible',
          message: `Unexpected item ${String(n)} without a responsible department, expected at least one id in \`responsible\``,
          uz: `${String(n)}-бандда масъул бўлим йўқ: \`responsible\` майдонида камида битта id бўлиши керак`,
        });
      } else if (ids.every((id) => kinds.get(id) === 'mention')) {
        out.push({
          ...placeOf(f, ['responsible']),
          field: 'responsible',
          message: `Unexpected item ${String(n)} with mentions only (${ids.map((i) => `\`${i}\``).join(', ')}), expected a department or a group that receives it`,
          uz: `${String(n)}-бандда фақат эслатмалар бор (${ids.map((i) => `\`${i}\``).join(', ')}): уни оладиган бўлим ёки гуруҳ бўлиши керак`,
          found: ids.join(', '),
        });
      }
    }
    return out;
  },
});
