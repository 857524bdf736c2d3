// Reads a built PDF back with pdf.js (Mozilla's reader, not our code) and exposes what a reader of the page sees:
// the words and where they are, the table's ruled columns, and the fonts. Coordinates are PDF points with the
// origin at the bottom left of the page (y grows upwards), as in the PDF itself.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  height: number;
  /** pdf.js's id of the font, a key of `PdfPage.fonts`. */
  fontId: string;
}

/** A stroked straight segment, in page coordinates. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfFont {
  /** pdf.js's id of the font (`g_d0_f1`). */
  id: string;
  /** The font's PostScript name, with its subset tag (`BZZZZZ+LiberationSerif`). */
  name: string;
  /** The font program is in the file (pdf.js did not have to substitute a font for a missing one). */
  embedded: boolean;
  type3: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  /** Non-empty text items (whitespace-only items are kept: they separate words). */
  items: PdfTextItem[];
  /** Stroked vertical segments (x1 ≈ x2), y1 < y2. */
  verticalRules: Segment[];
  /** Stroked horizontal segments (y1 ≈ y2), x1 < x2. */
  horizontalRules: Segment[];
  /** Distinct x of the vertical rules, rounded to 0.5 pt, ascending. */
  ruleXs: number[];
  /** The fonts the page's text is set in (from its setFont operators). */
  fonts: PdfFont[];
}

const require = createRequire(import.meta.url);
const STANDARD_FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `m` first, then `ctm` (PDF's `cm` operator). */
function concat(ctm: Matrix, m: number[]): Matrix {
  const [a, b, c, d, e, f] = m as Matrix;
  return [
    ctm[0] * a + ctm[2] * b,
    ctm[1] * a + ctm[3] * b,
    ctm[0] * c + ctm[2] * d,
    ctm[1] * c + ctm[3] * d,
    ctm[0] * e + ctm[2] * f + ctm[4],
    ctm[1] * e + ctm[3] * f + ctm[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const round = (v: number, step: number) => Math.round(v / step) * step;
const EPS = 0.05;

/** The straight segments of a pdf.js `constructPath`: args are [ops, coords, minMax] in pdf.js 4. */
function pathSegments(ops: number[], coords: number[], ctm: Matrix): Segment[] {
  const OPS = pdfjs.OPS;
  const segments: Segment[] = [];
  let j = 0;
  let current: [number, number] | null = null;
  let start: [number, number] | null = null;
  const line = (to: [number, number]) => {
    if (current) segments.push({ x1: current[0], y1: current[1], x2: to[0], y2: to[1] });
    current = to;
  };
  for (const op of ops) {
    switch (op) {
      case OPS.moveTo:
        current = start = apply(ctm, coords[j]!, coords[j + 1]!);
        j += 2;
        break;
      case OPS.lineTo:
        line(apply(ctm, coords[j]!, coords[j + 1]!));
        j += 2;
        break;
      case OPS.rectangle: {
        const [x, y, w, h] = coords.slice(j, j + 4) as [number, number, number, number];
        j += 4;
        const corners = [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)];
        current = corners[0]!;
        for (const c of [...corners.slice(1), corners[0]!]) line(c);
        start = corners[0]!;
        break;
      }
      case OPS.curveTo:
        current = apply(ctm, coords[j + 4]!, coords[j + 5]!);
        j += 6;
        break;
      case OPS.curveTo2:
      case OPS.curveTo3:
        current = apply(ctm, coords[j + 2]!, coords[j + 3]!);
        j += 4;
        break;
      case OPS.closePath:
        if (start) line(start);
        break;
      default:
        throw new Error(`readPdf: unexpected path operator ${op} in constructPath`);
    }
  }
  return segments;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const OPS = pdfjs.OPS;
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];

      const text = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const it of text.items) {
        if (!('str' in it) || it.str === '') continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height, fontId: it.fontName });
      }

      const list = await page.getOperatorList();
      let ctm: Matrix = IDENTITY;
      const stack: Matrix[] = [];
      let pending: Segment[] = [];
      const stroked: Segment[] = [];
      const fontIds = new Set<string>();
      for (let i = 0; i < list.fnArray.length; i++) {
        const fn = list.fnArray[i]!;
        const args = list.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
        else if (fn === OPS.transform) ctm = concat(ctm, args as number[]);
        else if (fn === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          if (Array.isArray(args[0])) ctm = concat(ctm, args[0] as number[]);
        } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
        else if (fn === OPS.constructPath) {
          const [ops, coords] = args as [number[], number[]];
          pending.push(...pathSegments(ops, coords, ctm));
        } else if (strokeOps.has(fn)) {
          stroked.push(...pending);
          pending = [];
        } else if (fn === OPS.endPath || fn === OPS.fill || fn === OPS.eoFill) pending = [];
        else if (fn === OPS.setFont) fontIds.add(args[0] as string);
      }

      const verticalRules = stroked
        .filter((s) => Math.abs(s.x1 - s.x2) < EPS && Math.abs(s.y1 - s.y2) > EPS)
        .map((s) => ({ x1: s.x1, x2: s.x1, y1: Math.min(s.y1, s.y2), y2: Math.max(s.y1, s.y2) }));
      const horizontalRules = stroked
        .filter((s) => Math.abs(s.y1 - s.y2) < EPS && Math.abs(s.x1 - s.x2) > EPS)
        .map((s) => ({ y1: s.y1, y2: s.y1, x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2) }));
      const ruleXs = [...new Set(verticalRules.map((s) => round(s.x1, 0.5)))].sort((a, b) => a - b);

      const fonts: PdfFont[] = [...fontIds].sort().map((id) => {
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean; isType3Font?: boolean };
        return { id, name: font.name ?? '', embedded: font.missingFile === false, type3: font.isType3Font === true };
      });

      pages.push({ number: n, width: vx1 - vx0, height: vy1 - vy0, items, verticalRules, horizontalRules, ruleXs, fonts });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

