// What templates see: the plan arranged for a table, with raw values that helpers format.
import { sameDeadline } from '../domain/deadline.js';
import type { Deadline, Department, Item, LegalAct, Plan } from '../domain/types.js';

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

export interface ItemView {
  number: number;
  measure: string;
  result: string;
  basis: LegalAct[];
  responsible: Department[];
  rowCount: number;
  rows: RowView[];
}

export interface PlanView {
  plan: Plan;
  items: ItemView[];
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

export function itemView(item: Item): ItemView {
  const rows = itemRows(item);
  return {
    number: item.number,
    measure: item.measure,
    result: item.result,
    basis: item.basis,
    responsible: item.responsible,
    rowCount: rows.length,
    rows,
  };
}

export function planView(plan: Plan, items: Item[] = plan.items): PlanView {
  return { plan, items: items.map(itemView) };
}
