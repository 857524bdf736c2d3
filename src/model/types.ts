// The neutral document model: templates produce it, every writer renders it.
// Lengths are in typographic points (1/72 inch) unless a name says otherwise.

export type Align = 'left' | 'center' | 'right' | 'justify';
export type VAlign = 'top' | 'middle' | 'bottom';

/** A run of text with one set of character properties. */
export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
}
/** A forced line break inside a paragraph. */
export interface LineBreak {
  kind: 'break';
}
/** The current page number, filled in by the writer. */
export interface PageNumber {
  kind: 'page-number';
}
/** The total number of pages, filled in by the writer. */
export interface PageCount {
  kind: 'page-count';
}
export type Inline = TextRun | LineBreak | PageNumber | PageCount;

export interface Paragraph {
  kind: 'paragraph';
  inlines: Inline[];
  align?: Align;
  /** Font size override in points. */
  size?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** First-line indent in points. */
  indent?: number;
  keepWithNext?: boolean;
}

export interface TableCell {
  blocks: Paragraph[];
  rowSpan?: number;
  colSpan?: number;
  align?: Align;
  valign?: VAlign;
}
/** A row lists only the cells that start in it: columns covered by a span from above or the left are left out. */
export interface TableRow {
  cells: TableCell[];
  /** A header row, repeated at the top of every page. */
  header?: boolean;
  /** Keep the row on one page. */
  cantSplit?: boolean;
}
export interface Table {
  kind: 'table';
  /** Relative column widths; writers scale them to the text width. */
  widths: number[];
  rows: TableRow[];
  /** Font size for the table's text. */
  size?: number;
}

/** A block of content placed at one side of the page, narrower than the text width (the approval block). */
export interface Frame {
  kind: 'frame';
  align: 'left' | 'center' | 'right';
  width: number;
  blocks: Paragraph[];
  spaceAfter?: number;
}

export type Block = Paragraph | Table | Frame;

export interface PageSetup {
  size: 'A4';
  orientation: 'portrait' | 'landscape';
  /** top, right, bottom, left in points. */
  margins: [number, number, number, number];
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject?: string;
  /** ISO date (YYYY-MM-DD) from the content; never the clock. */
  date: string;
  language: string;
}

export interface DocumentModel {
  meta: DocumentMeta;
  page: PageSetup;
  /** Default font family and size. */
  font: { family: string; size: number };
  blocks: Block[];
  footer?: Paragraph[];
}
