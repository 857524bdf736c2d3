// DocumentModel → DOCX bytes: the WordprocessingML parts written as strings straight from the model, zipped with
// fflate as the docx package did (same parts, order and compression), so the bytes are those it made. Names the
// model's font family (Times New Roman); embeds no font.
import type { DocumentModel } from '../../document/types.js';
import { coreXml } from './core-xml.js';
import { documentXml, footerXml, halfPoints } from './document-xml.js';
import { packageParts } from './package-parts.js';
import { zipParts } from './zip.js';

export async function writeDocx(doc: DocumentModel): Promise<Uint8Array> {
  const parts = packageParts({
    document: documentXml(doc),
    ...(doc.footer ? { footer: footerXml(doc.footer, doc.font.leading) } : {}),
    core: coreXml(doc.meta),
    defaults: { family: doc.font.family, halfPoints: halfPoints(doc.font.size), language: doc.meta.language },
  });
  // Deflated at fflate's default level, as docx zipped; every entry dated from the content's date.
  return zipParts(parts, doc.meta.date);
}
