// What templates see: the plan arranged for a table, with raw values that helpers format.
import { deadlineMonths, sameDeadline } from '../domain/deadline.js';
import type { Amendment, AmendmentBasis, Deadline, Department, Item, LegalAct, Plan, WithdrawnItem, YearMonth } from '../domain/types.js';
import { roleOf, type Extract, type Role } from '../extracts/select.js';

export interface ParagraphView {
  /** "1." for a numbered step, else empty. */
  label: string;
  text: string;
}

/** One sub-row of an item: the steps it shows and, where a deadline cell starts here, that deadline and how many sub-rows it spans. */
export interface RowView {
  first: boolean;
  paragraphs: ParagraphView[];
  deadline: { value: Deadline; span: number } | null;
}

export interface ExecutorView {
  id: string;
  name: string;
  /** In an extract: the addressed department itself, or the group through which the item reaches it. */
  own: boolean;
}

export interface ItemView {
  number: number;
  measure: string;
  result: string;
  basis: LegalAct[];
  executors: ExecutorView[];
  /** In an extract: how the item reaches the department; in the plan: null. */
  role: Role | null;
  rowCount: number;
  rows: RowView[];
  /**
   * Null for an item in force. For a withdrawn number, the order that withdrew it: the table prints one line
   * (partial `withdrawn-item`) instead of the item's rows, which are empty.
   */
  withdrawn: { id: string; date: string; basis: AmendmentBasis } | null;
}

function withdrawnView(w: WithdrawnItem): ItemView {
  return {
    number: w.number, measure: w.measure, result: '', basis: [], executors: [], role: null, rowCount: 1, rows: [],
    withdrawn: { id: w.amendment.id, date: w.amendment.date, basis: w.amendment.basis },
  };
}

/** The table's entries in number order: the items, and the numbers withdrawn from among them. */
function tableEntries(items: ItemView[], withdrawn: WithdrawnItem[]): ItemView[] {
  return [...items, ...withdrawn.map(withdrawnView)].sort((a, b) => a.number - b.number);
}

/** The withdrawn items that reached a department (as their files still name them): its extract says so too. */
export function withdrawnFor(plan: Plan, department: Department): WithdrawnItem[] {
  return plan.withdrawn.filter((w) => roleOf({ responsible: w.responsible } as Item, department) !== null);
}

export interface MonthView {
  month: YearMonth;
  /** Numbers of the items with a deadline (of any step) in this month. */
  items: number[];
}

export interface PlanView {
  plan: Plan;
  items: ItemView[];
  /** The amendments this document states it includes (an extract: those that changed its items). */
  amendments: Amendment[];
  /** The date the document carries: its latest amendment's, else the approval's. */
  documentDate: string;
}

export function documentDate(plan: Plan, amendments: Amendment[] = plan.amendments): string {
  return amendments.at(-1)?.date ?? plan.approval.date;
}

export interface ExtractView extends PlanView {
  department: Department;
  summary: { items: number; lead: number[]; shared: number[]; months: MonthView[] };
}

function steps(item: Item): ParagraphView[] {
  const { numbered, steps: list } = item.mechanism;
  return list.map((text, i) => ({ label: numbered ? `${i + 1}.` : '', text }));
}

/**
 * An item with one deadline per step becomes one sub-row per step (the other cells span them all);
 * adjacent steps with the same deadline share one merged deadline cell.
 */
export function itemRows(item: Item): RowView[] {
  const intro: ParagraphView[] = item.mechanism.intro ? [{ label: '', text: item.mechanism.intro }] : [];
  const stepViews = steps(item);
  if (item.deadlines.scope === 'item' || stepViews.length === 0) {
    const deadline = item.deadlines.scope === 'item' ? item.deadlines.deadline : item.deadlines.perStep[0]!;
    return [{ first: true, paragraphs: [...intro, ...stepViews], deadline: { value: deadline, span: 1 } }];
  }
  const perStep = item.deadlines.perStep;
  const rows: RowView[] = stepViews.map((step, i) => ({ first: i === 0, paragraphs: i === 0 ? [...intro, step] : [step], deadline: null }));
  for (let i = 0; i < perStep.length; ) {
    let span = 1;
    while (i + span < perStep.length && sameDeadline(perStep[i]!, perStep[i + span]!)) span++;
    rows[i]!.deadline = { value: perStep[i]!, span };
    i += span;
  }
  return rows;
}

function itemDeadlines(item: Item): Deadline[] {
  return item.deadlines.scope === 'item' ? [item.deadlines.deadline] : item.deadlines.perStep;
}

export function itemView(item: Item, extract?: Extract): ItemView {
  const rows = itemRows(item);
  // The addressed department itself where the item names it, else the group through which it reaches it.
  const self = extract?.department.id;
  const named = item.responsible.some((d) => d.id === self);
  const own = (d: Department) => !!self && (named ? d.id === self : d.kind === 'group' && d.members.includes(self));
  return {
    number: item.number,
    measure: item.measure,
    result: item.result,
    basis: item.basis,
    executors: item.responsible.map((d) => ({ id: d.id, name: d.name, own: own(d) })),
    role: extract?.roles.get(item.number) ?? null,
    rowCount: rows.length,
    rows,
    withdrawn: null,
  };
}

export function planView(plan: Plan): PlanView {
  return { plan, items: tableEntries(plan.items.map((i) => itemView(i)), plan.withdrawn), amendments: plan.amendments, documentDate: documentDate(plan) };
}

export function extractView(plan: Plan, extract: Extract, amendments: Amendment[] = plan.amendments): ExtractView {
  const months: MonthView[] = deadlineMonths({ kind: 'continuous' }, plan.period).map((month) => ({ month, items: [] }));
  for (const item of extract.items) {
    const due = new Set(itemDeadlines(item).flatMap((d) => deadlineMonths(d, plan.period)).map((m) => `${m.year}-${m.month}`));
    for (const m of months) if (due.has(`${m.month.year}-${m.month.month}`)) m.items.push(item.number);
  }
  const numbersWith = (role: Role) => extract.items.filter((i) => extract.roles.get(i.number) === role).map((i) => i.number);
  return {
    plan,
    amendments,
    documentDate: documentDate(plan, amendments),
    department: extract.department,
    items: tableEntries(extract.items.map((i) => itemView(i, extract)), withdrawnFor(plan, extract.department)),
    summary: { items: extract.items.length, lead: numbersWith('lead'), shared: numbersWith('shared'), months },
  };
}
