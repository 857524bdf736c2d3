// The one path from content to output: load + validate → compose document models → write every format.
// Everything is rendered in memory first; files are written only when every document has rendered.
import path from 'node:path';
import { loadTemplates } from '../compose/compose.js';
import { extractView, planView } from '../compose/view.js';
import { ContentError } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import type { Department, Plan } from '../domain/types.js';
import { checkExtracts, selectExtracts, type Extract } from '../extracts/select.js';
import type { DocumentModel } from '../model/types.js';
import { FORMATS, writers, type Format } from '../writers/index.js';
import { indexMarkdown } from './index-file.js';
import { writeOutputs, type OutputFile } from './output.js';

export interface BuildOptions {
  contentDir: string;
  templatesDir: string;
  fontsDir: string;
  outDir: string;
  formats?: Format[];
  /** Build only this department's extract (by id). */
  department?: string;
}

export type DocumentKind = 'plan' | 'extract';

export interface BuiltDocument {
  /** Path without extension, relative to the output folder: `plan`, `extracts/analysis`. */
  name: string;
  kind: DocumentKind;
  department?: Department;
  /** Plan numbers of the items the document holds. */
  items: number[];
  model: DocumentModel;
  files: string[];
}

export interface BuildResult {
  plan: Plan;
  documents: BuiltDocument[];
  /** One line per department that gets no extract because it has no items. */
  notices: string[];
  files: string[];
  timings: Record<string, number>;
}

export const DEFAULT_DIRS = { contentDir: 'content', templatesDir: 'templates', fontsDir: 'fonts', outDir: 'out' };

/** Raised for a build request that does not fit the content (an unknown --department). */
export class UsageError extends Error {}

export function extractName(department: Department): string {
  return `extracts/${department.id}`;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
    }
  };

  const [plan, templates] = await time('load', () => Promise.all([loadPlan(options.contentDir), loadTemplates(options.templatesDir)]));
  const extracts = selectExtracts(plan);
  const problems = checkExtracts(plan, extracts);
  if (problems.length) throw new ContentError(problems);

  let chosen: Extract[] = extracts;
  if (options.department !== undefined) {
    const one = extracts.find((e) => e.department.id === options.department);
    if (!one) throw new UsageError(`Unknown department \`${options.department}\`, expected one of ${extracts.map((e) => e.department.id).join(', ')}`);
    chosen = [one];
  }
  const notices = chosen.filter((e) => e.items.length === 0).map((e) => `no extract for ${e.department.id} (${e.department.name}): it has no items in the plan`);

  const documents: BuiltDocument[] = await time('compose', () => [
    ...(options.department === undefined
      ? [{ name: 'plan', kind: 'plan' as const, items: plan.items.map((i) => i.number), model: templates.render('plan', planView(plan)), files: [] }]
      : []),
    ...chosen
      .filter((e) => e.items.length > 0)
      .map((e) => ({
        name: extractName(e.department),
        kind: 'extract' as const,
        department: e.department,
        items: e.items.map((i) => i.number),
        model: templates.render('extract', extractView(plan, e)),
        files: [] as string[],
      })),
  ]);

  const files: OutputFile[] = [];
  for (const format of options.formats ?? FORMATS) {
    const writer = writers[format];
    for (const doc of documents) {
      const bytes = await time(format, () => writer.write(doc.model, { fontsDir: options.fontsDir }));
      const name = `${doc.name}.${writer.extension}`;
      doc.files.push(name);
      files.push({ name, bytes });
    }
  }
  if (options.department === undefined) files.push({ name: 'index.md', bytes: new TextEncoder().encode(indexMarkdown(plan, documents, notices)) });
  const written = await time('write', () => writeOutputs(options.outDir, files));
  return { plan, documents, notices, files: written.map((f) => path.relative(process.cwd(), f)), timings };
}
