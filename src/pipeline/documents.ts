// Phase 2 of a build: which documents to make, each composed into its document model in every edition.
import path from 'node:path';
import { attributeAmendments } from '../changes/attribution.js';
import { snapshotPlan } from '../changes/snapshot.js';
import type { TemplateSet } from '../compose/compose.js';
import { extractView, planView } from '../compose/view.js';
import { ContentError } from '../content/diagnostics.js';
import { UsageError } from '../errors.js';
import type { Department, Plan } from '../domain/types.js';
import type { Edition } from '../editions/editions.js';
import { checkExtracts, selectExtracts, type Extract } from '../extracts/select.js';
import { changeDocuments, type ChangeDocuments } from './change-documents.js';
import { REGISTRY_FILES, type BuiltDocument, type ComposeInputs } from './built-document.js';

export type { BuiltDocument, ComposeInputs };

export function extractName(department: Department): string {
  return `extracts/${department.id}`;
}

/** The content files a document is made from, relative to the content folder: the registries and its items. */
function dependencies(contentDir: string, items: Plan['items']): string[] {
  const own = items.map((i) => path.relative(path.resolve(contentDir), path.resolve(i.file)).split(path.sep).join('/'));
  return [...REGISTRY_FILES, ...own];
}

export interface Composed {
  documents: BuiltDocument[];
  /** One line per department that gets no extract because it has no items. */
  notices: string[];
  /** Against the last issued version, when one exists and the whole set is built. */
  changes: ChangeDocuments | null;
}

/**
 * The plan, the extracts (checked to hold every item) and, after an issued version, the change sheets; or only
 * one department's extract when `department` is given.
 */
export async function composeDocuments(plan: Plan, templates: TemplateSet, inputs: ComposeInputs, department?: string): Promise<Composed> {
  const { contentDir } = inputs;
  const extracts = selectExtracts(plan);
  const problems = checkExtracts(plan, extracts);
  if (problems.length) throw new ContentError(problems);

  const whole = department === undefined;
  let chosen: Extract[] = extracts;
  if (!whole) {
    const one = extracts.find((e) => e.department.id === department);
    if (!one) throw new UsageError(`Unknown department \`${department}\`, expected one of ${extracts.map((e) => e.department.id).join(', ')}`);
    chosen = [one];
  }
  const notices = chosen
    .filter((e) => e.items.length === 0)
    .map((e) => `no extract for ${e.department.id} (${e.department.name}): it has no items in the plan`);

  // The plan composed once in its own script: the change record reads its text, and its edition is laid out from it.
  const view = planView(plan);
  const composedPlan = templates.compose('plan', view, plan.script);
  const current = snapshotPlan(plan, templates, { view, model: composedPlan });
  const changes = whole ? await changeDocuments(plan, current, templates, inputs) : null;
  const amendmentsOf = attributeAmendments(plan, inputs.releases, current);

  const planDocument = (edition: Edition): BuiltDocument => ({
    name: `plan.${edition}`,
    edition,
    kind: 'plan',
    items: plan.items.map((i) => i.number),
    model: edition === plan.script ? templates.layOut(composedPlan, edition) : templates.render('plan', view, edition),
    dependsOn: dependencies(contentDir, plan.items),
    files: [],
  });
  const extractDocument = (e: Extract, edition: Edition): BuiltDocument => ({
    name: `${extractName(e.department)}.${edition}`,
    edition,
    kind: 'extract',
    department: e.department,
    items: e.items.map((i) => i.number),
    model: templates.render('extract', extractView(plan, e, amendmentsOf(e.department.id)), edition),
    dependsOn: dependencies(contentDir, e.items),
    files: [],
  });
  const documents = plan.editions.flatMap((edition) => [
    ...(whole ? [planDocument(edition)] : []),
    ...chosen.filter((e) => e.items.length > 0).map((e) => extractDocument(e, edition)),
    ...(changes?.documents(edition) ?? []),
  ]);
  return { documents, notices, changes };
}
