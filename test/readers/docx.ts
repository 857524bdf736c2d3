// Reads a built DOCX back with JSZip and @xmldom/xmldom (not our code) and exposes what Word would show:
// the paragraphs, the tables with their header rows and merged cells, the default font, the page and the footer.
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface DocxCell {
  /** The cell's paragraphs' texts joined with '\n'. */
  text: string;
  paragraphs: string[];
  /** w:gridSpan, 1 when absent. */
  gridSpan: number;
  /** w:vMerge: `restart` opens a vertically merged cell, `continue` is covered by the cell above. */
  vMerge: 'restart' | 'continue' | undefined;
}

export interface DocxRow {
  /** w:trPr/w:tblHeader: repeated at the top of every page. */
  isHeader: boolean;
  /** w:trPr/w:cantSplit */
  cantSplit: boolean;
  cells: DocxCell[];
}

export interface DocxTable {
  /** w:tblGrid column widths, twips. */
  grid: number[];
  rows: DocxRow[];
}

export interface DocxPageSetup {
  /** Twips. */
  width: number;
  height: number;
  orient: 'portrait' | 'landscape';
  /** Twips. */
  margins: { top: number; right: number; bottom: number; left: number; header?: number; footer?: number };
}

export interface DocxFooter {
  /** Part name inside the package, e.g. `word/footer1.xml`. */
  part: string;
  /** Reference type: default, first, even. */
  type: string;
  xml: string;
  text: string;
  /** The footer holds a PAGE field (complex field instruction or w:fldSimple). */
  hasPageField: boolean;
}

export interface DocxContent {
  /** Body paragraphs outside tables, in order. */
  paragraphs: string[];
  tables: DocxTable[];
  /** w:docDefaults run font (w:rFonts w:ascii) from styles.xml. */
  defaultFont: string | undefined;
  /** w:docDefaults run size in points (w:sz is half-points). */
  defaultSize: number | undefined;
  page: DocxPageSetup;
  footers: DocxFooter[];
  /** Every part name in the package. */
  parts: string[];
}

function parse(xml: string, part: string): XmlDocument {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(`readDocx: ${part} is not well-formed XML: ${errors.join('; ')}`);
  return doc;
}

function children(el: Element, local: string, ns = W): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns) out.push(n as Element);
  }
  return out;
}

function child(el: Element | undefined, local: string): Element | undefined {
  return el ? children(el, local)[0] : undefined;
}

function attr(el: Element | undefined, local: string, ns = W): string | undefined {
  if (!el) return undefined;
  return el.hasAttributeNS(ns, local) ? (el.getAttributeNS(ns, local) ?? '') : undefined;
}

function num(el: Element | undefined, local: string): number | undefined {
  const v = attr(el, local);
  return v === undefined ? undefined : Number(v);
}

/** The visible text of a paragraph: w:t, w:tab as '\t', w:br/w:cr as '\n'; field instructions are not text. */
function paragraphText(p: Element): string {
  let text = '';
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.namespaceURI === W) {
        if (e.localName === 't') text += e.textContent ?? '';
        else if (e.localName === 'tab') text += '\t';
        else if (e.localName === 'br' || e.localName === 'cr') text += '\n';
        else if (e.localName === 'noBreakHyphen') text += '-';
        else if (e.localName === 'softHyphen') continue;
        else if (e.localName === 'instrText' || e.localName === 'delText' || e.localName === 'pPr' || e.localName === 'rPr') continue;
        else walk(e);
      } else walk(e);
    }
  };
  walk(p);
  // What a reader sees: no-break spaces as spaces; word joiners and soft hyphens are invisible.
  return text.replace(/\u00A0/g, ' ').replace(/[\u2060\u00AD]/g, '');
}

