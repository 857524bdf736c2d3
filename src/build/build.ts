// The one path from content to output: load + validate → compose document models → write every format.
// Files are staged as they render and put in place only when every document has rendered (src/build/output.ts),
// and a document whose inputs did not change since the last build (same model, fonts and tool) is not rendered again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTemplates } from '../compose/compose.js';
import { extractView, planView } from '../compose/view.js';
import { ContentError, type Diagnostic } from '../content/diagnostics.js';
import { DEFAULT_CONFIG_FILE, lintContent, loadLintConfig } from '../lint/index.js';
import { loadPlan } from '../content/load.js';
import type { Department, Plan } from '../domain/types.js';
import { checkExtracts, selectExtracts, type Extract } from '../extracts/select.js';
import type { DocumentModel } from '../model/types.js';
import { FORMATS, writers, type Format } from '../writers/index.js';
import { attributeAmendments } from '../changes/attribution.js';
import { snapshotPlan } from '../changes/snapshot.js';
import type { Edition } from '../editions/editions.js';
import { changeDocuments } from './change-documents.js';
import { indexMarkdown } from './index-file.js';
import { fontsVersion, manifestJson, MANIFEST, readManifest, sha256, toolVersion, type DocumentKind, type Manifest, type ManifestEntry } from './manifest.js';
import { removeOutputs, StagedOutput } from './output.js';
import { poolFor, type RenderPool } from './render-pool.js';

export interface BuildOptions {
  contentDir: string;
  templatesDir: string;
  fontsDir: string;
  outDir: string;
  formats?: Format[];
  /** Build only this department's extract (by id). */
  department?: string;
  /** The lint rules file (default: lint.yaml; missing means the rules' defaults). */
  lintConfig?: string;
  /** Threads to render on; a long-lived caller (watch) passes its own. Default: a pool for this build on every core. */
  pool?: RenderPool;
}

export interface BuiltDocument {
  /** Path without extension, relative to the output folder: `plan.cyrl`, `extracts/analysis.latn`, `changes/hr.cyrl`. */
  name: string;
  edition: Edition;
  kind: DocumentKind;
  department?: Department | { id: string; name: string };
  /** Plan numbers of the items the document holds. */
  items: number[];
  model: DocumentModel;
  /** Content files the document is made from, relative to the content folder. */
  dependsOn: string[];
  files: string[];
}

export interface BuildResult {
  plan: Plan;
  documents: BuiltDocument[];
  /** One line per department that gets no extract because it has no items. */
  notices: string[];
  /** Lint warnings on the content (errors stop the build). */
  warnings: Diagnostic[];
  /** Every file of this build, relative to the working directory. */
  files: string[];
  /** The files rendered and written by this build (the others were unchanged). */
  rendered: string[];
  /** Files of an earlier build that this build no longer makes, now removed. */
  removed: string[];
  manifest: Manifest;
  timings: Record<string, number>;
}

export const DEFAULT_DIRS = { contentDir: 'content', templatesDir: 'templates', fontsDir: 'fonts', outDir: 'out' };

/** Raised for a build request that does not fit the content (an unknown --department). */
export class UsageError extends Error {}

export function extractName(department: Department): string {
  return `extracts/${department.id}`;
}

