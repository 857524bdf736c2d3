// Which recorded amendments concern which department, so that an extract says "as amended" only when an
// amendment changed its items, and an extract whose items did not change stays byte-identical.
// The issued versions are the checkpoints: the amendments dated between two of them are attributed to the
// departments whose items differ between those two versions (the last step runs up to the current content).
import type { Amendment, Plan } from '../domain/types.js';
import { comparePlans } from './diff.js';
import { readRelease, listReleases } from './releases.js';
import type { PlanSnapshot } from './snapshot.js';

export type Attribution = (departmentId: string) => Amendment[];

export async function attributeAmendments(plan: Plan, contentDir: string, current: PlanSnapshot): Promise<Attribution> {
  if (plan.amendments.length === 0) return () => [];
  const releases = await Promise.all((await listReleases(contentDir)).map((label) => readRelease(contentDir, label)));
  releases.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
  const first = releases[0];
  // Without an issued baseline nobody can tell which departments an amendment touched: it concerns all.
  if (!first) return () => plan.amendments;
  const steps = [...releases.slice(1).map((r) => ({ date: r.date, snapshot: r.snapshot })), { date: '9999-12-31', snapshot: current }];
  const byDepartment = new Map<string, Amendment[]>();
  let previous = first;
  for (const step of steps) {
    const amendments = plan.amendments.filter((a) => a.date > previous.date && a.date <= step.date);
    if (amendments.length) {
      for (const d of comparePlans(previous.snapshot, step.snapshot, '').affected) byDepartment.set(d.id, [...(byDepartment.get(d.id) ?? []), ...amendments]);
    }
    previous = { ...previous, date: step.date, snapshot: step.snapshot };
  }
  // Amendments recorded before the first issued version are part of what every department received then.
  const early = plan.amendments.filter((a) => a.date <= first.date);
  return (id) => [...early, ...(byDepartment.get(id) ?? [])];
}
