// The one path from content to output, in phases: 1 load every input once and check the content (load-project.ts),
// 2 compose every document into the neutral model, 3 render the files whose inputs changed (staged as they render),
// 4 put everything in place with the manifest and index. Nothing reaches out/ unless every document rendered.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { checkFontCoverage } from '../fonts/coverage.js';
import { ContentError, type Diagnostic } from '../content/diagnostics.js';
import type { Plan } from '../domain/types.js';
import type { Folders } from '../folders.js';
import { projectPath } from '../project.js';
import { FORMATS, type Format } from '../writers/index.js';
import { composeDocuments, type BuiltDocument } from './documents.js';
import { indexMarkdown } from './index-file.js';
import { loadProject, type LoadedProject } from './load-project.js';
import { planOutput } from './output-plan.js';
import { manifestJson, MANIFEST, readManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { keptFiles } from './kept-files.js';
import { lockOutput } from './lock.js';
import { OutputError, outputError, recoverOutput, StagedOutput } from './output.js';
import { planFiles, renderFiles, type PlannedFile } from './render-files.js';
import type { RenderPool } from './render-pool.js';

export { extractName, type BuiltDocument } from './documents.js';
export { UsageError } from '../errors.js';
export { OutputError };

export interface BuildOptions {
  contentDir: string;
  templatesDir: string;
  fontsDir: string;
  outDir: string;
  formats?: Format[];
  /** Build only this department's extract (by id). */
  department?: string;
  /** The lint rules file (default: the project's lint.yaml). */
  lintConfig?: string;
  /** Threads to render on; a long-lived caller (watch) passes its own. Default: a pool for this build alone. */
  pool?: RenderPool;
  /** Called after each file is rendered (for progress lines). */
  onProgress?: (done: number, total: number, name: string) => void;
}

export interface BuildResult {
  plan: Plan;
  documents: BuiltDocument[];
  /** One line per department that gets no extract because it has no items. */
  notices: string[];
  /** Lint warnings on the content (errors stop the build). */
  warnings: Diagnostic[];
  /** The amendment record against the edits since the issued version: warnings here, errors at `release`. */
  amendmentFindings: Diagnostic[];
  /** Every file of this build, relative to the working directory. */
  files: string[];
  /** The files rendered and written by this build (the others were unchanged). */
  rendered: string[];
  /** Files of an earlier build that this build no longer makes, now removed. */
  removed: string[];
  manifest: Manifest;
  /** Milliseconds per stage; `pdf` and `docx` add up the rendering of every file, on whatever thread. */
  timings: Record<string, number>;
}

/** The project's own folders, found from wherever the command runs. */
export const DEFAULT_DIRS = {
  contentDir: projectPath('content'),
  templatesDir: projectPath('templates'),
  fontsDir: projectPath('fonts'),
  outDir: projectPath('out'),
};

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  return buildProject(await loadProject(options, timer(timings)), options, timings);
}

/** Adds each stage's milliseconds to `timings`. */
function timer(timings: Record<string, number>) {
  return async <T>(stage: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
    }
  };
}

/**
 * Phases 2–4 on a project loaded once (phase 1): `release` loads it, checks it, and builds from it without reading
 * the content again. `options` says what to build; its folders must be the project's.
 */
