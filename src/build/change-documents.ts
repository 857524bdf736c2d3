// Change sheets: when a version was issued, every department whose items changed since gets one.
import { comparePlans, type ChangeReport } from '../changes/diff.js';
import { latestRelease, type Release } from '../changes/releases.js';
import { changeSheetView } from '../changes/sheet-view.js';
import type { PlanSnapshot } from '../changes/snapshot.js';
import type { TemplateSet } from '../compose/compose.js';
import type { Plan } from '../domain/types.js';
import type { Edition } from '../editions/editions.js';
import type { BuiltDocument } from './documents.js';

export interface ChangeDocuments {
  issued: Release | null;
  report: ChangeReport | null;
  /** The change sheets in one edition. */
  documents(edition: Edition): BuiltDocument[];
}

export async function changeDocuments(plan: Plan, current: PlanSnapshot, templates: TemplateSet, contentDir: string): Promise<ChangeDocuments> {
  const issued = await latestRelease(contentDir);
  if (!issued) return { issued: null, report: null, documents: () => [] };
  const report = comparePlans(issued.snapshot, current, issued.label);
  const since = { label: issued.label, date: issued.date };
  const documents = (edition: Edition) => changeSheets(plan, report, since, templates, edition, [`issued/${issued.label}.json`]);
  return { issued, report, documents };
}

/** One change sheet per affected department, in one edition, against the version described by `since`. */
export function changeSheets(
  plan: Plan,
  report: ChangeReport,
  since: { label: string; date: string },
  templates: TemplateSet,
  edition: Edition,
  baseline: string[],
): BuiltDocument[] {
  return report.affected.map((change) => ({
    name: `changes/${change.id}.${edition}`,
    edition,
    kind: 'change-sheet' as const,
    department: { id: change.id, name: change.name },
    items: [...change.added, ...change.removed, ...change.changed].sort((a, b) => a - b),
    model: templates.render('changes', changeSheetView(plan, report, change, since), edition),
    dependsOn: [...baseline, 'plan.yaml', 'departments.yaml', 'acts.yaml', 'amendments.yaml', 'items/*.yaml'],
    files: [],
  }));
}
