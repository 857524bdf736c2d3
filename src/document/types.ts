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
  /** Never broken across lines (an act code, a date with its "й.", a month range). Set by layout. */
  nowrap?: boolean;
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
  /** Starts a new page. Set by layout. */
  pageBreakBefore?: boolean;
  /**
   * Where each wrapped line after the first starts, as offsets into the paragraph's text (text runs joined,
   * a forced break counting as one character). A line that ends at a soft hyphen (U+00AD) prints a hyphen.
   * Set by layout from the measured fonts; a writer that breaks lines itself must break exactly there.
   */
  lines?: number[];
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
  /** Keep the row on the page of the row after it (a section heading with its first item). */
  keepWithNext?: boolean;
  /** The table continues on a new page from this row, after its header rows again. Set by layout. */
  pageBreakBefore?: boolean;
  /** The row continues an item split at the page before (its number cell says so). Set by layout. */
  continues?: boolean;
}

/** Cell padding and rule width, in points: the same in every writer. */
export interface CellBox {
  padX: number;
  padY: number;
  rule: number;
}
export interface Table {
  kind: 'table';
  /** Column widths in points, outer edge to outer edge (rule centre to rule centre), adding up to the text width. */
  columns: number[];
  cell: CellBox;
  rows: TableRow[];
  /** Font size for the table's text, resolved into every paragraph that sets none. */
  size: number;
  /** Columns whose text may be hyphenated (narrow ones). */
  hyphenate?: boolean[];
  /** Columns whose cells are never split across a page (deadline, legal basis, executors). */
  keep?: boolean[];
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
  /** From the paper's bottom edge to the footer's baseline area, in points. */
  footerDistance: number;
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
  /** Default font family and size; `leading` is the distance between baselines as a multiple of the size. */
  font: { family: string; size: number; leading: number };
  blocks: Block[];
  footer?: Paragraph[];
}