function readTable(tbl: Element): DocxTable {
  const grid = children(child(tbl, 'tblGrid') ?? tbl, 'gridCol').map((g) => num(g, 'w') ?? 0);
  const rows = children(tbl, 'tr').map((tr): DocxRow => {
    const trPr = child(tr, 'trPr');
    const flag = (name: string) => {
      const el = child(trPr, name);
      if (!el) return false;
      const v = attr(el, 'val');
      return v === undefined || !['0', 'false', 'off'].includes(v);
    };
    const cells = children(tr, 'tc').map((tc): DocxCell => {
      const tcPr = child(tc, 'tcPr');
      const vMergeEl = child(tcPr, 'vMerge');
      const vMergeVal = attr(vMergeEl, 'val');
      const paragraphs = children(tc, 'p').map(paragraphText);
      return {
        text: paragraphs.join('\n'),
        paragraphs,
        gridSpan: num(child(tcPr, 'gridSpan'), 'val') ?? 1,
        vMerge: vMergeEl ? (vMergeVal === 'restart' ? 'restart' : 'continue') : undefined,
      };
    });
    return { isHeader: flag('tblHeader'), cantSplit: flag('cantSplit'), cells };
  });
  return { grid, rows };
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (part: string) => {
    const file = zip.file(part);
    if (!file) throw new Error(`readDocx: no part ${part} in the package (parts: ${Object.keys(zip.files).join(', ')})`);
    return file.async('string');
  };

  const document = parse(await text('word/document.xml'), 'word/document.xml');
  const body = child(document.documentElement as unknown as Element, 'body');
  if (!body) throw new Error('readDocx: word/document.xml has no w:body');
  const paragraphs = children(body, 'p').map(paragraphText);
  // A table continued on a new page follows as another table with the same grid and header rows: one table to a reader.
  const tables: DocxTable[] = [];
  for (const t of children(body, 'tbl').map(readTable)) {
    const last = tables.at(-1);
    const head = (x: DocxTable) =>
      x.rows
        .filter((r) => r.isHeader)
        .map((r) => r.cells.map((c) => c.text).join('|'))
        .join('/');
    if (last && head(t) && head(t) === head(last) && last.grid.join() === t.grid.join()) last.rows.push(...t.rows.filter((r) => !r.isHeader));
    else tables.push(t);
  }

  const styles = parse(await text('word/styles.xml'), 'word/styles.xml');
  const rPrDefault = child(child(child(styles.documentElement as unknown as Element, 'docDefaults'), 'rPrDefault'), 'rPr');
  const defaultFont = attr(child(rPrDefault, 'rFonts'), 'ascii');
  const sz = num(child(rPrDefault, 'sz'), 'val');

  const sectPr = child(body, 'sectPr');
  if (!sectPr) throw new Error('readDocx: the body has no final w:sectPr');
  const pgSz = child(sectPr, 'pgSz');
  const pgMar = child(sectPr, 'pgMar');
  const page: DocxPageSetup = {
    width: num(pgSz, 'w') ?? NaN,
    height: num(pgSz, 'h') ?? NaN,
    orient: attr(pgSz, 'orient') === 'landscape' ? 'landscape' : 'portrait',
    margins: {
      top: num(pgMar, 'top') ?? NaN,
      right: num(pgMar, 'right') ?? NaN,
      bottom: num(pgMar, 'bottom') ?? NaN,
      left: num(pgMar, 'left') ?? NaN,
      ...(num(pgMar, 'header') !== undefined ? { header: num(pgMar, 'header')! } : {}),
      ...(num(pgMar, 'footer') !== undefined ? { footer: num(pgMar, 'footer')! } : {}),
    },
  };

  // Footers: sectPr's footerReference r:id → document.xml.rels target.
  const rels = parse(await text('word/_rels/document.xml.rels'), 'word/_rels/document.xml.rels');
  const targets = new Map<string, string>();
  for (const rel of children(rels.documentElement as unknown as Element, 'Relationship', PKG_REL)) {
    targets.set(rel.getAttribute('Id') ?? '', rel.getAttribute('Target') ?? '');
  }
  const footers: DocxFooter[] = [];
  for (const ref of children(sectPr, 'footerReference')) {
    const id = ref.getAttributeNS(R, 'id') ?? '';
    const target = targets.get(id);
    if (!target) throw new Error(`readDocx: footer reference ${id} has no relationship`);
    const part = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    const xml = await text(part);
    const footer = parse(xml, part);
    const instr = [
      ...Array.from(footer.getElementsByTagNameNS(W, 'instrText')).map((e) => e.textContent ?? ''),
      ...Array.from(footer.getElementsByTagNameNS(W, 'fldSimple')).map((e) => e.getAttributeNS(W, 'instr') ?? ''),
    ];
    footers.push({
      part,
      type: attr(ref, 'type') ?? 'default',
      xml,
      text: Array.from(footer.getElementsByTagNameNS(W, 'p')).map(paragraphText).join('\n'),
      hasPageField: instr.some((i) => /^\s*PAGE(\s|\\|$)/.test(i)),
    });
  }

  return {
    paragraphs,
    tables,
    defaultFont,
    defaultSize: sz === undefined ? undefined : sz / 2,
    page,
    footers,
    parts: Object.keys(zip.files)
      .filter((f) => !zip.files[f]!.dir)
      .sort(),
  };
}
