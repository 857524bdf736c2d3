// What the change-sheet template sees: for one department, every change that concerns its extract.
import { documentDate } from '../compose/view.js';
import type { Plan } from '../domain/types.js';
import type { ChangeReport, DepartmentChange, ItemField } from './diff.js';
import type { ItemSnapshot } from './snapshot.js';

export type EntryStatus = 'added' | 'withdrawn' | 'assigned' | 'unassigned' | 'changed';

export interface SheetEntry {
  number: number;
  status: EntryStatus;
  measure: string;
  /** One row per changed field; for an added or withdrawn item, its deadline. */
  fields: { field: ItemField; before: string; after: string }[];
  rowCount: number;
}

export interface ChangeSheetView {
  plan: Plan;
  amendments: Plan['amendments'];
  documentDate: string;
  department: { id: string; name: string };
  since: { label: string; date: string };
  entries: SheetEntry[];
}

const whole = (item: ItemSnapshot, side: 'before' | 'after') => [
  { field: 'deadline' as const, before: side === 'before' ? item.deadline.join('\n') : '—', after: side === 'after' ? item.deadline.join('\n') : '—' },
];

export function changeSheetView(plan: Plan, report: ChangeReport, change: DepartmentChange, since: { label: string; date: string }): ChangeSheetView {
  const byNumber = new Map(report.items.map((c) => [c.number, c]));
  const numbers = [...change.added, ...change.removed, ...change.changed].sort((a, b) => a - b);
  const entries = numbers.map((number): SheetEntry => {
    const c = byNumber.get(number)!;
    let entry: Omit<SheetEntry, 'rowCount'>;
    if (c.status === 'added') entry = { number, status: 'added', measure: c.item.measure, fields: whole(c.item, 'after') };
    else if (c.status === 'withdrawn') entry = { number, status: 'withdrawn', measure: c.item.measure, fields: whole(c.item, 'before') };
    else {
      const status: EntryStatus = change.added.includes(number) ? 'assigned' : change.removed.includes(number) ? 'unassigned' : 'changed';
      entry = { number, status, measure: c.after.measure, fields: c.fields.map(({ field, before, after }) => ({ field, before, after })) };
    }
    return { ...entry, rowCount: Math.max(1, entry.fields.length) };
  });
  const amendments = plan.amendments.filter((a) => a.date > since.date);
  return { plan, amendments, documentDate: documentDate(plan), department: { id: change.id, name: change.name }, since, entries };
}
