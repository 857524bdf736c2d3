// What the change-sheet template sees: for one department, every change that concerns its extract, in a form a
// head of department can act on: a new or newly assigned item in full, the changed words marked, a step's
// deadline by its step, one line for an act's or a unit's correction instead of one row per item citing it.
import { documentDate } from '../compose/view.js';
import type { Amendment, AmendmentBasis, Plan } from '../domain/types.js';
import { concernedDepartments } from './attribution.js';
import { fieldsOf, fieldText, labelOf, type ChangeReport, type DepartmentChange, type FieldChange, type ItemField } from './diff.js';
import type { ItemSnapshot, PlanSnapshot } from './snapshot.js';
import { diffWords } from './words.js';

export type EntryStatus = 'added' | 'withdrawn' | 'assigned' | 'unassigned' | 'changed';

/** A run of text; `marked` where the words changed (bold in print). */
export interface Segment {
  text: string;
  marked: boolean;
}
export type Paragraph = Segment[];

export interface SheetRow {
  field: ItemField;
  /** What the plan calls the field (its declared heading); empty: the locale's name for it. */
  name: string;
  /** For a step's own deadline: the step's number. */
  step: number | null;
  before: Paragraph[];
  after: Paragraph[];
}

export interface SheetEntry {
  number: number;
  /** As printed ("1.2"). */
  label: string;
  status: EntryStatus;
  measure: string;
  /** For a withdrawn item: the order that withdrew it. */
  withdrawnBy: AmendmentBasis | null;
  /** The rows give the measure themselves (a whole item, a withdrawn one), so the status cell need not repeat it. */
  whole: boolean;
  rows: SheetRow[];
  rowCount: number;
}

/** One line for a correction that touches many items at once: an act's declaration, a unit's name, plan.yaml. */
export interface SheetCorrection {
  kind: 'act' | 'unit-added' | 'unit-removed' | 'unit-renamed' | 'plan';
  /** The plan.yaml field (`approval.signer`) for `plan`. */
  field: string;
  before: string;
  after: string;
  /** This department's items it concerns. */
  items: number[];
}

export interface ChangeSheetView {
  plan: Plan;
  /** The amendments recorded since the baseline that concern this department. */
  amendments: Amendment[];
  documentDate: string;
  department: { id: string; name: string };
  /** The version compared with: the date its documents carried and the amendments it included. */
  since: { date: string; amendments: Amendment[] };
  corrections: SheetCorrection[];
  entries: SheetEntry[];
}

/** What a sheet is compared with. */
export interface SheetBaseline {
  date: string;
  snapshot: PlanSnapshot;
  /** Ids of the amendments the baseline included. */
  amendments: string[];
}

const plain = (text: string): Paragraph[] => text.split('\n').map((line) => [{ text: line, marked: false }]);
const NONE: Paragraph[] = [[{ text: '—', marked: false }]];
const BREAK = '\u00b6';

/**
 * Both sides of a word-level difference, paragraph by paragraph: the removed words marked on the left, the added
 * ones on the right. When the paragraphs pair up one to one, only those that changed are shown.
 */
export function markedSides(before: string, after: string): { before: Paragraph[]; after: Paragraph[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length === b.length && a.length > 1) {
    const pairs = a.map((p, i) => [p, b[i]!] as const).filter(([p, q]) => p !== q);
    const sides = pairs.map(([p, q]) => markedSides(p, q));
    return { before: sides.flatMap((s) => s.before), after: sides.flatMap((s) => s.after) };
  }
  const parts = diffWords(before.split('\n').join(` ${BREAK} `), after.split('\n').join(` ${BREAK} `));
  const side = (keep: 'removed' | 'added'): Paragraph[] => {
    const paragraphs: Paragraph[] = [[]];
    for (const part of parts) {
      if (part.op !== 'same' && part.op !== keep) continue;
      part.text.split(BREAK).forEach((chunk, k) => {
        if (k > 0) paragraphs.push([]);
        const text = chunk.trim();
        if (text) paragraphs.at(-1)!.push({ text, marked: part.op === keep });
      });
    }
    // Words of one paragraph are separated by a space between segments.
    return paragraphs.filter((p) => p.length).map((p) => p.map((s, i) => ({ ...s, text: i < p.length - 1 ? `${s.text} ` : s.text })));
  };
  return { before: side('removed'), after: side('added') };
}

/** A whole item, field by field in the plan's column order (a section only where the item stands in one). */
function wholeItem(item: ItemSnapshot, fields: ItemField[]): SheetRow[] {
  return fields.flatMap((field) => {
    if (field === 'section' && !item.section) return [];
    const text = field === 'responsible' ? item.responsible.join('\n') : fieldText(item, field);
    return [{ field, name: '', step: null, before: NONE, after: plain(text) }];
  });
}

