// Everything a page shows, read for each request: the content checked by the engine, each item's file, the
// registries, and the plan as printed (deadlines and executors in the plan's words) when the content loads.
import { snapshotPlan, type PlanSnapshot } from '../changes/snapshot.js';
import { loadTemplates, TemplateError } from '../compose/compose.js';
import type { Locale } from '../uz/locale.js';
import { checkContent, type Finding } from './check.js';
import { readItems, readRegistries, type Folders, type ItemRow, type Registries } from './content.js';
import type { Plan } from '../domain/types.js';
import type { Lang } from './i18n.js';

export interface Workspace {
  plan: Plan | null;
  findings: Finding[];
  items: ItemRow[];
  registries: Registries;
  snapshot: PlanSnapshot | null;
  locale: Locale | null;
}

export async function readWorkspace(folders: Folders, lang: Lang): Promise<Workspace> {
  const [checked, items, templates] = await Promise.all([
    checkContent(folders.contentDir, lang),
    readItems(folders.contentDir),
    loadTemplates(folders.templatesDir, folders.fontsDir).catch((e) => (e instanceof TemplateError ? null : Promise.reject(e))),
  ]);
  const registries = await readRegistries(folders.contentDir, checked.plan);
  const snapshot = checked.plan && templates ? snapshotPlan(checked.plan, templates) : null;
  return { plan: checked.plan, findings: checked.findings, items, registries, snapshot, locale: templates?.locale ?? null };
}
