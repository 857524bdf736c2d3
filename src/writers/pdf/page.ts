// What a page holds before it is drawn (text lines, rules, shifts of a vertically centred cell), where the writer
// is on the page (the cursor), and drawing the items with pdfkit. Items are collected first because a cell's shift
// is known only once its row is complete, and the footer's page count once every page is.
import { alignOffset, paragraphLines, type Line, type PageInfo, type TextStyle } from './words.js';
import type PDFDocument from 'pdfkit';
import type { PageContent } from './page-content.js';
import { num, textObject } from './text-object.js';
import type { Paragraph } from '../../document/types.js';

export type Item =
  | { kind: 'line'; line: Line; x: number; y: number }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number }
  /** Moves what follows up to `end` by `dy()` (a negative number moves it down the page). */
  | { kind: 'shift'; dy: () => number }
  | { kind: 'end-shift' };

/** Where the next block goes: `x`, `y` from the page's top-left corner, `width` the room to the right. */
export interface Cursor {
  x: number;
  y: number;
  width: number;
}

/** Lays out a paragraph at the cursor, moving it down by the paragraph's height and spacing. */
export function placeParagraph(p: Paragraph, at: Cursor, items: Item[], style: TextStyle, page?: PageInfo): void {
  at.y += p.spaceBefore ?? 0;
  for (const line of paragraphLines(p, style, at.width, page)) {
    const offset = alignOffset(p.align, at.width, line.width);
    items.push({ kind: 'line', line, x: offset ? at.x + offset : at.x, y: at.y });
    at.y += line.height;
  }
  at.y += p.spaceAfter ?? 0;
}

/** Items laid out at (0, 0) moved to (dx, dy), the way a block laid out apart (a table's header rows) is placed. */
export function offsetItems(items: Item[], dx: number, dy: number): Item[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'line':
        return { ...item, x: item.x + dx, y: item.y + dy };
      case 'rule':
        return { ...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy };
      default:
        return item;
    }
  });
}

/** A line's words, each a text object where its line put it. */
function drawLine(doc: PDFDocument, content: PageContent, style: TextStyle, { line, x, y }: Extract<Item, { kind: 'line' }>): void {
  const page = content.page;
  for (let i = 0; i < line.texts.length; i++) {
    content.state('opacity 1', () => doc.opacity(1));
    content.state('fill black', () => doc.fill('black'));
    const text = line.texts[i]!;
    if (text.length) content.add(textObject(page, style.font(line.styles[i]!), line.size, text, x + line.xs[i]!, y + line.dys[i]!));
  }
}

/** A rule as pdfmake drew it: line width, no dash, miter joins, butt caps, a black stroke. */
function drawRule(doc: PDFDocument, content: PageContent, rule: Extract<Item, { kind: 'rule' }>): void {
  content.add(`${num(rule.width)} w\n[] 0 d\n0 j\n0 J\n${num(rule.x1)} ${num(rule.y1)} m\n${num(rule.x2)} ${num(rule.y2)} l`);
  content.state('stroke black', () => doc.strokeColor('black', 1));
  content.add('S');
}

export function drawItems(doc: PDFDocument, content: PageContent, style: TextStyle, items: Item[]): void {
  for (const item of items) {
    switch (item.kind) {
      case 'line':
        drawLine(doc, content, style, item);
        break;
      case 'rule':
        drawRule(doc, content, item);
        break;
      case 'shift':
        doc.save().translate(0, item.dy());
        break;
      case 'end-shift':
        doc.restore();
        break;
    }
  }
}
