// What changed between two versions of the plan, item by item, and for which departments.
import type { ItemSnapshot, PlanSnapshot } from './snapshot.js';
import { diffWords, type WordPart } from './words.js';

/** A built-in field, `section`, or a field of the plan's own columns (`financing`). */
export type ItemField = string;
/** The standard plan's fields, in its column order: the fields of a version recorded before plans declared columns. */
export const ITEM_FIELDS: ItemField[] = ['measure', 'mechanism', 'deadline', 'basis', 'result', 'responsible'];

/** The fields compared and shown, in the plan's column order: its columns (else the standard ones), then `section`. */
export function fieldsOf(snapshot: Pick<PlanSnapshot, 'columns'>): ItemField[] {
  return [...(snapshot.columns?.map((c) => c.field) ?? ITEM_FIELDS), 'section'];
}

/** What each field is called: its declared heading (plan.yaml `columns`, else the standard plan's, from the locale). */
export function fieldHeadings(snapshot: Pick<PlanSnapshot, 'columns'>): Record<string, string> {
  return Object.fromEntries((snapshot.columns ?? []).map((c) => [c.field, c.heading]));
}

export interface FieldChange {
  field: ItemField;
  before: string;
  after: string;
  /** Word-level difference for running text (per paragraph of the mechanism when the paragraphs pair up). */
  words?: WordPart[];
  /** For a deadline of steps that have their own: only the steps whose deadline changed (1-based). */
  steps?: { step: number; before: string; after: string }[];
}

/** `amendments`: ids of the recorded amendments (new since the baseline) that account for the change. */
export type ItemChange = { amendments: string[]; /** As printed ("1.2"). */ label: string } & (
  | { number: number; status: 'added'; item: ItemSnapshot }
  /** `withdrawnBy`: the amendment its file names in `withdrawn:`; null when the file was simply deleted. */
  | { number: number; status: 'withdrawn'; item: ItemSnapshot; withdrawnBy: string | null }
  | { number: number; status: 'changed'; fields: FieldChange[]; before: ItemSnapshot; after: ItemSnapshot }
);

/** A change to the plan's own fields (plan.yaml), an act's declaration, or a unit of departments.yaml. */
export interface RegistryChange {
  /** plan.yaml field (`approval.signer`), act id or department id. */
  id: string;
  status: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
  amendments: string[];
}

export interface DepartmentChange {
  id: string;
  name: string;
  /** Items added to, taken from, or changed in this department's extract. */
  added: number[];
  removed: number[];
  changed: number[];
  /** plan.yaml fields changed (every extract prints the title and approval): then every department is affected. */
  planFields: string[];
}

export interface ChangeReport {
  since: string;
  /** The amendments recorded since the baseline, oldest first. */
  amendments: { id: string; date: string; basis: string; summary: string }[];
  /** plan.yaml: title, approval block. */
  plan: RegistryChange[];
  /** acts.yaml: a declaration corrected (date, number), an act added or dropped. */
  acts: RegistryChange[];
  /** departments.yaml: a unit added, renamed or removed. */
  departments: RegistryChange[];
  items: ItemChange[];
  affected: DepartmentChange[];
  /** Departments whose extract holds exactly the same items, unchanged. */
  unaffected: { id: string; name: string }[];
  /** What the plan calls its fields (its declared column headings), by field id. */
  headings: Record<string, string>;
}

/** Fields compared word by word: running text (the plan's own columns are running text too). */
const isText = (field: ItemField) => !['deadline', 'basis', 'responsible', 'section'].includes(field);

/** A field's printed text; a field the item lacks (a column added since, a plan's own field) reads as empty. */
export function fieldText(item: ItemSnapshot, field: ItemField): string {
  if (field === 'section') return item.section ?? '';
  const builtin = (ITEM_FIELDS as string[]).includes(field);
  const value = builtin ? (item[field as keyof ItemSnapshot] as string | string[] | undefined) : item.fields?.[field];
  return Array.isArray(value) ? value.join(field === 'responsible' ? '; ' : '\n') : (value ?? '');
}

export const labelOf = (item: ItemSnapshot): string => item.label ?? String(item.number);

/** The steps whose own deadline changed, when both versions give the steps their own (same number of steps). */
function stepChanges(before: ItemSnapshot, after: ItemSnapshot): FieldChange['steps'] {
  const a = before.stepDeadlines;
  const b = after.stepDeadlines;
  if (!a || !b || a.length !== b.length) return undefined;
  return a.flatMap((d, i) => (d === b[i] ? [] : [{ step: i + 1, before: d, after: b[i]! }]));
}

function compareItems(before: ItemSnapshot, after: ItemSnapshot, fields: ItemField[]): FieldChange[] {
  return fields.flatMap((field): FieldChange[] => {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    if (a === b) return [];
    const steps = field === 'deadline' ? stepChanges(before, after) : undefined;
    return [{ field, before: a, after: b, ...(isText(field) ? { words: diffWords(a, b) } : {}), ...(steps ? { steps } : {}) }];
  });
}

function compareRecords(before: Record<string, string> | undefined, after: Record<string, string> | undefined): RegistryChange[] {
  if (!before || !after) return []; // a version recorded before these were kept: nothing to compare with
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return ids.flatMap((id): RegistryChange[] => {
    const [a, b] = [before[id], after[id]];
    if (a === b) return [];
    return [{ id, status: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', before: a ?? '', after: b ?? '', amendments: [] }];
  });
}

const unitNames = (s: PlanSnapshot) => (s.departments ? Object.fromEntries(Object.entries(s.departments).map(([id, d]) => [id, d.name])) : undefined);

export function comparePlans(before: PlanSnapshot, after: PlanSnapshot, since: string): ChangeReport {
  const old = new Map(before.items.map((i) => [i.number, i]));
  const now = new Map(after.items.map((i) => [i.number, i]));
  const numbers = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  const items: ItemChange[] = [];
  const fields = [...new Set([...fieldsOf(after), ...fieldsOf(before)])];
  for (const number of numbers) {
    const a = old.get(number);
    const b = now.get(number);
    if (!a && b) items.push({ number, label: labelOf(b), status: 'added', item: b, amendments: [] });
    else if (a && !b)
      items.push({
        number,
        label: labelOf(a),
        status: 'withdrawn',
        item: a,
        withdrawnBy: after.withdrawn?.find((w) => w.number === number)?.amendment ?? null,
        amendments: [],
      });
    else if (a && b) {
      const changed = compareItems(a, b, fields);
      if (changed.length) items.push({ number, label: labelOf(b), status: 'changed', fields: changed, before: a, after: b, amendments: [] });
    }
  }
  const changedNumbers = new Set(items.filter((c) => c.status === 'changed').map((c) => c.number));
  const affected: DepartmentChange[] = [];
  const unaffected: { id: string; name: string }[] = [];
  const planChanges = compareRecords(before.plan, after.plan);
  const planFields = planChanges.map((c) => c.id);
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
      planFields: is.size ? planFields : [],
    };
    if (change.added.length || change.removed.length || change.changed.length || change.planFields.length) affected.push(change);
    else unaffected.push({ id, name });
  }
  return {
    since,
    amendments: [],
    plan: planChanges,
    acts: compareRecords(before.acts, after.acts),
    departments: compareRecords(unitNames(before), unitNames(after)),
    items,
    affected,
    unaffected,
    headings: { ...fieldHeadings(before), ...fieldHeadings(after) },
  };
}
