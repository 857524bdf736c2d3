// deadline/period: a deadline outside the plan's period (plan.yaml `period`).
import { get, placeOf } from '../context.js';
import { deadlineMonths, monthIndex, namesNoMonth, parseDeadline } from '../../domain/deadline.js';
import type { YearMonth } from '../../domain/types.js';
import { defineRule, type Finding } from '../types.js';

const ym = (m: YearMonth) => `${m.year}-${String(m.month).padStart(2, '0')}`;

export const deadlinePeriod = defineRule({
  id: 'deadline/period',
  summary: "A deadline outside the plan's period",
  defaultLevel: 'error',
  fixable: false,
  check(ctx) {
    const period = ctx.registry.period;
    if (!period) return [];
    const [lo, hi] = [monthIndex(period.start), monthIndex(period.end)];
    const out: Finding[] = [];
    for (const f of ctx.items) {
      const single = get(f.data, ['deadline']);
      const list = get(f.data, ['deadlines']);
      const entries: [string, (string | number)[]][] =
        typeof single === 'string' ? [[single, ['deadline']]] : Array.isArray(list) ? list.map((d, i) => [String(d), ['deadlines', i]]) : [];
      for (const [text, at] of entries) {
        const d = parseDeadline(text);
        if (!d) continue;
        const ends = d.kind === 'month' ? [d.month] : d.kind === 'range' ? [d.from, d.to] : [];
        const outside = ends.some((m) => monthIndex(m) < lo || monthIndex(m) > hi) || (!namesNoMonth(d) && deadlineMonths(d, period).length === 0);
        if (!outside) continue;
        out.push({
          ...placeOf(f, at),
          field: at.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join(''),
          message: `Unexpected deadline \`${text}\` outside the plan's period, expected one within ${ym(period.start)}..${ym(period.end)}`,
          found: text,
          expected: `${ym(period.start)}..${ym(period.end)}`,
          uz: `\`${text}\` муддати режа даври (${ym(period.start)}..${ym(period.end)}) ташқарисида`,
          related: { ...period.place, message: "the plan's period", uz: 'режа даври' },
        });
      }
    }
    return out;
  },
});
