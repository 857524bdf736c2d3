// A plan reduced to the text a reader sees, item by item: what a release records and what `changes` compares.
// Legal bases and executors are kept as printed text, so a changed act date or unit name shows as a change of
// every item that cites it.
import type { Plan } from '../domain/types.js';
import { selectExtracts } from '../extracts/select.js';
import { itemRows } from '../compose/view.js';
import { amendmentBasis, citation, deadlineText } from '../uz/format.js';
import type { Locale } from '../uz/locale.js';

export interface ItemSnapshot {
  number: number;
  measure: string;
  /** Mechanism paragraphs as printed ("1. …"). */
  mechanism: string[];
  /** Deadline cells as printed, top to bottom. */
  deadline: string[];
  basis: string;
  result: string;
  /** Executor names as printed, lead first. */
  responsible: string[];
}

export interface PlanSnapshot {
  approval: Plan['approval'];
  amendments: string[];
  items: ItemSnapshot[];
  /** Department id → its name and the numbers of the items its extract holds. */
  extracts: Record<string, { name: string; items: number[] }>;
}

export function snapshotPlan(plan: Plan, locale: Locale): PlanSnapshot {
  return {
    approval: plan.approval,
    amendments: plan.amendments.map((a) => `${a.date}: ${amendmentBasis(a.basis, locale)} — ${a.summary}`),
    items: plan.items.map((item) => {
      const rows = itemRows(item);
      return {
        number: item.number,
        measure: item.measure,
        mechanism: rows.flatMap((r) => r.paragraphs.map((p) => (p.label ? `${p.label} ${p.text}` : p.text))),
        deadline: rows.flatMap((r) => (r.deadline ? [deadlineText(r.deadline.value, locale)] : [])),
        basis: citation(item.basis, locale),
        result: item.result,
        responsible: item.responsible.map((d) => d.name),
      };
    }),
    extracts: Object.fromEntries(selectExtracts(plan).map((e) => [e.department.id, { name: e.department.name, items: e.items.map((i) => i.number) }])),
  };
}
