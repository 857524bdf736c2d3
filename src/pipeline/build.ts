// The one path from content to output, in phases: 1 load and check the content, 2 compose every document into
// the neutral model, 3 render the files whose inputs changed (staged as they render), 4 put everything in place
// with the manifest and index. Nothing reaches out/ unless every document rendered.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { checkFontCoverage } from '../fonts/coverage.js';
import { loadTemplates } from '../compose/compose.js';
import { ContentError, type Diagnostic } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import type { Plan } from '../domain/types.js';
import { lintContent, loadLintConfig } from '../lint/index.js';
import { projectPath } from '../project.js';
import { FORMATS, type Format } from '../writers/index.js';
import { composeDocuments, type BuiltDocument } from './documents.js';
import { indexMarkdown } from './index-file.js';
import { fontsVersion, manifestJson, MANIFEST, readManifest, toolVersion, type Manifest, type ManifestEntry } from './manifest.js';
import { checkFolders } from '../folders.js';
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
  const time = async <T>(stage: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
    }
  };

  // 1. Load and check: validation errors and lint errors stop the build here; lint warnings are reported.
  await checkFolders(options);
  const [plan, templates, tool, fonts] = await time('load', () =>
    Promise.all([
      loadPlan(options.contentDir),
      loadTemplates(options.templatesDir, options.fontsDir),
      toolVersion(),
      fontsVersion(options.fontsDir).catch((e: NodeJS.ErrnoException) => {
        const file = path.relative(process.cwd(), options.fontsDir) || '.';
        throw new ContentError([{ file, line: 1, column: 1, severity: 'error', ruleId: 'fonts/read', field: '', message: `Cannot read the fonts folder (${e.code ?? e.message}), expected readable font files` }]);
      }),
    ]),
  );
  const findings = await time('lint', async () => lintContent(options.contentDir, await loadLintConfig(options.lintConfig)));
  if (findings.some((d) => d.severity === 'error')) throw new ContentError(findings);

  // 2. Compose, and check that the fonts can print every character the documents hold.
  const whole = options.department === undefined;
  const { documents, notices, changes } = await time('compose', () => composeDocuments(plan, templates, options.contentDir, options.department));
  const amendmentFindings = changes?.findings ?? [];
  if (amendmentFindings.some((d) => d.severity === 'error')) throw new ContentError(amendmentFindings);
  const indexNotices = [...notices];
  await time('fonts', () => checkFontCoverage(options.fontsDir, documents.map((d) => d.model), { contentDir: options.contentDir, templatesDir: options.templatesDir }));

  // 3. From here on the output folder is ours alone: lock it, finish or roll back an interrupted build, then
  // render what changed since the last build.
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (e) {
    throw outputError(e, options.outDir);
  }
  const lock = await lockOutput(options.outDir);
  try {
    const recovered = lock.held ? await recoverOutput(options.outDir).catch((e) => Promise.reject(outputError(e, options.outDir))) : null;
    if (recovered) notices.push(recovered);
    const read = await readManifest(options.outDir);
    if (read.ignored) notices.push(read.ignored);
    const previous = read.manifest;
    const planned = await time('check', () => planFiles(documents, options.formats ?? FORMATS, `${tool}\n${fonts}`, previous, options.outDir));
    const toRender = planned.filter((p) => !p.reuse).length;
    if (toRender && !lock.held) throw outputError(Object.assign(new Error('read-only'), { code: 'EACCES' }), options.outDir);
    const staged = new StagedOutput(options.outDir);
    const hashes = await time('render', () =>
      renderFiles(planned, options.fontsDir, staged, options.pool, (format, ms) => (timings[format] = (timings[format] ?? 0) + ms), options.onProgress),
    );

    // 4. Manifest and index, then everything into place as one step. A partial build (one department or one
    // format) updates its own manifest entries and keeps the others; a whole build removes files it no longer makes.
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
        dependsOn: p.doc.dependsOn,
        changedSinceIssued: changes?.issued ? changes.issued.documents[p.name] !== sha256 : null,
      };
    });
    const partial = !whole || options.formats !== undefined;
    const made = new Set(entries.map((e) => e.path));
    const manifest: Manifest = {
      tool,
      issued: changes?.issued?.label ?? previous?.issued ?? null,
      documents: [...(partial ? (previous?.documents ?? []).filter((d) => !made.has(d.path)) : []), ...entries].sort((a, b) => a.path.localeCompare(b.path)),
    };
    const stale = partial ? [] : (previous?.documents ?? []).map((d) => d.path).filter((p) => !made.has(p));
    const removed = await time('write', async () => {
      try {
        await staged.stageIfChanged(MANIFEST, manifestJson(manifest));
        if (whole) await staged.stageIfChanged('index.md', indexMarkdown(plan, documents, indexNotices));
        if (!lock.held && (staged.size || stale.length)) throw outputError(Object.assign(new Error('read-only'), { code: 'EACCES' }), options.outDir);
        return await staged.commit(stale, MANIFEST);
      } catch (e) {
        await staged.abort();
        throw e;
      }
    });
    return result(plan, documents, notices, findings, amendmentFindings, whole, planned, removed, manifest, timings, options.outDir);
  } finally {
    await lock.release();
  }
}

function result(
  plan: Plan, documents: BuiltDocument[], notices: string[], warnings: Diagnostic[], amendmentFindings: Diagnostic[], whole: boolean, planned: PlannedFile[],
  removed: string[], manifest: Manifest, timings: Record<string, number>, outDir: string,
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