/** The content files a document is made from, relative to the content folder: the registries and its items. */
function dependencies(contentDir: string, items: Plan['items']): string[] {
  const own = items.map((i) => path.relative(path.resolve(contentDir), path.resolve(i.file)).split(path.sep).join('/'));
  return ['plan.yaml', 'departments.yaml', 'acts.yaml', 'amendments.yaml', ...own];
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

  const [plan, templates, previous, tool, fonts] = await time('load', () =>
    Promise.all([loadPlan(options.contentDir), loadTemplates(options.templatesDir), readManifest(options.outDir), toolVersion(), fontsVersion(options.fontsDir)]),
  );
  // Lint before anything is composed: its errors stop the build like validation errors, its warnings are counted.
  const findings = await time('lint', async () => lintContent(options.contentDir, await loadLintConfig(options.lintConfig ?? DEFAULT_CONFIG_FILE)));
  if (findings.some((d) => d.severity === 'error')) throw new ContentError(findings);
  const extracts = selectExtracts(plan);
  const problems = checkExtracts(plan, extracts);
  if (problems.length) throw new ContentError(problems);

  const whole = options.department === undefined;
  let chosen: Extract[] = extracts;
  if (!whole) {
    const one = extracts.find((e) => e.department.id === options.department);
    if (!one) throw new UsageError(`Unknown department \`${options.department}\`, expected one of ${extracts.map((e) => e.department.id).join(', ')}`);
    chosen = [one];
  }
  const notices = chosen.filter((e) => e.items.length === 0).map((e) => `no extract for ${e.department.id} (${e.department.name}): it has no items in the plan`);

  const current = snapshotPlan(plan, templates.locale);
  const [changes, amendmentsOf] = await time('changes', () =>
    Promise.all([whole ? changeDocuments(plan, current, templates, options.contentDir) : null, attributeAmendments(plan, options.contentDir, current)]),
  );
  const documents: BuiltDocument[] = await time('compose', () =>
    plan.editions.flatMap((edition) => [
      ...(whole
        ? [{ name: `plan.${edition}`, edition, kind: 'plan' as const, items: plan.items.map((i) => i.number), model: templates.render('plan', planView(plan), edition), dependsOn: dependencies(options.contentDir, plan.items), files: [] }]
        : []),
      ...chosen
        .filter((e) => e.items.length > 0)
        .map((e) => ({
          name: `${extractName(e.department)}.${edition}`,
          edition,
          kind: 'extract' as const,
          department: e.department,
          items: e.items.map((i) => i.number),
          model: templates.render('extract', extractView(plan, e, amendmentsOf(e.department.id)), edition),
          dependsOn: dependencies(options.contentDir, e.items),
          files: [] as string[],
        })),
      ...(changes?.documents(edition) ?? []),
    ]),
  );

  // Render only what changed: a file is reused when the previous manifest made it from the same key.
  const before = new Map((previous?.documents ?? []).map((d) => [d.path, d]));
  const planned: { doc: BuiltDocument; format: Format; name: string; key: string; reuse: ManifestEntry | null }[] = [];
  for (const format of options.formats ?? FORMATS) {
    for (const doc of documents) {
      const name = `${doc.name}.${writers[format].extension}`;
      const key = sha256(`${format}\n${tool}\n${fonts}\n${JSON.stringify(doc.model)}`);
      const old = before.get(name);
      const reuse = old?.key === key && (await time('check', () => fileHasHash(options.outDir, name, old.sha256))) ? old : null;
      planned.push({ doc, format, name, key, reuse });
      doc.files.push(name);
    }
  }
  const toRender = planned.filter((p) => !p.reuse);
  const jobs = toRender.map((p) => ({ format: p.format, model: p.doc.model }));
  const pool = options.pool ?? poolFor(jobs);
  const staged = await StagedOutput.open(options.outDir);
  const hashes = new Map<string, string>();
  try {
    await time('render', () =>
      pool.renderAll(jobs, options.fontsDir, async (index, bytes, ms) => {
        const { name, format } = toRender[index]!;
        timings[format] = (timings[format] ?? 0) + ms;
        hashes.set(name, sha256(bytes));
        await staged.stage(name, bytes);
      }),
    );
  } catch (e) {
    await staged.abort();
    throw e;
  } finally {
    if (!options.pool) await pool.close();
  }
  const rendered = toRender.map((p) => p.name);
  const entries: ManifestEntry[] = planned.map((p) => {
    const hash = p.reuse?.sha256 ?? hashes.get(p.name)!;
    const issuedHash = changes?.issued?.documents[p.name];
    return {
      path: p.name,
      kind: p.doc.kind,
      edition: p.doc.edition,
      format: p.format,
      department: p.doc.department?.id ?? null,
      sha256: hash,
      key: p.key,
      dependsOn: p.doc.dependsOn,
      changedSinceIssued: changes?.issued ? issuedHash !== hash : null,
    };
  });

  // A partial build (one department, one format) updates its own entries and keeps the others.
  const partial = !whole || options.formats !== undefined;
  const made = new Set(entries.map((e) => e.path));
  const kept = partial ? (previous?.documents ?? []).filter((d) => !made.has(d.path)) : [];
  const manifest: Manifest = {
    tool,
    issued: changes?.issued?.label ?? previous?.issued ?? null,
    documents: [...kept, ...entries].sort((a, b) => a.path.localeCompare(b.path)),
  };
  const stale = partial ? [] : (previous?.documents ?? []).map((d) => d.path).filter((p) => !made.has(p));
  await time('write', async () => {
    await staged.stage(MANIFEST, manifestJson(manifest));
    if (whole) await staged.stage('index.md', indexMarkdown(plan, documents, notices));
    await staged.commit();
    await removeOutputs(options.outDir, stale);
  });
  const rel = (f: string) => path.relative(process.cwd(), path.join(options.outDir, f));
  return {
    plan,
    documents,
    notices,
    warnings: findings,
    files: [...documents.flatMap((d) => d.files), MANIFEST, ...(whole ? ['index.md'] : [])].map(rel),
    rendered: rendered.map(rel),
    removed: stale.map(rel),
    manifest,
    timings,
  };
}

async function fileHasHash(outDir: string, name: string, expected: string): Promise<boolean> {
  try {
    return sha256(await readFile(path.join(outDir, name))) === expected;
  } catch {
    return false;
  }
}
