// The one path from content to output: load + validate → compose the document model → write every format.
// Everything is rendered in memory first; files are written only when every document has rendered.
import path from 'node:path';
import { planView } from '../compose/view.js';
import { loadTemplates } from '../compose/compose.js';
import { loadPlan } from '../content/load.js';
import type { DocumentModel } from '../model/types.js';
import { FORMATS, writers, type Format } from '../writers/index.js';
import { writeOutputs, type OutputFile } from './output.js';

export interface BuildOptions {
  contentDir: string;
  templatesDir: string;
  fontsDir: string;
  outDir: string;
  formats?: Format[];
}

export interface BuiltDocument {
  /** Base file name without extension, e.g. `plan`. */
  name: string;
  kind: 'plan';
  model: DocumentModel;
}

export interface BuildResult {
  documents: BuiltDocument[];
  files: string[];
  timings: Record<string, number>;
}

export const DEFAULT_DIRS = { contentDir: 'content', templatesDir: 'templates', fontsDir: 'fonts', outDir: 'out' };

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
  const documents: BuiltDocument[] = await time('compose', () => [{ name: 'plan', kind: 'plan' as const, model: templates.render('plan', planView(plan)) }]);

  const files: OutputFile[] = [];
  for (const format of options.formats ?? FORMATS) {
    const writer = writers[format];
    for (const doc of documents) {
      const bytes = await time(format, () => writer.write(doc.model, { fontsDir: options.fontsDir }));
      files.push({ name: `${doc.name}.${writer.extension}`, bytes });
    }
  }
  const written = await time('write', () => writeOutputs(options.outDir, files));
  return { documents, files: written.map((f) => path.relative(process.cwd(), f)), timings };
}
