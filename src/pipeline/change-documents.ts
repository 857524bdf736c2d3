// Change sheets: when a version was issued, every department whose items changed since gets one. The same
// comparison feeds the cross-checks between the amendment record and the edits.
import { compareWith, releaseBaseline, type Baseline } from '../changes/compare.js';
import { crossCheck } from '../changes/crosscheck.js';
import type { ChangeReport } from '../changes/diff.js';
import type { Release } from '../changes/releases.js';
import { changeSheetView } from '../changes/sheet-view.js';
import type { PlanSnapshot } from '../changes/snapshot.js';
import type { TemplateSet } from '../compose/compose.js';
import type { Diagnostic } from '../content/diagnostics.js';
import type { Plan } from '../domain/types.js';
import type { Edition } from '../editions/editions.js';
import { CONTENT_FILES } from '../content/load.js';
import { REGISTRY_FILES, type BuiltDocument, type ComposeInputs } from './built-document.js';

export interface ChangeDocuments {
  issued: Release | null;
  report: ChangeReport | null;
  /** The amendment record against the edits (warnings; reusing a withdrawn number is an error). */
  findings: Diagnostic[];
  /** The change sheets in one edition. */
  documents(edition: Edition): BuiltDocument[];
}

export async function changeDocuments(
  plan: Plan,
  current: () => PlanSnapshot,
  templates: TemplateSet,
  { contentDir, releases, read }: ComposeInputs,
): Promise<ChangeDocuments> {
  const issued = releases.at(-1) ?? null;
  const baseline = issued ? releaseBaseline(issued, plan) : null;
  const report = baseline ? compareWith(plan, baseline, current(), templates.locale) : null;
  const findings = await crossCheck({ plan, contentDir, baseline, report, history: releases, ...(read ? { read } : {}) });
  if (!issued || !baseline || !report) return { issued: null, report: null, findings, documents: () => [] };
  const documents = (edition: Edition) => changeSheets(plan, report, baseline, current(), templates, edition, [`issued/${issued.label}.json`]);
  return { issued, report, findings, documents };
}

/** One change sheet per affected department, in one edition, against `baseline`. */
export function changeSheets(
  plan: Plan,
  report: ChangeReport,
  baseline: Baseline,
  current: PlanSnapshot,
  templates: TemplateSet,
  edition: Edition,
  dependsOn: string[],
): BuiltDocument[] {
  return report.affected.map((change) => ({
    name: `changes/${change.id}.${edition}`,
    edition,
    kind: 'change-sheet' as const,
    department: { id: change.id, name: change.name },
    items: [...change.added, ...change.removed, ...change.changed].sort((a, b) => a - b),
    model: templates.render('changes', changeSheetView(plan, report, change, baseline, current), edition),
    dependsOn: [...dependsOn, ...REGISTRY_FILES, CONTENT_FILES.items],
    files: [],
  }));
}
