// The package around document.xml, its parts written as docx 9.15 wrote them so that the files stay byte-identical
// to those it made: content types, relationships, properties, settings, font table, footnote and endnote
// separators, its bullet list (styles and theme have modules of their own). Only the document defaults (font, size,
// language) and whether there is a footer vary; the parts the same in every document are encoded once per process.
import { stylesXml, type DocumentDefaults } from './styles.js';
import { themeXml } from './theme.js';
import { DECLARATION, IGNORABLE, OFFICE_RELATIONSHIPS, STANDALONE, WORD_NAMESPACES, type XmlPiece } from './xml.js';
import type { ZipPart } from './zip.js';

const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const relationships = (list: [type: string, target: string][]) =>
  DECLARATION +
  (list.length
    ? `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      list.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('') +
      '</Relationships>'
    : `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"/>`);

/** The relationship id of the footer in word/_rels/document.xml.rels, which the section properties refer to. */
export const FOOTER_ID = 'rId6';

const documentRelationships = (footer: boolean) =>
  relationships([
    [`${OFFICE_RELATIONSHIPS}/styles`, 'styles.xml'],
    [`${OFFICE_RELATIONSHIPS}/numbering`, 'numbering.xml'],
    [`${OFFICE_RELATIONSHIPS}/footnotes`, 'footnotes.xml'],
    [`${OFFICE_RELATIONSHIPS}/endnotes`, 'endnotes.xml'],
    [`${OFFICE_RELATIONSHIPS}/settings`, 'settings.xml'],
    ...(footer ? [[`${OFFICE_RELATIONSHIPS}/footer`, 'footer1.xml'] as [string, string]] : []),
    [`${OFFICE_RELATIONSHIPS}/theme`, 'theme/theme1.xml'],
    [`${OFFICE_RELATIONSHIPS}/fontTable`, 'fontTable.xml'],
  ]);

const PACKAGE_ROOT_RELATIONSHIPS = relationships([
  [`${OFFICE_RELATIONSHIPS}/officeDocument`, 'word/document.xml'],
  ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
  [`${OFFICE_RELATIONSHIPS}/extended-properties`, 'docProps/app.xml'],
  [`${OFFICE_RELATIONSHIPS}/custom-properties`, 'docProps/custom.xml'],
]);

const WORDML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const contentTypes = (footer: boolean) =>
  DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  [
    ['image/png', 'png'],
    ['image/jpeg', 'jpeg'],
    ['image/jpeg', 'jpg'],
    ['image/bmp', 'bmp'],
    ['image/gif', 'gif'],
    ['image/svg+xml', 'svg'],
    ['application/vnd.openxmlformats-package.relationships+xml', 'rels'],
    ['application/xml', 'xml'],
    ['application/vnd.openxmlformats-officedocument.obfuscatedFont', 'odttf'],
  ]
    .map(([type, extension]) => `<Default ContentType="${type}" Extension="${extension}"/>`)
    .join('') +
  [
    [`${WORDML}.document.main+xml`, '/word/document.xml'],
    [`${WORDML}.styles+xml`, '/word/styles.xml'],
    ['application/vnd.openxmlformats-package.core-properties+xml', '/docProps/core.xml'],
    ['application/vnd.openxmlformats-officedocument.custom-properties+xml', '/docProps/custom.xml'],
    ['application/vnd.openxmlformats-officedocument.extended-properties+xml', '/docProps/app.xml'],
    [`${WORDML}.numbering+xml`, '/word/numbering.xml'],
    [`${WORDML}.footnotes+xml`, '/word/footnotes.xml'],
    [`${WORDML}.endnotes+xml`, '/word/endnotes.xml'],
    [`${WORDML}.settings+xml`, '/word/settings.xml'],
    [`${WORDML}.fontTable+xml`, '/word/fontTable.xml'],
    ['application/vnd.openxmlformats-officedocument.theme+xml', '/word/theme/theme1.xml'],
    ...(footer ? [[`${WORDML}.footer+xml`, '/word/footer1.xml']] : []),
  ]
    .map(([type, part]) => `<Override ContentType="${type}" PartName="${part}"/>`)
    .join('') +
  '</Types>';

const PROPERTIES_TYPES = 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';
const APP = `${STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ${PROPERTIES_TYPES}/>`;
const CUSTOM = `${STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ${PROPERTIES_TYPES}/>`;

/** The separator lines Word draws above footnotes and endnotes (docx writes both parts even when there are none). */
const notes = (kind: 'footnote' | 'endnote', declaration: string) => {
  const note = (type: string, id: number, mark: string) =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:r><w:rPr><w:rStyle w:val="${kind === 'footnote' ? 'Footnote' : 'Endnote'}Reference"/></w:rPr><w:${kind}Ref/></w:r>` +
    `<w:r><w:${mark}/></w:r></w:p></w:${kind}>`;
  return (
    `${declaration}<w:${kind}s ${WORD_NAMESPACES} ${IGNORABLE}>` +
    note('separator', -1, 'separator') +
    note('continuationSeparator', 0, 'continuationSeparator') +
    `</w:${kind}s>`
  );
};

const SETTINGS =
  `${STANDALONE}<w:settings ${WORD_NAMESPACES} ${IGNORABLE}>` +
  '<w:displayBackgroundShape/><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="false"/>' +
  '<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat>' +
  '</w:settings>';

const FONT_TABLE =
  STANDALONE +
  '<w:fonts xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"' +
  ` xmlns:r="${OFFICE_RELATIONSHIPS}"` +
  ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"' +
  ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' +
  ' xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"' +
  ' xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"' +
  ' xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"' +
  ' xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml"' +
  ' xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash"' +
  ' xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"' +
  ' mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh"/>';

/** docx's bullet list, defined in every document whether used or not: nine levels, each indented half an inch more. */
function numberingXml(): string {
  const levels = [...'●○■●○■●●●'].map(
    (bullet, level) =>
      `<w:lvl w:ilvl="${level}" w:tentative="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${bullet}"/>` +
      `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`,
  );
  return (
    `${STANDALONE}<w:numbering ${IGNORABLE} ${WORD_NAMESPACES}>` +
    '<w:abstractNum w:abstractNumId="1" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>' +
    levels.join('') +
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '</w:numbering>'
  );
}

const NO_RELATIONSHIPS = relationships([]);

/** What one document adds to the package: its body, its footer if any, its properties and its styles. */
export interface DocumentParts {
  /** word/document.xml in pieces, a block or a table page at a time. */
  document: Iterable<XmlPiece[]>;
  footer?: string;
  core: string;
  defaults: DocumentDefaults;
}

const encoder = new TextEncoder();

/** Text given in pieces as one UTF-8 array: each text piece encoded as it comes, then the bytes put together. */
function encodePieces(groups: Iterable<XmlPiece[]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (const group of groups)
    for (const piece of group) {
      const bytes = typeof piece === 'string' ? encoder.encode(piece) : piece;
      chunks.push(bytes);
      length += bytes.length;
    }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The parts the same in every document, encoded once per process (and deflated once, src/writers/docx/zip.ts). */
const fixed = new Map<string, Uint8Array>();
const fixedBytes = new WeakSet<Uint8Array>();
const encodedOnce = (key: string, text: () => string) => {
  let bytes = fixed.get(key);
  if (!bytes) {
    fixed.set(key, (bytes = encoder.encode(text())));
    fixedBytes.add(bytes);
  }
  return bytes;
};

/** The package's parts in zip order, each marked when it is the same in every document. */
export function packageParts(parts: DocumentParts): ZipPart[] {
  return Object.entries(packageFiles(parts)).map(([path, bytes]) => ({ path, bytes, once: fixedBytes.has(bytes) }));
}

/** Every part of the package by its path, in the order docx zipped them. */
export function packageFiles(parts: DocumentParts): Record<string, Uint8Array> {
  const footer = parts.footer !== undefined;
  const { defaults } = parts;
  return {
    'word/_rels/document.xml.rels': encodedOnce(`document.xml.rels ${footer}`, () => documentRelationships(footer)),
    'word/document.xml': encodePieces(parts.document),
    'word/styles.xml': encodedOnce(`styles.xml ${defaults.family}\n${defaults.halfPoints}\n${defaults.language}`, () => stylesXml(defaults)),
    'docProps/core.xml': encoder.encode(parts.core),
    '_rels/.rels': encodedOnce('.rels', () => PACKAGE_ROOT_RELATIONSHIPS),
    ...(footer
      ? { 'word/_rels/footer1.xml.rels': encodedOnce('no relationships', () => NO_RELATIONSHIPS), 'word/footer1.xml': encoder.encode(parts.footer!) }
      : {}),
    'docProps/custom.xml': encodedOnce('custom.xml', () => CUSTOM),
    'docProps/app.xml': encodedOnce('app.xml', () => APP),
    'word/footnotes.xml': encodedOnce('footnotes.xml', () => notes('footnote', STANDALONE)),
    'word/_rels/footnotes.xml.rels': encodedOnce('no relationships', () => NO_RELATIONSHIPS),
    'word/endnotes.xml': encodedOnce('endnotes.xml', () => notes('endnote', DECLARATION)),
    'word/_rels/endnotes.xml.rels': encodedOnce('no relationships', () => NO_RELATIONSHIPS),
    'word/settings.xml': encodedOnce('settings.xml', () => SETTINGS),
    'word/fontTable.xml': encodedOnce('fontTable.xml', () => FONT_TABLE),
    'word/_rels/fontTable.xml.rels': encodedOnce('no relationships', () => NO_RELATIONSHIPS),
    'word/theme/theme1.xml': encodedOnce('theme1.xml', themeXml),
    'word/numbering.xml': encodedOnce('numbering.xml', numberingXml),
    '[Content_Types].xml': encodedOnce(`[Content_Types].xml ${footer}`, () => contentTypes(footer)),
  };
}
