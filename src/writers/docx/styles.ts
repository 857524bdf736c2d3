// word/styles.xml as docx 9.15 wrote it: the document defaults every run inherits (the model's font, size and
// language), then docx's own styles, of which only the table-of-contents indents depend on the font size.
import { escapeXml, OFFICE_RELATIONSHIPS, STANDALONE } from './xml.js';

export interface DocumentDefaults {
  family: string;
  halfPoints: number;
  language: string;
}

/** The styles docx defines before those of a table of contents: Normal, the default table style, title, headings, …. */
const STYLES_BEFORE_CONTENTS = [
  '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>',
  '<w:style w:type="table" w:styleId="TableNormal" w:default="true"><w:name w:val="Normal Table"/>',
  '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:type="dxa" w:w="0"/>',
  '<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/>',
  '<w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>',
  '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/><w:basedOn w:val="Normal"/>',
  '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
  '</w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/>',
  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/>',
  '<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3">',
  '<w:name w:val="Heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr>',
  '<w:color w:val="1F4D78"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="Heading 4"/><w:basedOn w:val="Normal"/>',
  '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:iCs/><w:color w:val="2E74B5"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="Heading 5"/><w:basedOn w:val="Normal"/>',
  '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="Heading 6"/><w:basedOn w:val="Normal"/>',
  '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1F4D78"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="Normal"/>',
  '<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>',
  '<w:basedOn w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Caption">',
  '<w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/>',
  '<w:semiHidden/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:iCs/>',
  '<w:color w:val="44546A" w:themeColor="dark2"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/>',
  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="37"/><w:unhideWhenUsed/></w:style>',
].join('');
/** The styles docx defines after those of a table of contents (hyperlink, footnotes, endnotes, line numbers), to the end of the part. */
const STYLES_AFTER_CONTENTS = [
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>',
  '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>',
  '<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>',
  '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr>',
  '<w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText">',
  '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/>',
  '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr>',
  '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/>',
  '</w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteTextChar">',
  '<w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/>',
  '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/>',
  '</w:rPr></w:style><w:style w:type="character" w:styleId="EndnoteReference">',
  '<w:name w:val="endnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>',
  '<w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/>',
  '<w:basedOn w:val="Normal"/><w:link w:val="EndnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/>',
  '<w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>',
  '<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="EndnoteTextChar"><w:name w:val="Endnote Text Char"/>',
  '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="EndnoteText"/><w:uiPriority w:val="99"/>',
  '<w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="LineNumber"><w:name w:val="line number"/>',
  '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
  '</w:style></w:styles>',
].join('');

const STYLES_ROOT =
  `${STANDALONE}<w:styles mc:Ignorable="w14 w15" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
  ` xmlns:r="${OFFICE_RELATIONSHIPS}" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
  ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">';

/**
 * The styles of the entries of a table of contents, levels 1 to 9, as Word adds them: each level indented by the size
 * of the default font more than the level above (in twips, so 10 × its size in half-points).
 */
function contentsStyles(levelIndent: number): string {
  let out = '';
  for (let level = 1; level <= 9; level++) {
    const indent = level > 1 ? `<w:ind w:left="${(level - 1) * levelIndent}"/>` : '';
    out +=
      `<w:style w:type="paragraph" w:styleId="TOC${level}"><w:name w:val="toc ${level}"/><w:basedOn w:val="Normal"/>` +
      '<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:semiHidden/><w:unhideWhenUsed/>' +
      `<w:pPr><w:spacing w:after="100"/>${indent}</w:pPr></w:style>`;
  }
  return out;
}

/** The styles part: the document defaults every run inherits (the model's font, size and language), then docx's styles. */
export function stylesXml({ family, halfPoints, language }: DocumentDefaults): string {
  const font = escapeXml(family);
  const lang = language ? `<w:lang w:val="${escapeXml(language)}"/>` : '';
  return (
    `${STYLES_ROOT}<w:docDefaults><w:rPrDefault><w:rPr>` +
    `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>` +
    `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>${lang}` +
    `</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
    STYLES_BEFORE_CONTENTS +
    contentsStyles(halfPoints * 10) +
    STYLES_AFTER_CONTENTS
  );
}
