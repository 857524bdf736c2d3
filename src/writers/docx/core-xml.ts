// docProps/core.xml written from the model's metadata, so its dates come from the content, not the clock.
import type { DocumentMeta } from '../../document/types.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function coreXml(meta: DocumentMeta): string {
  const when = `${meta.date}T00:00:00Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(meta.title)}</dc:title>`,
    ...(meta.subject ? [`<dc:subject>${escapeXml(meta.subject)}</dc:subject>`] : []),
    `<dc:creator>${escapeXml(meta.author)}</dc:creator>`,
    ...(meta.language ? [`<dc:language>${escapeXml(meta.language)}</dc:language>`] : []),
    `<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}
