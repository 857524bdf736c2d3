// What changed between two versions of the plan, item by item, and for which departments.
import type { ItemSnapshot, PlanSnapshot } from './snapshot.js';
import { diffWords, type WordPart } from './words.js';

export type ItemField = 'measure' | 'mechanism' | 'deadline' | 'basis' | 'result' | 'responsible';
export const ITEM_FIELDS: ItemField[] = ['measure', 'mechanism', 'deadline', 'basis', 'result', 'responsible'];

export interface FieldChange {
  field: ItemField;
  before: string;
  after: string;
  /** Word-level difference for running text. */
  words?: WordPart[];
}

export type ItemChange =
  | { number: number; status: 'added'; item: ItemSnapshot }
  | { number: number; status: 'withdrawn'; item: ItemSnapshot }
  | { number: number; status: 'changed'; fields: FieldChange[]; before: ItemSnapshot; after: ItemSnapshot };

export interface DepartmentChange {
  id: string;
  name: string;
  /** Items added to, taken from, or changed in this department's extract. */
  added: number[];
  removed: number[];
  changed: number[];
}

export interface ChangeReport {
  since: string;
  items: ItemChange[];
  affected: DepartmentChange[];
  /** Departments whose extract holds exactly the same items, unchanged. */
  unaffected: { id: string; name: string }[];
}

const TEXT_FIELDS: ItemField[] = ['measure', 'mechanism', 'result'];

function fieldText(item: ItemSnapshot, field: ItemField): string {
  const value = item[field];
  return Array.isArray(value) ? value.join(field === 'responsible' ? '; ' : '\n') : value;
}

function compareItems(before: ItemSnapshot, after: ItemSnapshot): FieldChange[] {
  return ITEM_FIELDS.flatMap((field) => {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    if (a === b) return [];
    return [{ field, before: a, after: b, ...(TEXT_FIELDS.includes(field) ? { words: diffWords(a, b) } : {}) }];
  });
}

export function comparePlans(before: PlanSnapshot, after: PlanSnapshot, since: string): ChangeReport {
  const old = new Map(before.items.map((i) => [i.number, i]));
  const now = new Map(after.items.map((i) => [i.number, i]));
  const numbers = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  const items: ItemChange[] = [];
  for (const number of numbers) {
    const a = old.get(number);
    const b = now.get(number);
    if (!a && b) items.push({ number, status: 'added', item: b });
    else if (a && !b) items.push({ number, status: 'withdrawn', item: a });
    else if (a && b) {
      const fields = compareItems(a, b);
      if (fields.length) items.push({ number, status: 'changed', fields, before: a, after: b });
    }
  }
  const changedNumbers = new Set(items.filter((c) => c.status === 'changed').map((c) => c.number));
  const affected: DepartmentChange[] = [];
  const unaffected: { id: string; name: string }[] = [];
  const ids = [...new Set([...Object.keys(after.extracts), ...Object.keys(before.extracts)])];
  for (const id of ids) {
    const was = new Set(before.extracts[id]?.items ?? []);
    const is = new Set(after.extracts[id]?.items ?? []);
    const name = after.extracts[id]?.name ?? before.extracts[id]!.name;
    const change: DepartmentChange = {
      id,
      name,
      added: [...is].filter((n) => !was.has(n)),
      removed: [...was].filter((n) => !is.has(n)),
      changed: [...is].filter((n) => was.has(n) && changedNumbers.has(n)),
    };
    if (change.added.length || change.removed.length || change.changed.length) affected.push(change);
    else unaffected.push({ id, name });
  }
  return { since, items, affected, unaffected };
}
