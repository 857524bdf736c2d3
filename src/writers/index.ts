// Every writer has one signature, (document, options) → bytes, and one entry here: adding HTML is one line.
import type { DocumentModel } from '../document/types.js';
import { writeDocx } from './docx/index.js';
import { writePdf } from './pdf/index.js';

export interface WriterOptions {
  fontsDir: string;
  /** Called between the pages of a long document, when one is done (the pipeline collects garbage there). */
  betweenPages?: () => void;
}

export interface Writer {
  extension: string;
  write(doc: DocumentModel, options: WriterOptions): Promise<Uint8Array>;
}

export const writers = {
  docx: { extension: 'docx', write: (doc) => writeDocx(doc) },
  pdf: { extension: 'pdf', write: (doc, options) => writePdf(doc, options) },
} satisfies Record<string, Writer>;

export type Format = keyof typeof writers;
export const FORMATS = Object.keys(writers) as Format[];