export async function buildProject(
  project: LoadedProject,
  options: Omit<BuildOptions, keyof Folders | 'lintConfig'>,
  timings: Record<string, number> = {},
): Promise<BuildResult> {
  const time = timer(timings);
  const { plan, templates, tool, fonts, warnings: findings } = project;
  const { contentDir, templatesDir, fontsDir, outDir } = project.folders;

  // 2. Compose: each document's view and inputs key; the models are laid out when first read (step 3).
  const whole = options.department === undefined;
  const versions = `${tool}\n${fonts}`;
  const inputs = {
    contentDir,
    releases: project.releases,
    read: project.read,
    ...(project.templatesVersion === null ? {} : { versions: `${versions}\n${project.templatesVersion}` }),
  };
  const { documents: composed, notices, changes } = await time('compose', () => composeDocuments(plan, templates, inputs, options.department));
  // Every path this build writes, computed once; duplicates refused before anything renders.
  const { documents, files: outputFiles } = planOutput(composed, options.formats ?? FORMATS);
  const amendmentFindings = changes?.findings ?? [];
  if (amendmentFindings.some((d) => d.severity === 'error')) throw new ContentError(amendmentFindings);
  const indexNotices = [...notices];

  // 3. From here on the output folder is ours alone: lock it, finish or roll back an interrupted build, then
  // keep what the last build made from the same inputs, lay out the other documents, check that the fonts can
  // print every character they hold, and render what changed.
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw outputError(e, outDir);
  }
  const lock = await lockOutput(outDir);
  try {
    const recovered = lock.held ? await recoverOutput(outDir).catch((e) => Promise.reject(outputError(e, outDir))) : null;
    if (recovered) notices.push(recovered);
    const read = await readManifest(outDir);
    if (read.ignored) notices.push(read.ignored);
    const previous = read.manifest;
    const kept = await time('check', () => keptFiles(outputFiles, previous, outDir));
    const laidOut = documents.filter((d) => d.files.some((f) => !kept.has(f)));
    const models = await time('compose', () => laidOut.map((d) => d.model));
    // A kept document passed this check in the build that made it, with the same fonts.
    await time('fonts', () => checkFontCoverage(fontsDir, models, { contentDir, templatesDir }));
    const checked = await time('check', () =>
      planFiles(
        outputFiles.filter((f) => !kept.has(f.name)),
        versions,
        previous,
        outDir,
      ),
    );
    const byName = new Map(checked.map((p) => [p.name, p]));
    const planned: PlannedFile[] = outputFiles.map(({ doc, format, name }) => {
      const entry = kept.get(name);
      return entry ? { doc, format, name, key: entry.key, reuse: entry } : byName.get(name)!;
    });
    const toRender = planned.filter((p) => !p.reuse).length;
    if (toRender && !lock.held) throw outputError(Object.assign(new Error('read-only'), { code: 'EACCES' }), outDir);
    const staged = new StagedOutput(outDir);
    const hashes = await time('render', () =>
      renderFiles(planned, fontsDir, staged, options.pool, (format, ms) => (timings[format] = (timings[format] ?? 0) + ms), options.onProgress),
    );

    // 4. Manifest and index, then everything into place as one step. A partial build (one department or one
    // format) updates its own manifest entries and keeps the others; a whole build removes files it no longer makes.
    // A build that renders or removes nothing writes nothing: a file kept by its model's hash then keeps the inputs
    // key recorded for it (still true of the same bytes), and records this build's the next time anything is written.
    const partial = !whole || options.formats !== undefined;
    const made = new Set(planned.map((p) => p.name));
    const stale = partial ? [] : (previous?.documents ?? []).map((d) => d.path).filter((p) => !made.has(p));
    const refresh = toRender > 0 || stale.length > 0;
    const inputsOf = (p: PlannedFile) => {
      const inputs = p.reuse && !refresh ? p.reuse.inputs : p.doc.inputs;
      return inputs === undefined ? {} : { inputs };
    };
    const entries: ManifestEntry[] = planned.map((p) => {
      const sha256 = p.reuse?.sha256 ?? hashes.get(p.name)!;
      return {
        path: p.name,
        kind: p.doc.kind,
        edition: p.doc.edition,
        format: p.format,
        department: p.doc.department?.id ?? null,
        sha256,
        key: p.key,
        ...inputsOf(p),
        dependsOn: p.doc.dependsOn,
        changedSinceIssued: changes?.issued ? changes.issued.documents[p.name] !== sha256 : null,
      };
    });
    const manifest: Manifest = {
      tool,
      issued: changes?.issued?.label ?? previous?.issued ?? null,
      documents: [...(partial ? (previous?.documents ?? []).filter((d) => !made.has(d.path)) : []), ...entries].sort((a, b) => a.path.localeCompare(b.path)),
    };
    const removed = await time('write', async () => {
      try {
        await staged.stageIfChanged(MANIFEST, manifestJson(manifest));
        if (whole) await staged.stageIfChanged('index.md', indexMarkdown(plan, documents, indexNotices));
        if (!lock.held && (staged.size || stale.length)) throw outputError(Object.assign(new Error('read-only'), { code: 'EACCES' }), outDir);
        return await staged.commit(stale, MANIFEST);
      } catch (e) {
        await staged.abort();
        throw e;
      }
    });
    return result(plan, documents, notices, findings, amendmentFindings, whole, planned, removed, manifest, timings, outDir);
  } finally {
    await lock.release();
  }
}

function result(
  plan: Plan,
  documents: BuiltDocument[],
  notices: string[],
  warnings: Diagnostic[],
  amendmentFindings: Diagnostic[],
  whole: boolean,
  planned: PlannedFile[],
  removed: string[],
  manifest: Manifest,
  timings: Record<string, number>,
  outDir: string,
): BuildResult {
  const rel = (f: string) => path.relative(process.cwd(), path.join(outDir, f));
  return {
    plan,
    documents,
    notices,
    warnings,
    amendmentFindings,
    files: [...documents.flatMap((d) => d.files), MANIFEST, ...(whole ? ['index.md'] : [])].map(rel),
    rendered: planned.filter((p) => !p.reuse).map((p) => rel(p.name)),
    removed: removed.map(rel),
    manifest,
    timings,
  };
}
