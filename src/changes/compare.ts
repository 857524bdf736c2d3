// A comparison with a baseline (an issued version, or the content at a git revision), with each change tied to the
// recorded amendments that account for it: those recorded since the baseline, by id.
import type { Amendment, Plan } from '../domain/types.js';
import { amendmentBasis } from '../uz/format.js';
import type { Locale } from '../uz/locale.js';
import { coveredItems, namesWhat } from './attribution.js';
import { comparePlans, type ChangeReport, type RegistryChange } from './diff.js';
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
  return attachAmendments(comparePlans(baseline.snapshot, current, baseline.name), pendingAmendments(plan, baseline), baseline.snapshot, current, locale);
}

export function pendingAmendments(plan: Plan, baseline: Baseline): Amendment[] {
  const included = new Set(baseline.amendments);
  return plan.amendments.filter((a) => !included.has(a.id));
}

const registryField = { plan: 'plan', acts: 'acts', departments: 'departments' } as const;

/** Fills in which recorded amendments account for each change (the report's JSON carries them). */
export function attachAmendments(report: ChangeReport, pending: Amendment[], before: PlanSnapshot, after: PlanSnapshot, locale: Locale): ChangeReport {
  const covers = pending.map((a) => ({ a, items: coveredItems(a, before, after) }));
  const forItem = (n: number, withdrawnBy?: string | null) =>
    covers.filter(({ a, items }) => !namesWhat(a) || items.has(n) || a.id === withdrawnBy).map(({ a }) => a.id);
  const forRecord = (key: keyof typeof registryField) => (c: RegistryChange) => ({
    ...c,
    amendments: pending.filter((a) => !namesWhat(a) || a[registryField[key]].includes(c.id)).map((a) => a.id),
  });
  return {
    ...report,
    amendments: pending.map((a) => ({ id: a.id, date: a.date, basis: amendmentBasis(a.basis, locale), summary: a.summary })),
    plan: report.plan.map(forRecord('plan')),
    acts: report.acts.map(forRecord('acts')),
    departments: report.departments.map(forRecord('departments')),
    items: report.items.map((c) => ({ ...c, amendments: forItem(c.number, c.status === 'withdrawn' ? c.withdrawnBy : null) })),
  };
}

