// A comparison with a baseline (an issued version, or the content at a git revision), with each change tied to the
// recorded amendments that account for it: those recorded since the baseline, by id.
import type { Amendment, Plan } from '../domain/types.js';
import { amendmentBasis } from '../uz/format.js';
import type { Locale } from '../uz/locale.js';
import { namesWhat } from './attribution.js';
import { comparePlans, type ChangeReport, type ItemChange, type RegistryChange } from './diff.js';
import { includedAmendments, type Release } from './releases.js';
import type { PlanSnapshot } from './snapshot.js';

/** What a comparison is made against: an issued version, or the content at a git revision. */
export interface Baseline {
  /** How messages name it: `issued version v2`, `git HEAD`. */
  name: string;
  snapshot: PlanSnapshot;
  /** Ids of the amendments it included. */
  amendments: string[];
  /** The date its documents carried. */
  date: string;
}

export function releaseBaseline(release: Release, plan: Plan): Baseline {
  return { name: `issued version ${release.label}`, snapshot: release.snapshot, amendments: includedAmendments(release, plan.amendments), date: release.date };
}

/** What changed since the baseline, each change with the ids of the amendments that account for it. */
export function compareWith(plan: Plan, baseline: Baseline, current: PlanSnapshot, locale: Locale): ChangeReport {
  return attachAmendments(comparePlans(baseline.snapshot, current, baseline.name), pendingAmendments(plan, baseline), locale);
}

export function pendingAmendments(plan: Plan, baseline: Baseline): Amendment[] {
  const included = new Set(baseline.amendments);
  return plan.amendments.filter((a) => !included.has(a.id));
}

/**
 * Whether an amendment accounts for an item's change: it names the item, or withdrew it, or every field that
 * changed follows from what it names (the legal basis from an act it corrects, the executors from a unit it
 * creates, renames or dissolves).
 */
function accountsFor(a: Amendment, c: ItemChange): boolean {
  if (!namesWhat(a) || a.items.includes(c.number)) return true;
  if (c.status === 'withdrawn') return a.id === c.withdrawnBy;
  if (c.status !== 'changed') return false;
  const cites = (field: 'basis' | 'responsible', named: string[]) => [c.before, c.after].some((i) => i.ids?.[field].some((id) => named.includes(id)));
  return c.fields.every((f) => (f.field === 'basis' && cites('basis', a.acts)) || (f.field === 'responsible' && cites('responsible', a.departments)));
}

/** Fills in which recorded amendments account for each change (the report's JSON carries them). */
export function attachAmendments(report: ChangeReport, pending: Amendment[], locale: Locale): ChangeReport {
  const forRecord = (key: 'plan' | 'acts' | 'departments') => (c: RegistryChange) => ({
    ...c,
    amendments: pending.filter((a) => !namesWhat(a) || a[key].includes(c.id)).map((a) => a.id),
  });
  return {
    ...report,
    amendments: pending.map((a) => ({ id: a.id, date: a.date, basis: amendmentBasis(a.basis, locale), summary: a.summary })),
    plan: report.plan.map(forRecord('plan')),
    acts: report.acts.map(forRecord('acts')),
    departments: report.departments.map(forRecord('departments')),
    items: report.items.map((c) => ({ ...c, amendments: pending.filter((a) => accountsFor(a, c)).map((a) => a.id) })),
  };
}
