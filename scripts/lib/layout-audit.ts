// The layout audit: what a proof-reader checks page by page, read from a PDF with programs we did not write
// (pdftotext's word boxes for the text, pdf.js's drawing operators for the table rules). It works the same on our
// PDF and on LibreOffice's rendering of our DOCX, so the two can be compared.
//
// Counted: rows split across a page, fragments (a side of a split row whose tallest cell has fewer than 3 lines),
// deadlines cut across a page, continued rows whose number cell does not name the item, protected tokens broken
// across two lines, and the share of ragged lines (under 70% of the column) in the narrow text columns.
import { readFile } from 'node:fs/promises';
import { protectedSpans } from '../../src/uz/protect.js';
import type { PdfPage, PdfWord } from './pdf-text.js';

export interface AuditFigures {
  pages: number;
  splitRows: number;
  fragments: number;
  splitDeadlines: number;
  unnamedContinued: number;
  brokenTokens: number;
  /** Words that reach over the rule at the right of their column. */
  overflows: number;
  /** Share of non-final lines under 70% of the column, per audited column (1-based numbers). */
  ragged: Record<number, number>;
  /** Vertical rules of the table on its first page, in points from the left edge. */
  columnEdges: number[];
  notes: string[];
}

/** A vertical rule drawn on a page, top-down like pdftotext's boxes. */
export interface Rule {
  x: number;
  top: number;
  bottom: number;
}

/** Every vertical rule drawn on each page (pdf.js operator list, transforms applied). */
export async function verticalRules(file: string): Promise<Rule[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const { OPS } = pdfjs;
  const pages: Rule[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const list = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    const height = page.view[3]! - page.view[1]!;
    const xs: Rule[] = [];
    const apply = (m: number[], x: number, y: number) => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
    for (let i = 0; i < list.fnArray.length; i++) {
      const fn = list.fnArray[i];
      const args = list.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as number[];
        const m = ctm;
        ctm = [
          m[0]! * a! + m[2]! * b!,
          m[1]! * a! + m[3]! * b!,
          m[0]! * c! + m[2]! * d!,
          m[1]! * c! + m[3]! * d!,
          m[0]! * e! + m[2]! * f! + m[4]!,
          m[1]! * e! + m[3]! * f! + m[5]!,
        ];
      } else if (fn === OPS.constructPath) {
        const minMax = args[2] as number[] | Float32Array | undefined;
        if (!minMax || minMax.length < 4) continue;
        const [x0, y0] = apply(ctm, minMax[0]!, minMax[1]!);
        const [x1, y1] = apply(ctm, minMax[2]!, minMax[3]!);
        const w = Math.abs(x1! - x0!);
        const h = Math.abs(y1! - y0!);
        if (w < 2 && h > 8) xs.push({ x: (x0! + x1!) / 2, top: height - Math.max(y0!, y1!), bottom: height - Math.min(y0!, y1!) });
      }
    }
    pages.push(xs);
  }
  await doc.destroy();
  return pages;
}

/** Rules at (nearly) one x, drawn as one line or one per row, become one edge; short strokes are not table rules. */
function cluster(rules: Rule[], gap = 1.5): number[] {
  const xs = rules.map((r) => ({ x: r.x, length: r.bottom - r.top }));
  const sorted = [...xs].sort((a, b) => a.x - b.x);
  const out: { x: number; length: number }[][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.x - last.at(-1)!.x < gap) last.push(r);
    else out.push([r]);
  }
  return out.filter((c) => c.reduce((h, r) => h + r.length, 0) > 40).map((c) => c.reduce((a, r) => a + r.x, 0) / c.length);
}

/** Consecutive lines of one cell at 11 pt are at most this far apart; lines of two cells are further. */
const LINE_GAP = 14.5;

interface Line {
  y: number;
  x0: number;
  x1: number;
  words: PdfWord[];
  text: string;
}

/** Words of a column on a page, as lines (top to bottom). */
function columnLines(words: PdfWord[], left: number, right: number): Line[] {
  const inside = words.filter((w) => (w.x0 + w.x1) / 2 > left && (w.x0 + w.x1) / 2 < right);
  const lines: Line[] = [];
  for (const w of [...inside].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const line = lines.find((l) => Math.abs(l.y - w.y0) < 2);
    if (line) {
      line.words.push(w);
      line.x0 = Math.min(line.x0, w.x0);
      line.x1 = Math.max(line.x1, w.x1);
    } else lines.push({ y: w.y0, x0: w.x0, x1: w.x1, words: [w], text: '' });
  }
  for (const l of lines)
    l.text = l.words
      .sort((a, b) => a.x0 - b.x0)
      .map((w) => w.text)
      .join(' ');
  return lines.sort((a, b) => a.y - b.y);
}

/** Where a line break falls inside a protected token: "2022 | йил", "ПФ-|200-сон", "январь–|июнь". */
function breaksToken(a: string, b: string): boolean {
  const last = a.split(' ').at(-1) ?? '';
  const first = b.split(' ')[0] ?? '';
  for (const [joined, at] of [
    [`${last} ${first}`, last.length],
    [`${last}${first}`, last.length],
  ] as const) {
    if (joined === `${last}${first}` && !/[-–—]$/.test(last)) continue;
    if (protectedSpans(joined).some(([s, e]) => s < at && e > at)) return true;
  }
  return false;
}

