// What templates see: the plan arranged for a table in its declared columns, with raw values that helpers format.
import { deadlineMonths, namesNoMonth, periodMonths, sameDeadline } from '../domain/deadline.js';
import { columnAlign, columnFlags } from '../domain/shape.js';
import type { Amendment, AmendmentBasis, Column, Deadline, Department, Item, LegalAct, Plan, Section, WithdrawnItem, YearMonth } from '../domain/types.js';
import { roleOf, type Extract, type Role } from '../extracts/select.js';

export interface ParagraphView {
  /** "1." for a numbered step, else empty. */
  label: string;
  text: string;
}

/** A cell that starts in a sub-row, in column order: which field fills it, how many sub-rows it spans. */
export interface CellView {
  field: string;
  span: number;
  /** Empty: the table's own alignment. */
  align: string;
  /** For a column of the plan's own: the item's text. */
  text: string;
}

/** One sub-row of an item: the steps it shows and, where a deadline cell starts here, that deadline and how many sub-rows it spans. */
export interface RowView {
  first: boolean;
  paragraphs: ParagraphView[];
  deadline: { value: Deadline; span: number } | null;
  /** The cells that start in this sub-row (filled by `itemView`; empty from `itemRows` alone). */
  cells: CellView[];
}

/** The table's columns for the template: header cells, relative widths, which columns hyphenate or keep words whole. */
export interface TableView {
  columns: { field: string; heading: string }[];
  widths: string;
  hyphenate: string;
  keep: string;
  count: number;
}

/** A section's heading row, spanning the table. `depth` 0 for a section, 1 for a sub-section. */
export interface SectionRowView {
  section: { id: string; heading: string; depth: number; span: number };
  withdrawn: null;
}

export interface ExecutorView {
  id: string;
  name: string;
  /** In an extract: the addressed department itself, or the group through which the item reaches it. */
  own: boolean;
}

export interface ItemView {
  number: number;
  /** As printed: "3", "1.2". */
  label: string;
  /** Null: an item row (section rows are `SectionRowView`). */
  section: null;
  /** The plan's own columns' values. */
  fields: Record<string, string>;
  measure: string;
  result: string;
  basis: LegalAct[];
  basisJoin: 'comma' | 'and';
  executors: ExecutorView[];
  /** The lead executors (every executor, when the item does not name its co-executors apart) and the co-executors. */
  lead: ExecutorView[];
  co: ExecutorView[];
  /** In an extract: how the item reaches the department; in the plan: null. */
  role: Role | null;
  rowCount: number;
  rows: RowView[];
  /**
   * Null for an item in force. For a withdrawn number, the order that withdrew it: the table prints one line
   * (partial `withdrawn-item`) instead of the item's rows, which are empty.
   */
  withdrawn: { id: string; date: string; basis: AmendmentBasis; span: number } | null;
}

export type TableEntry = ItemView | SectionRowView;

function withdrawnView(w: WithdrawnItem, columns: number): ItemView {
  return {
    number: w.number,
    label: w.label,
    section: null,
    fields: {},
    measure: w.measure,
    result: '',
    basis: [],
    basisJoin: 'comma',
    executors: [],
    lead: [],
    co: [],
    role: null,
    rowCount: 1,
    rows: [],
    withdrawn: { id: w.amendment.id, date: w.amendment.date, basis: w.amendment.basis, span: columns - 1 },
  };
}

/**
 * The table's entries in number order: the items, the numbers withdrawn from among them, and before the first entry
 * of each section (and sub-section) its heading row. An extract shows a section's heading when it holds one of its items.
 */
function tableEntries(plan: Plan, items: { view: ItemView; section?: string }[], withdrawn: WithdrawnItem[]): TableEntry[] {
  const entries = [...items, ...withdrawn.map((w) => ({ view: withdrawnView(w, plan.columns.length), section: w.section }))].sort(
    (a, b) => a.view.number - b.view.number,
  );
  if (!plan.sections.length) return entries.map((e) => e.view);
  const byId = new Map(plan.sections.map((s) => [s.id, s]));
  const chainOf = (id: string | undefined): Section[] => {
    const s = id ? byId.get(id) : undefined;
    return s ? [...chainOf(s.parent), s] : [];
  };
  const out: TableEntry[] = [];
  let open: Section[] = [];
  for (const e of entries) {
    const chain = chainOf(e.section);
    chain.forEach((s, depth) => {
      if (open[depth]?.id !== s.id) out.push({ section: { id: s.id, heading: s.heading, depth, span: plan.columns.length }, withdrawn: null });
    });
    open = chain;
    out.push(e.view);
  }
  return out;
}

/** The table's columns as the template writes them: `widths="5 17 …" hyphenate="2 3 6" keep="4 5 7"`. */
export function tableView(columns: Column[]): TableView {
  const flags = columnFlags(columns);
  return {
    columns: columns.map((c) => ({ field: c.field, heading: c.heading })),
    widths: columns.map((c) => c.width).join(' '),
    hyphenate: flags.hyphenate.join(' '),
    keep: flags.keep.join(' '),
    count: columns.length,
  };
}

/** The document's title on one line, for listings: the declared title, else the standard "… иш режаси". */
export function titleLine(plan: Plan): string {
  return plan.title?.join(' ') ?? `${plan.agency.genitive} ${plan.period?.phrase} иш режаси`;
}

/** Who approved the plan, or what it is an annex to, in a sentence for listings. */
export function headLine(plan: Plan): string {
  if (plan.approval)
    return `Approved${plan.approval.date ? ` ${plan.approval.date}` : ''} by ${plan.approval.position.split('\n').join(' ')} ${plan.approval.signer}.`;
  if (plan.annex) return `Annex to ${plan.annex.act.kind.code}-${plan.annex.act.number} of ${plan.annex.act.date}.`;
  return `Dated ${plan.date}.`;
}