/** The rows of a changed item, leaving out what a correction line already says. */
function changedRows(fields: FieldChange[], before: ItemSnapshot, after: ItemSnapshot, explained: { acts: Set<string>; units: Set<string> }): SheetRow[] {
  const sameIds = (k: 'basis' | 'responsible') => !!before.ids && !!after.ids && before.ids[k].join() === after.ids[k].join();
  return fields.flatMap((f): SheetRow[] => {
    if (f.field === 'basis' && sameIds('basis') && after.ids!.basis.some((id) => explained.acts.has(id))) return [];
    if (f.field === 'responsible' && sameIds('responsible') && after.ids!.responsible.some((id) => explained.units.has(id))) return [];
    if (f.steps?.length) return f.steps.map((s) => ({ field: f.field, name: '', step: s.step, ...markedSides(s.before, s.after) }));
    return [{ field: f.field, name: '', step: null, ...markedSides(f.before, f.after) }];
  });
}

export function changeSheetView(plan: Plan, report: ChangeReport, change: DepartmentChange, baseline: SheetBaseline, current: PlanSnapshot): ChangeSheetView {
  const byNumber = new Map(report.items.map((c) => [c.number, c]));
  const nowItems = new Map(current.items.map((i) => [i.number, i]));
  const wasItems = new Map(baseline.snapshot.items.map((i) => [i.number, i]));
  const ownNumbers = new Set([
    ...change.added,
    ...change.removed,
    ...change.changed,
    ...(baseline.snapshot.extracts[change.id]?.items ?? []),
    ...(current.extracts[change.id]?.items ?? []),
  ]);
  const cites = (id: string, field: 'basis' | 'responsible') =>
    [...ownNumbers].filter((n) => [nowItems.get(n), wasItems.get(n)].some((i) => i?.ids?.[field].includes(id))).sort((a, b) => a - b);

  const corrections: SheetCorrection[] = [];
  for (const c of report.acts.filter((a) => a.status === 'changed')) {
    const items = cites(c.id, 'basis');
    if (items.length) corrections.push({ kind: 'act', field: c.id, before: c.before, after: c.after, items });
  }
  for (const c of report.departments) {
    const items = cites(c.id, 'responsible');
    if (c.id !== change.id && !items.length) continue;
    const kind = c.status === 'added' ? 'unit-added' : c.status === 'removed' ? 'unit-removed' : 'unit-renamed';
    corrections.push({ kind, field: c.id, before: c.before, after: c.after, items });
  }
  for (const c of report.plan)
    if (change.planFields.includes(c.id)) corrections.push({ kind: 'plan', field: c.id, before: c.before, after: c.after, items: [] });
  const explained = {
    acts: new Set(corrections.filter((c) => c.kind === 'act').map((c) => c.field)),
    units: new Set(corrections.filter((c) => c.kind === 'unit-renamed').map((c) => c.field)),
  };

  const byId = new Map(plan.amendments.map((a) => [a.id, a]));
  const fields = fieldsOf(current);
  const headings = report.headings ?? {};
  const numbers = [...change.added, ...change.removed, ...change.changed].sort((a, b) => a - b);
  const entries = numbers.flatMap((number): SheetEntry[] => {
    const c = byNumber.get(number);
    const known = nowItems.get(number) ?? wasItems.get(number);
    const base = { number, label: known ? labelOf(known) : String(number), withdrawnBy: null };
    let entry: Omit<SheetEntry, 'rowCount' | 'whole'>;
    if (c?.status === 'added') entry = { ...base, status: 'added', measure: c.item.measure, rows: wholeItem(c.item, fields) };
    else if (c?.status === 'withdrawn') {
      entry = {
        ...base,
        status: 'withdrawn',
        measure: c.item.measure,
        withdrawnBy: (c.withdrawnBy && byId.get(c.withdrawnBy)?.basis) || null,
        rows: [{ field: 'measure', name: '', step: null, before: plain(c.item.measure), after: NONE }],
      };
    } else if (change.added.includes(number)) {
      // Newly assigned (named now, or reached through a group by a new unit): the whole item as it now reads.
      entry = { ...base, status: 'assigned', measure: nowItems.get(number)!.measure, rows: wholeItem(nowItems.get(number)!, fields) };
    } else if (change.removed.includes(number)) {
      // No longer this department's: where it went.
      const [was, now] = [wasItems.get(number)!, nowItems.get(number)!];
      entry = {
        ...base,
        status: 'unassigned',
        measure: now.measure,
        rows: [{ field: 'responsible', name: '', step: null, before: plain(was.responsible.join('\n')), after: plain(now.responsible.join('\n')) }],
      };
    } else if (c?.status === 'changed') {
      entry = { ...base, status: 'changed', measure: c.after.measure, rows: changedRows(c.fields, c.before, c.after, explained) };
    } else return [];
    entry.rows = entry.rows.map((r) => ({ ...r, name: headings[r.field] ?? '' }));
    return entry.rows.length ? [{ ...entry, whole: entry.rows[0]!.field === 'measure' && entry.status !== 'changed', rowCount: entry.rows.length }] : [];
  });

  const included = new Set(baseline.amendments);
  const amendments = plan.amendments.filter((a) => !included.has(a.id) && concernedDepartments(a, report, baseline.snapshot, current).has(change.id));
  return {
    plan,
    amendments,
    documentDate: documentDate(plan, amendments.length ? amendments : plan.amendments),
    department: { id: change.id, name: change.name },
    since: { date: baseline.date, amendments: plan.amendments.filter((a) => included.has(a.id)) },
    corrections,
    entries,
  };
}