export interface AuditOptions {
  /** Words that mark a continued row in the number cell ("(давоми)", "(davomi)"). */
  continued: string[];
  /** Words of the header row, to find where the body starts on each page. */
  headerWords: string[];
  /** Columns (1-based) whose ragged lines are counted. */
  raggedColumns: number[];
  /** The deadline column (1-based). */
  deadlineColumn: number;
}

export function audit(pages: PdfPage[], rules: Rule[][], options: AuditOptions): AuditFigures {
  const figures: AuditFigures = {
    pages: pages.length,
    splitRows: 0,
    fragments: 0,
    splitDeadlines: 0,
    unnamedContinued: 0,
    brokenTokens: 0,
    overflows: 0,
    ragged: {},
    columnEdges: [],
    notes: [],
  };
  const ragged = new Map<number, { short: number; all: number }>();
  let previousTail: number | null = null;
  pages.forEach((page, i) => {
    // The items table's rules: those that run below its header row (an extract's month grid stands above it).
    const header = page.words.filter((w) => options.headerWords.includes(w.text));
    const headerY = Math.max(0, ...header.map((w) => w.y1));
    const edges = !header.length ? [] : cluster((rules[i] ?? []).filter((r) => r.bottom > headerY + 1));
    if (edges.length < 3) {
      previousTail = null;
      return;
    }
    if (!figures.columnEdges.length) figures.columnEdges = edges;
    const columns = edges.slice(0, -1).map((x, k) => [x, edges[k + 1]!] as const);
    // A row spanning the table (a section's heading) has no inner rule beside its words: it belongs to no column.
    const inner = (rules[i] ?? []).filter((r) => r.x > edges[0]! + 1.5 && r.x < edges.at(-1)! - 1.5);
    const inGrid = (w: PdfWord) => w.y1 <= headerY + 1 || inner.some((r) => r.top <= (w.y0 + w.y1) / 2 && r.bottom >= (w.y0 + w.y1) / 2);
    const gridWords = page.words.filter(inGrid);
    const lines = columns.map(([l, r]) => columnLines(gridWords, l, r));
    const body = lines.map((col) => col.filter((l) => l.y > headerY));
    const numberLines = body[0] ?? [];
    const isNumber = (l: Line) => /^\d+(\.\d+)*\.$/.test(l.words[0]?.text ?? '');
    const firstNumber = numberLines.find(isNumber);
    const firstTextY = Math.min(...body.flatMap((c) => c.map((l) => l.y)));
    // A page whose body starts before its first item number, or with a number marked continued, goes on with an item.
    const named = numberLines.slice(0, 3).some((l) => options.continued.some((c) => l.text.includes(c)));
    const continues = Number.isFinite(firstTextY) && (named || !firstNumber || firstNumber.y > firstTextY + 2);
    if (continues) {
      figures.splitRows++;
      if (!named) figures.unnamedContinued++;
      const next = named ? numberLines.find((l) => isNumber(l) && l.y > (firstNumber?.y ?? 0) + 1) : firstNumber;
      const limit = next ? next.y - 1 : Infinity;
      const head = Math.max(0, ...body.slice(1).map((col) => col.filter((l) => l.y < limit).length));
      const tail = previousTail ?? head;
      if (head < 3 || tail < 3) {
        figures.fragments++;
        figures.notes.push(`page ${page.number}: a split row keeps ${Math.min(head, tail)} line(s) on one side`);
      }
      const deadline = body[options.deadlineColumn - 1]?.filter((l) => l.y < limit) ?? [];
      if (deadline.length && !/^[\d\p{Lu}]/u.test(deadline[0]!.text)) {
        figures.splitDeadlines++;
        figures.notes.push(`page ${page.number}: deadline continues "${deadline[0]!.text}"`);
      }
    }
    // The last row's lines on this page, for the next page's fragment check.
    const lastNumber = [...numberLines].reverse().find(isNumber);
    previousTail = lastNumber ? Math.max(0, ...body.slice(1).map((col) => col.filter((l) => l.y >= lastNumber.y - 1).length)) : null;

    lines.forEach((col, k) => {
      const right = columns[k]![1];
      for (const w of col.filter((l) => l.y > headerY).flatMap((l) => l.words)) {
        if (w.x1 > right + 0.5) {
          figures.overflows++;
          figures.notes.push(`page ${page.number}, column ${k + 1}: "${w.text}" reaches over the column's rule`);
        }
      }
      for (let j = 0; j + 1 < col.length; j++) {
        const a = col[j]!;
        const b = col[j + 1]!;
        // Lines of one cell are a line apart; the next cell starts a rule and two paddings further down.
        if (b.y - a.y > LINE_GAP) continue;
        if (breaksToken(a.text, b.text)) {
          figures.brokenTokens++;
          figures.notes.push(`page ${page.number}, column ${k + 1}: "${a.text.split(' ').at(-1)} | ${b.text.split(' ')[0]}"`);
        }
        if (options.raggedColumns.includes(k + 1) && a.y > headerY) {
          const [l, r] = columns[k]!;
          const width = r - l - 8.6;
          const stat = ragged.get(k + 1) ?? { short: 0, all: 0 };
          stat.all++;
          if (a.x1 - a.x0 < 0.7 * width) stat.short++;
          ragged.set(k + 1, stat);
        }
      }
    });
  });
  for (const [k, s] of ragged) figures.ragged[k] = s.all ? s.short / s.all : 0;
  return figures;
}
