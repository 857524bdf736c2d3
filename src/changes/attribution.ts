// Which recorded amendments concern which department, so that an extract says "as amended" only when an
// amendment changed its items, and an extract whose items did not change stays byte-identical.
// Attribution follows the records, not dates: each issued version lists the amendments it includes, so the
// amendments new in a version are those it lists and the version before did not; each concerns the departments
// whose items it names (or, through the acts and units it names, changes) among those that changed in that step.
import type { Amendment, Plan } from '../domain/types.js';
import { comparePlans, type ChangeReport } from './diff.js';
import { includedAmendments, type Release } from './releases.js';
import type { PlanSnapshot } from './snapshot.js';

export type Attribution = (departmentId: string) => Amendment[];

/** Whether the record says what it amends (records written before it could say so concern every change of their step). */
export const namesWhat = (a: Amendment) => a.items.length + a.acts.length + a.departments.length + a.plan.length > 0;

/** The item numbers an amendment accounts for between two versions: those it names, and those citing an act or naming a unit it names. */
export function coveredItems(a: Amendment, before: PlanSnapshot, after: PlanSnapshot): Set<number> {
  const covered = new Set(a.items);
  for (const item of [...before.items, ...after.items]) {
    if (item.ids?.basis.some((id) => a.acts.includes(id)) || item.ids?.responsible.some((id) => a.departments.includes(id))) covered.add(item.number);
  }
  return covered;
}

/** The departments of `report` an amendment concerns. */
export function concernedDepartments(a: Amendment, report: ChangeReport, before: PlanSnapshot, after: PlanSnapshot): Set<string> {
  if (!namesWhat(a)) return new Set(report.affected.map((d) => d.id));
  const covered = coveredItems(a, before, after);
  return new Set(
    report.affected
      .filter(
        (d) =>
          a.departments.includes(d.id) || d.planFields.some((f) => a.plan.includes(f)) || [...d.added, ...d.removed, ...d.changed].some((n) => covered.has(n)),
      )
      .map((d) => d.id),
  );
}

/**
 * `releases`: every issued version, oldest first (read once with the project); `current`: the plan as printed now,
 * asked for only when an issued version is there to compare it with.
 */
export function attributeAmendments(plan: Plan, releases: Release[], current: () => PlanSnapshot): Attribution {
  if (plan.amendments.length === 0) return () => [];
  const first = releases[0];
  // Without an issued baseline nobody can tell which departments an amendment touched: it concerns all.
  if (!first) return () => plan.amendments;
  const byId = new Map(plan.amendments.map((a) => [a.id, a]));
  const steps = [
    ...releases.slice(1).map((r) => ({ snapshot: r.snapshot, included: includedAmendments(r, plan.amendments) })),
    { snapshot: current(), included: plan.amendments.map((a) => a.id) },
  ];
  // Amendments included in the first issued version are part of what every department received then.
  const early = new Set(includedAmendments(first, plan.amendments));
  const concerned = new Map<string, Set<string>>(); // amendment id → department ids
  let previous = { snapshot: first.snapshot, included: early };
  for (const step of steps) {
    const fresh = step.included.filter((id) => !previous.included.has(id) && byId.has(id));
    if (fresh.length) {
      const report = comparePlans(previous.snapshot, step.snapshot, '');
      for (const id of fresh) concerned.set(id, concernedDepartments(byId.get(id)!, report, previous.snapshot, step.snapshot));
    }
    previous = { snapshot: step.snapshot, included: new Set([...previous.included, ...step.included]) };
  }
  return (department) => plan.amendments.filter((a) => early.has(a.id) || concerned.get(a.id)?.has(department));
}