// ——— The table ———

/** Column boundaries from the vertical rules: column c (1-based) lies between `columns(page)[c-1]` and `columns(page)[c]`. */
export function columns(page: PdfPage): number[] {
  return page.ruleXs;
}

/** The column (1-based) a text item starting at `x` falls in, or 0 when it is left or right of every column. */
export function columnOf(page: PdfPage, x: number): number {
  const xs = columns(page);
  for (let c = 1; c < xs.length; c++) if (x >= xs[c - 1]! - 0.5 && x < xs[c]! - 0.5) return c;
  return 0;
}

/** Top and bottom of the ruled table on the page (the extent of its vertical rules), or null for a page without one. */
export function tableBox(page: PdfPage): { top: number; bottom: number; left: number; right: number } | null {
  if (page.verticalRules.length === 0) return null;
  return {
    top: Math.max(...page.verticalRules.map((s) => s.y2)),
    bottom: Math.min(...page.verticalRules.map((s) => s.y1)),
    left: Math.min(...page.verticalRules.map((s) => s.x1)),
    right: Math.max(...page.verticalRules.map((s) => s.x1)),
  };
}

/**
 * The y of the first horizontal rule below the table's top that runs across the whole table (collinear segments
 * merged): the bottom of the first row on the page, which is the header row when headers repeat.
 */
export function firstRowBottom(page: PdfPage): number | null {
  const box = tableBox(page);
  if (!box) return null;
  const byY = new Map<number, Segment[]>();
  for (const s of page.horizontalRules) {
    const y = round(s.y1, 0.5);
    byY.set(y, [...(byY.get(y) ?? []), s]);
  }
  const ys = [...byY.keys()].filter((y) => y < box.top - 1).sort((a, b) => b - a);
  for (const y of ys) {
    const segs = byY.get(y)!.sort((a, b) => a.x1 - b.x1);
    let reach = box.left;
    for (const s of segs) if (s.x1 <= reach + 1) reach = Math.max(reach, s.x2);
    if (segs[0]!.x1 <= box.left + 1 && reach >= box.right - 1) return y;
  }
  return null;
}

/** A line of text inside one column of the table. */
export interface ColumnLine {
  page: number;
  /** Baseline. */
  y: number;
  /** Left end of the first word. */
  x: number;
  text: string;
  /** In the first row on its page (above `firstRowBottom`): the header row when headers repeat. */
  firstRow: boolean;
}

/** Joins the items of one line, left to right: a whitespace item or a visible gap between two items is one space. */
export function joinLine(items: PdfTextItem[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const it of sorted) {
    const gap = it.x - end;
    const size = it.height || 10;
    if (text && gap > size * 0.12 && !text.endsWith(' ')) text += ' ';
    text += it.str;
    end = it.x + it.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Groups items into lines by baseline (within `tolerance` points), top to bottom. */
export function lines(items: PdfTextItem[], tolerance = 1): { y: number; items: PdfTextItem[] }[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: { y: number; items: PdfTextItem[] }[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - it.y) <= tolerance) last.items.push(it);
    else out.push({ y: it.y, items: [it] });
  }
  return out;
}

/**
 * The lines of column `col` (1-based) on every page, in reading order: page, then top to bottom, then left to
 * right. Only text inside the ruled table counts (title, approval block and page numbers are outside).
 */
export function columnLines(pages: PdfPage[], col: number): ColumnLine[] {
  const result: ColumnLine[] = [];
  for (const page of pages) {
    const box = tableBox(page);
    const xs = columns(page);
    if (!box || col < 1 || col >= xs.length) continue;
    const headerBottom = firstRowBottom(page) ?? -Infinity;
    const inside = page.items.filter((it) => it.y < box.top && it.y > box.bottom && columnOf(page, it.x) === col);
    for (const line of lines(inside)) {
      const text = joinLine(line.items);
      if (!text) continue;
      result.push({ page: page.number, y: line.y, x: Math.min(...line.items.map((i) => i.x)), text, firstRow: line.y > headerBottom });
    }
  }
  return result;
}

/** The text of column `col` across all pages (see `columnLines`), one line per line of print. */
export function columnText(pages: PdfPage[], col: number, options: { skipFirstRow?: boolean } = {}): string {
  // A word hyphenated at a line end (U+2010, the hyphen the layout prints at a break) reads as one word.
  return columnLines(pages, col)
    .filter((l) => !(options.skipFirstRow && l.firstRow))
    .map((l) => l.text)
    .join('\n')
    .replace(/\u2010\n/g, '');
}

/** The text of the items outside the table on a page (above, below or beside it), as lines top to bottom. */
export function outsideTable(page: PdfPage): { y: number; x: number; text: string }[] {
  const box = tableBox(page);
  const outside = box ? page.items.filter((it) => !(it.y < box.top && it.y > box.bottom && it.x >= box.left - 0.5 && it.x <= box.right)) : page.items;
  return lines(outside)
    .map((l) => ({ y: l.y, x: Math.min(...l.items.map((i) => i.x)), text: joinLine(l.items) }))
    .filter((l) => l.text);
}
