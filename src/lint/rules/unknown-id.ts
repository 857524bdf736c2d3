// ref/unknown-id: an item's `responsible` naming a unit departments.yaml does not declare, or its `basis`
// citing an act acts.yaml does not declare (`build` and `departments` refuse the content for it too).
import { CONTENT_FILES } from '../../content/load.js';
import { get, placeOf } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const unknownId = defineRule({
  id: 'ref/unknown-id',
  summary: 'A department id in `responsible` or an act id in `basis` that is not declared',
  defaultLevel: 'error',
  fixable: false,
  check(ctx) {
    const out: Finding[] = [];
    const known = { responsible: ctx.registry.departments.map((d) => d.id), basis: ctx.registry.acts.map((a) => a.id) };
    const where = { responsible: CONTENT_FILES.departments, basis: CONTENT_FILES.acts };
    for (const f of ctx.items) {
      for (const key of ['responsible', 'basis'] as const) {
        const list = get(f.data, [key]);
        if (!Array.isArray(list) || known[key].length === 0) continue;
        list.forEach((id, i) => {
          if (typeof id !== 'string' || known[key].includes(id)) return;
          const what = key === 'responsible' ? 'department' : 'act';
          out.push({
            ...placeOf(f, [key, i]),
            field: `${key}[${i}]`,
            message: `Unexpected ${what} \`${id}\`, expected one declared in ${where[key]}: ${known[key].join(', ')}`,
            uz: `\`${id}\` ${where[key]} файлида эълон қилинмаган (${key === 'responsible' ? 'бўлим' : 'ҳужжат'}); мавжудлари: ${known[key].join(', ')}`,
            found: id,
          });
        });
      }
    }
    return out;
  },
});
