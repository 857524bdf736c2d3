// What compose hands to render: one document in one edition, as its model, with what it is made from and where it goes.
import type { Release } from '../changes/releases.js';
import { CONTENT_FILES } from '../content/load.js';
import type { SourceReader } from '../content/sources.js';
import type { Department } from '../domain/types.js';
import type { DocumentModel } from '../document/types.js';
import type { Edition } from '../editions/editions.js';
import type { DocumentKind } from './manifest.js';

/** The content files every document depends on besides its own items. */
export const REGISTRY_FILES = [CONTENT_FILES.plan, CONTENT_FILES.departments, CONTENT_FILES.acts, CONTENT_FILES.amendments];

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
  /** Its files, relative to the output folder, filled in when formats are planned. */
  files: string[];
  /** The hash of everything its model is made from, known before it is composed (inputs-key.ts); absent when unknown. */
  inputs?: string;
}

/** What compose is given besides the plan and the templates: values read with the project, nothing it reads itself. */
export interface ComposeInputs {
  /** Only to name the content files a document depends on. */
  contentDir: string;
  /** Every issued version, oldest first. */
  releases: Release[];
  /** The project's reader, which already holds every content file (for placing amendment findings). */
  read?: SourceReader;
  /** The versions of the tool, the fonts and the templates folder: given, each plan and extract carries its inputs key. */
  versions?: string;
}
