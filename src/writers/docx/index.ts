// DocumentModel → DOCX bytes: the WordprocessingML parts written as strings straight from the model, zipped with
// fflate as the docx package did (same parts, order and compression), so the bytes are those it made. Names the
// model's font family (Times New Roman); embeds no font.
import { zipSync } from 'fflate';
import type { DocumentModel } from '../../document/types.js';
import { coreXml } from './core-xml.js';
import { documentXml, footerXml, halfPoints } from './document-xml.js';
import { packageFiles } from './package-parts.js';
import { setZipDates } from './zip-dates.js';

export async function writeDocx(doc: DocumentModel): Promise<Uint8Array> {
  const files = packageFiles({
    document: documentXml(doc),
    ...(doc.footer ? { footer: footerXml(doc.footer, doc.font.leading) } : {}),
    core: coreXml(doc.meta),
    defaults: { family: doc.font.family, halfPoints: halfPoints(doc.font.size), language: doc.meta.language },
  });
  // Deflated at fflate's default level, as docx zipped; entry times set afterwards from the content's date.
  return setZipDates(zipSync(files), doc.meta.date);
}
