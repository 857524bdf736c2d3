// Phase 1 of a build: every input read once into one loaded project. The content files are read and parsed once
// (the load and lint go through one reader, and later steps take their sources from it without the disk); the
// issued versions, the templates with their locales, and the versions of the fonts and the tool are read here too.
// Content errors and lint errors stop here; lint warnings travel on with the project.
import path from 'node:path';
import { history, type Release } from '../changes/releases.js';
import { loadTemplates, type TemplateSet } from '../compose/compose.js';
import { ContentError, type Diagnostic } from '../content/diagnostics.js';
import { loadPlan } from '../content/load.js';
import { sourceCache, type SourceReader } from '../content/sources.js';
import type { Plan } from '../domain/types.js';
import { checkFolders, type Folders } from '../folders.js';
import { lintContent, loadLintConfig } from '../lint/index.js';
import { folderVersion, toolVersion } from './manifest.js';

export interface ProjectOptions extends Folders {
  /** The lint rules file (default: the project's lint.yaml). */
  lintConfig?: string;
}

export interface LoadedProject {
  folders: Folders;
  plan: Plan;
  templates: TemplateSet;
  /** Every issued version, oldest first. */
  releases: Release[];
  /** Lint warnings on the content (lint errors stop the load). */
  warnings: Diagnostic[];
  /** The reader every content file went through; it hands out the parsed sources it holds without the disk. */
  read: SourceReader;
  /** Content files read from the disk for this project: each file once. */
  contentReads: number;
  /** The tool's version (its name, its own and its writers' versions). */
  tool: string;
  /** A hash of the fonts folder. */
  fonts: string;
  /** A hash of the templates folder (templates, partials, locales); null when it could not be read whole. */
  templatesVersion: string | null;
}

type Timer = <T>(stage: string, f: () => Promise<T> | T) => Promise<T>;
const untimed: Timer = async (_stage, f) => f();

export async function loadProject(options: ProjectOptions, time: Timer = untimed): Promise<LoadedProject> {
  await checkFolders(options);
  const cache = sourceCache();
  const [plan, templates, tool, fonts, templatesVersion] = await time('load', () =>
    Promise.all([
      loadPlan(options.contentDir, cache.read),
      loadTemplates(options.templatesDir, options.fontsDir),
      toolVersion(),
      folderVersion(options.fontsDir).catch((e: NodeJS.ErrnoException) => {
        const file = path.relative(process.cwd(), options.fontsDir) || '.';
        throw new ContentError([
          {
            file,
            line: 1,
            column: 1,
            severity: 'error',
            ruleId: 'fonts/read',
            field: '',
            message: `Cannot read the fonts folder (${e.code ?? e.message}), expected readable font files`,
          },
        ]);
      }),
      // A folder loadTemplates could read but this cannot is its own problem: its documents are then composed as before.
      folderVersion(options.templatesDir).catch(() => null),
    ]),
  );
  const warnings = await time('lint', async () => lintContent(options.contentDir, await loadLintConfig(options.lintConfig), 'en', cache.read));
  if (warnings.some((d) => d.severity === 'error')) throw new ContentError(warnings);
  const releases = await time('load', () => history(options.contentDir));
  const { contentDir, templatesDir, fontsDir, outDir } = options;
  return {
    folders: { contentDir, templatesDir, fontsDir, outDir },
    plan,
    templates,
    releases,
    warnings,
    read: cache.read,
    contentReads: cache.reads,
    tool,
    fonts,
    templatesVersion,
  };
}
