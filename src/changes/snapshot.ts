// A plan reduced to the text a reader sees, item by item: what a release records and what `changes` compares.
// The items' texts are read back from the plan document as the templates compose it (printed.ts). Legal bases
// and executors are kept as printed text, so a changed act date or unit name shows as a change of every item that
// cites it; their ids are kept beside, so a sheet can say such a correction once.
import type { TemplateSet } from '../compose/compose.js';
import { planView, type PlanView } from '../compose/view.js';
import type { DocumentModel } from '../document/types.js';
import type { Plan } from '../domain/types.js';
import { selectExtracts } from '../extracts/select.js';
import { actReference, amendmentBasis } from '../uz/format.js';
import { printedItems } from './printed.js';

export interface ItemSnapshot {
  number: number;
  /** The number as printed ("1.2"), where it is not `number` itself (absent in versions recorded before). */
  label?: string;
  /** The heading of the section it stands in. */
  section?: string;
  /** The plan's own columns' values, by field id. */
  fields?: Record<string, string>;
  measure: string;
  /** Mechanism paragraphs as printed ("1. …"). */
  mechanism: string[];
  /** Deadline cells as printed, top to bottom. */
  deadline: string[];
  basis: string;
  result: string;
  /** Executor names as printed, lead first. */
  responsible: string[];
  /** One deadline per step as printed, when the steps have their own (absent in versions recorded before). */
  stepDeadlines?: string[] | null;
  /** The ids behind `basis` and `responsible`. */
  ids?: { basis: string[]; responsible: string[] };
}

export interface PlanSnapshot {
  approval: Plan['approval'];
  amendments: string[];
  items: ItemSnapshot[];
  /** Department id → its name and the numbers of the items its extract holds. */
  extracts: Record<string, { name: string; items: number[] }>;
  /** Ids of the amendments this version includes, oldest first (absent in versions recorded before). */
  amendmentIds?: string[];
  /** Withdrawn numbers and the amendment that withdrew each. */
  withdrawn?: { number: number; amendment: string; measure: string }[];
  /** Act id → how it is cited ("27.11.2023 й. ПФ-200-сон Фармони"). */
  acts?: Record<string, string>;
  /** Department id → name and kind, every entry of departments.yaml. */
  departments?: Record<string, { name: string; kind: string }>;
  /** plan.yaml's printed fields: `agency.name`, `period.phrase`, `approval.signer`, … */
  plan?: Record<string, string>;
  /** The table's columns after №, by field and declared heading: what the change report and sheets call each field. */
  columns?: { field: string; heading: string }[];
}

/** plan.yaml's fields a reader sees, flat. */
export function planFields(plan: Plan): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    'agency.name': plan.agency.name,
    'agency.genitive': plan.agency.genitive,
    'period.phrase': plan.period?.phrase,
    title: plan.title?.join('\n'),
    'approval.word': plan.approval?.word,
    'approval.position': plan.approval?.position,
    'approval.signer': plan.approval?.signer,
    'approval.date': plan.approval?.date,
    annex: plan.annex && `${plan.annex.act.id} ${plan.annex.words}${plan.annex.number ? ` ${plan.annex.number}` : ''}`,
    date: plan.approval?.date ? undefined : plan.date,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * `templates`: the set the plan is built with. The items' text is read from the plan document in the plan's own
 * script (a Latin plan's in Latin); `composed`, when the caller has composed that document already, is used as is.
 */
export function snapshotPlan(
  plan: Plan,
  templates: Pick<TemplateSet, 'compose' | 'locales'>,
  composed?: { view: PlanView; model: DocumentModel },
): PlanSnapshot {
  const locale = templates.locales[plan.script];
  const view = composed?.view ?? planView(plan);
  const printed = printedItems(composed?.model ?? templates.compose('plan', view, plan.script), plan.columns, view.items);
  return {
    approval: plan.approval,
    amendments: plan.amendments.map((a) => `${a.date}: ${amendmentBasis(a.basis, locale)} — ${a.summary}`),
    amendmentIds: plan.amendments.map((a) => a.id),
    items: plan.items.map((item) => {
      const { cells, rowDeadlines } = printed.get(item.number)!;
      const one = (field: string) => (cells[field] ?? []).join(' ');
      const section = item.section ? plan.sections.find((s) => s.id === item.section)?.heading : undefined;
      const own = plan.columns.filter((c) => !c.builtin).map((c) => [c.field, one(c.field)] as const);
      return {
        number: item.number,
        ...(item.label !== String(item.number) ? { label: item.label } : {}),
        ...(section ? { section } : {}),
        ...(own.length ? { fields: Object.fromEntries(own) } : {}),
        measure: one('measure'),
        mechanism: cells.mechanism ?? [],
        deadline: cells.deadline ?? [],
        basis: one('basis'),
        result: one('result'),
        responsible: cells.responsible ?? [],
        stepDeadlines: item.deadlines.scope === 'steps' ? rowDeadlines : null,
        ids: { basis: item.basis.map((a) => a.id), responsible: item.responsible.map((d) => d.id) },
      };
    }),
    extracts: Object.fromEntries(selectExtracts(plan).map((e) => [e.department.id, { name: e.department.name, items: e.items.map((i) => i.number) }])),
    withdrawn: plan.withdrawn.map((w) => ({ number: w.number, amendment: w.amendment.id, measure: w.measure })),
    acts: Object.fromEntries(plan.acts.map((a) => [a.id, `${actReference(a, locale)} ${a.kind.singular}`])),
    departments: Object.fromEntries(plan.departments.map((d) => [d.id, { name: d.name, kind: d.kind }])),
    plan: planFields(plan),
    columns: plan.columns.filter((c) => c.field !== 'number').map((c) => ({ field: c.field, heading: c.heading })),
  };
}
