// Reads the body of a DOCX in order: paragraphs outside tables and tables with their rows, cells, paragraphs,
// grid positions, horizontal spans (w:gridSpan) and vertical merges (w:vMerge). Whatever program wrote it.
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxCell {
  paragraphs: string[];
  /** First grid column the cell covers (0-based). */
  gridStart: number;
  gridSpan: number;
  /** `continue`: covered by the cell above (the same merged cell). */
  vMerge: 'restart' | 'continue' | undefined;
}

export interface DocxRow {
  /** Marked to repeat at the top of every page. */
  header: boolean;
  cells: DocxCell[];
}

export type BodyBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: DocxRow[] };

/** Raised for a file that is not a DOCX (no word/document.xml, or XML that does not parse). */
export class DocxError extends Error {}

function elements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** Children in the w: namespace, looking through content controls and custom XML wrappers. */
function wChildren(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (const e of elements(el)) {
    if (e.namespaceURI !== W) continue;
    if (e.localName === 'sdt') {
      const content = elements(e).find((c) => c.localName === 'sdtContent');
      if (content) out.push(...wChildren(content, local));
    } else if (e.localName === 'customXml') out.push(...wChildren(e, local));
    else if (!local || e.localName === local) out.push(e);
  }
  return out;
}

const first = (el: Element | undefined, local: string) => (el ? wChildren(el, local)[0] : undefined);
const val = (el: Element | undefined) => (el && el.hasAttributeNS(W, 'val') ? el.getAttributeNS(W, 'val') : null);

const SKIP = new Set(['pPr', 'rPr', 'del', 'delText', 'instrText', 'moveFrom', 'commentReference', 'footnoteReference', 'endnoteReference', 'fldData']);

/** What a reader sees of a paragraph: text, tabs as spaces, line breaks; no deleted text or field codes. */
function paragraphText(p: Element): string {
  let text = '';
  const walk = (el: Element) => {
    for (const e of elements(el)) {
      if (e.namespaceURI !== W) {
        walk(e);
        continue;
      }
      if (SKIP.has(e.localName!)) continue;
      if (e.localName === 't') text += e.textContent ?? '';
      else if (e.localName === 'tab') text += ' ';
      else if (e.localName === 'br' || e.localName === 'cr') text += '\n';
      else if (e.localName === 'noBreakHyphen') text += '-';
      else if (e.localName === 'softHyphen') continue;
      else walk(e);
    }
  };
  walk(p);
  // No-break spaces, word joiners and soft hyphens only steer line breaking.
  return text.replace(/\u00A0/g, ' ').replace(/[\u2060\u00AD]/g, '');
}

function readRows(tbl: Element): DocxRow[] {
  return wChildren(tbl, 'tr').map((tr) => {
    const trPr = first(tr, 'trPr');
    const headerEl = first(trPr, 'tblHeader');
    let column = Number(val(first(trPr, 'gridBefore')) ?? 0);
    const cells = wChildren(tr, 'tc').map((tc): DocxCell => {
      const tcPr = first(tc, 'tcPr');
      const span = Number(val(first(tcPr, 'gridSpan')) ?? 1) || 1;
      const merge = first(tcPr, 'vMerge');
      const cell: DocxCell = {
        paragraphs: wChildren(tc, 'p').map(paragraphText),
        gridStart: column,
        gridSpan: span,
        vMerge: merge ? (val(merge) === 'restart' ? 'restart' : 'continue') : undefined,
      };
      column += span;
      return cell;
    });
    return { header: !!headerEl && !['0', 'false', 'off'].includes(val(headerEl) ?? ''), cells };
  });
}

export async function readDocxBody(bytes: Uint8Array): Promise<BodyBlock[]> {
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const part = zip.file('word/document.xml');
    if (!part) throw new DocxError('no word/document.xml in the package');
    xml = await part.async('string');
  } catch (e) {
    throw e instanceof DocxError ? e : new DocxError(`not a DOCX package (${(e as Error).message})`);
  }
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new DocxError(`word/document.xml does not parse: ${errors[0]}`);
  const body = first(doc.documentElement as unknown as Element, 'body');
  if (!body) throw new DocxError('word/document.xml has no body');
  const blocks = wChildren(body).flatMap((e): BodyBlock[] => {
    if (e.localName === 'p') return [{ kind: 'paragraph', text: paragraphText(e) }];
    if (e.localName === 'tbl') return [{ kind: 'table', rows: readRows(e) }];
    return [];
  });
  return joinContinuedTables(blocks);
}

/**
 * A table continued on a new page is written as another table after a page-break paragraph, with the header
 * rows again: read it as one table, as its reader sees it.
 */
function joinContinuedTables(blocks: BodyBlock[]): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph' && !b.text.trim() && out.at(-1)?.kind === 'table') {
      out.push(b);
      continue;
    }
    let k = out.length - 1;
    while (k >= 0 && out[k]!.kind === 'paragraph' && !(out[k] as { text: string }).text.trim()) k--;
    const previous = out[k];
    const header = (rows: DocxRow[]) =>
      rows
        .filter((r) => r.header)
        .map((r) => r.cells.map((c) => c.paragraphs.join('\n')).join('|'))
        .join('/');
    if (b.kind === 'table' && previous?.kind === 'table' && header(b.rows) && header(b.rows) === header(previous.rows)) {
      out.length = k + 1;
      previous.rows.push(...b.rows.filter((r) => !r.header));
      continue;
    }
    out.push(b);
  }
  return out;
}
