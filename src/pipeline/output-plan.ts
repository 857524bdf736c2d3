// The output plan: every file a build makes, its path computed once from the composed documents and the formats,
// before anything renders. Two documents that would be written to one path are refused here, not found out halfway
// through rendering; each document comes back with its files named, the composed one left as it was.
import { writers, type Format } from '../writers/index.js';
import type { BuiltDocument } from './built-document.js';

export interface OutputFile {
  doc: BuiltDocument;
  format: Format;
  /** Relative to the output folder. */
  name: string;
}

export interface OutputPlan {
  /** The documents, each with `files` filled in. */
  documents: BuiltDocument[];
  /** Every file, format by format. */
  files: OutputFile[];
}

export function planOutput(composed: BuiltDocument[], formats: Format[]): OutputPlan {
  // Copied property by property, not spread: a model not laid out yet stays so (documents.ts).
  const documents = composed.map((doc) =>
    Object.defineProperties({} as BuiltDocument, {
      ...Object.getOwnPropertyDescriptors(doc),
      files: { value: formats.map((format) => `${doc.name}.${writers[format].extension}`), enumerable: true, writable: true, configurable: true },
    }),
  );
  const files = formats.flatMap((format, f) => documents.map((doc) => ({ doc, format, name: doc.files[f]! })));
  const seen = new Set<string>();
  for (const { name } of files) {
    // Names come from validated, unique ids: two alike is a bug, not a content problem.
    if (seen.has(name)) throw new Error(`two documents would be written to ${name}`);
    seen.add(name);
  }
  return { documents, files };
}