/** The withdrawn items that reached a department (as their files still name them): its extract says so too. */
export function withdrawnFor(plan: Plan, department: Department): WithdrawnItem[] {
  return plan.withdrawn.filter((w) => roleOf({ responsible: w.responsible } as Item, department) !== null);
}

export interface MonthView {
  month: YearMonth;
  /** Numbers (as printed) of the items with a deadline (of any step) in this month. */
  items: string[];
}

export interface PlanView {
  plan: Plan;
  table: TableView;
  items: TableEntry[];
  /** The amendments this document states it includes (an extract: those that changed its items). */
  amendments: Amendment[];
  /** The date the document carries: its latest amendment's, else the approval's. */
  documentDate: string;
}

export function documentDate(plan: Plan, amendments: Amendment[] = plan.amendments): string {
  return amendments.at(-1)?.date ?? plan.date;
}

export interface ExtractView extends PlanView {
  department: Department;
  /**
   * `months` is empty for a plan without a period; `undated`: the items with a deadline in no particular month
   * (continuous, as set, free words), listed apart from the grid.
   */
  summary: { items: number; lead: string[]; shared: string[]; months: MonthView[]; widths: string; undated: string[] };
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
    return [{ first: true, paragraphs: [...intro, ...stepViews], deadline: { value: deadline, span: 1 }, cells: [] }];
  }
  const perStep = item.deadlines.perStep;
  const rows: RowView[] = stepViews.map((step, i) => ({ first: i === 0, paragraphs: i === 0 ? [...intro, step] : [step], deadline: null, cells: [] }));
  for (let i = 0; i < perStep.length;) {
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

/** The cells starting in each sub-row, in the plan's column order: the mechanism has one per sub-row, a deadline where its span starts, every other column one spanning the item. */
function withCells(rows: RowView[], columns: Column[], item: Item): RowView[] {
  return rows.map((row) => ({
    ...row,
    cells: columns.flatMap((c): CellView[] => {
      const cell = (span: number) => [{ field: c.field, span, align: columnAlign(c) ?? '', text: c.builtin ? '' : (item.fields[c.field] ?? '') }];
      if (c.field === 'mechanism') return cell(1);
      if (c.field === 'deadline') return row.deadline ? cell(row.deadline.span) : [];
      return row.first ? cell(rows.length) : [];
    }),
  }));
}

export function itemView(item: Item, columns: Column[], extract?: Extract): ItemView {
  const rows = withCells(itemRows(item), columns, item);
  // The addressed department itself where the item names it, else the group through which it reaches it.
  const self = extract?.department.id;
  const named = item.responsible.some((d) => d.id === self);
  const own = (d: Department) => !!self && (named ? d.id === self : d.kind === 'group' && d.members.includes(self));
  const executors = item.responsible.map((d) => ({ id: d.id, name: d.name, own: own(d) }));
  return {
    number: item.number,
    label: item.label,
    section: null,
    fields: item.fields,
    measure: item.measure,
    result: item.result,
    basis: item.basis,
    basisJoin: item.basisJoin ?? 'comma',
    executors,
    lead: item.coNamed ? executors.slice(0, item.leads) : executors,
    co: item.coNamed ? executors.slice(item.leads) : [],
    role: extract?.roles.get(item.number) ?? null,
    rowCount: rows.length,
    rows,
    withdrawn: null,
  };
}

/** The month grid's relative widths: the label column keeps its share of a half-year's grid (8 to six months of 15). */
function gridWidths(months: number): string {
  return [Math.round(8 * Math.max(1, months / 6)), ...Array<number>(months).fill(15)].join(' ');
}

const entryOf = (view: ItemView, item: Item) => ({ view, ...(item.section ? { section: item.section } : {}) });

export function planView(plan: Plan): PlanView {
  const items = plan.items.map((i) => entryOf(itemView(i, plan.columns), i));
  return {
    plan,
    table: tableView(plan.columns),
    items: tableEntries(plan, items, plan.withdrawn),
    amendments: plan.amendments,
    documentDate: documentDate(plan),
  };
}

export function extractView(plan: Plan, extract: Extract, amendments: Amendment[] = plan.amendments): ExtractView {
  const period = plan.period;
  const months: MonthView[] = period ? periodMonths(period).map((month) => ({ month, items: [] })) : [];
  for (const item of period ? extract.items : []) {
    const due = new Set(
      itemDeadlines(item)
        .flatMap((d) => deadlineMonths(d, period!))
        .map((m) => `${m.year}-${m.month}`),
    );
    for (const m of months) if (due.has(`${m.month.year}-${m.month.month}`)) m.items.push(item.label);
  }
  const numbersWith = (role: Role) => extract.items.filter((i) => extract.roles.get(i.number) === role).map((i) => i.label);
  const items = extract.items.map((i) => entryOf(itemView(i, plan.columns, extract), i));
  return {
    plan,
    table: tableView(plan.columns),
    amendments,
    documentDate: documentDate(plan, amendments),
    department: extract.department,
    items: tableEntries(plan, items, withdrawnFor(plan, extract.department)),
    summary: {
      items: extract.items.length,
      lead: numbersWith('lead'),
      shared: numbersWith('shared'),
      months,
      widths: gridWidths(months.length),
      undated: extract.items.filter((i) => itemDeadlines(i).some(namesNoMonth)).map((i) => i.label),
    },
  };
}
