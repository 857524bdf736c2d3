// Phase 2 of a build: which documents to make, each composed into its document model in every edition.
import path from 'node:path';
import { attributeAmendments } from '../changes/attribution.js';
import { snapshotPlan, type PlanSnapshot } from '../changes/snapshot.js';
import type { TemplateSet } from '../compose/compose.js';
import { extractView, planView } from '../compose/view.js';
import { ContentError } from '../content/diagnostics.js';
import { UsageError } from '../errors.js';
import type { DocumentModel } from '../document/types.js';
import type { Department, Plan } from '../domain/types.js';
import type { Edition } from '../editions/editions.js';
import { checkExtracts, selectExtracts, type Extract } from '../extracts/select.js';
import { changeDocuments, type ChangeDocuments } from './change-documents.js';
import { REGISTRY_FILES, type BuiltDocument, type ComposeInputs } from './built-document.js';
import { inputsKey } from './inputs-key.js';

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
 * `doc` with its model made by `make` when first asked for: a build that keeps a document's files from the last
 * build (its inputs key unchanged) never lays it out.
 */
function composedOnDemand(doc: Omit<BuiltDocument, 'model'>, make: () => DocumentModel): BuiltDocument {
  let model: DocumentModel | undefined;
  return Object.defineProperty(doc, 'model', { get: () => (model ??= make()), enumerable: true, configurable: true }) as BuiltDocument;
}

/**
 * The plan, the extracts (checked to hold every item) and, after an issued version, the change sheets; or only
 * one department's extract when `department` is given. The plan and extract models are laid out when first read;
 * with `inputs.versions` each of them carries its inputs key (inputs-key.ts).
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

  // The plan composed once in its own script, when first needed: the change record reads its text (only after a
  // version was issued), and its edition is laid out from it (unless its files are kept).
  const view = planView(plan);
  let composedPlan: DocumentModel | undefined;
  const planModel = () => (composedPlan ??= templates.compose('plan', view, plan.script));
  let snapshot: PlanSnapshot | undefined;
  const current = () => (snapshot ??= snapshotPlan(plan, templates, { view, model: planModel() }));
  const changes = whole ? await changeDocuments(plan, current, templates, inputs) : null;
  const amendmentsOf = attributeAmendments(plan, inputs.releases, current);

  const keyOf = (template: string, edition: Edition, view: object) => {
    const key = inputs.versions === undefined ? null : inputsKey({ versions: inputs.versions, template, edition, script: plan.script, view });
    return key === null ? {} : { inputs: key };
  };
  const planDocument = (edition: Edition): BuiltDocument =>
    composedOnDemand(
      {
        name: `plan.${edition}`,
        edition,
        kind: 'plan',
        items: plan.items.map((i) => i.number),
        dependsOn: dependencies(contentDir, plan.items),
        files: [],
        ...keyOf('plan', edition, view),
      },
      () => (edition === plan.script ? templates.layOut(planModel(), edition) : templates.render('plan', view, edition)),
    );
  const extractDocument = (e: Extract, edition: Edition): BuiltDocument => {
    const extract = extractView(plan, e, amendmentsOf(e.department.id));
    return composedOnDemand(
      {
        name: `${extractName(e.department)}.${edition}`,
        edition,
        kind: 'extract',
        department: e.department,
        items: e.items.map((i) => i.number),
        dependsOn: dependencies(contentDir, e.items),
        files: [],
        ...keyOf('extract', edition, extract),
      },
      () => templates.render('extract', extract, edition),
    );
  };
  const documents = plan.editions.flatMap((edition) => [
    ...(whole ? [planDocument(edition)] : []),
    ...chosen.filter((e) => e.items.length > 0).map((e) => extractDocument(e, edition)),
    ...(changes?.documents(edition) ?? []),
  ]);
  return { documents, notices, changes };
}
