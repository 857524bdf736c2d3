// Workaround for pdfmake 0.3.x (checked against 0.3.11): a row of a rowSpan group that crosses a page break
// loses the horizontal rule under the merged columns at the page foot. Upstream: pdfmake #2270, #2274, #2931.
//
// Cause (js/TableProcessor.js): drawHorizontalLine() skips every column where a rowSpan is still open
// (`shouldDrawLine = !data.rowSpan`). That is right for the rule between two sub-rows of a group, but endRow()
// uses the same method for the rules it adds where a page break cuts a row, and updates rowSpanData only after
// those calls, so the merged columns are skipped there too. When a sub-row moves whole to the next page, the
// rule at the foot of the previous page is the ordinary between-sub-rows rule, also without the merged columns.
// No layout callback or cell border can turn the rule back on: the rowSpan test comes first.
//
// Fix: wrap exactly one method, TableProcessor.prototype.endRow. Rows without a page break or without an open
// rowSpan go straight to the original (byte-identical output for them). Otherwise the break rules are drawn
// as if no rowSpan were open, and a row pushed whole to the next page gets the skipped segments of the rule at
// the foot of the previous page. A pdfmake whose internals differ makes this throw rather than mis-draw.
import { createRequire } from 'node:module';

interface RowSpanData {
  rowSpan: number;
}
interface PageBreak {
  prevY: number;
  prevPage: number;
}
interface TableProcessorLike {
  rowSpanData: RowSpanData[];
  rowTopY: number;
  rowPaddingTop: number;
  tableNode: unknown;
  layout: { hLineWidth(i: number, node: unknown): number; hLineWhenBroken?: boolean };
  drawHorizontalLine(lineIndex: number, writer: unknown, overrideY?: number, moveDown?: boolean, forcePage?: number): void;
  endRow(rowIndex: number, writer: unknown, pageBreaks: PageBreak[]): void;
}
type EndRow = TableProcessorLike['endRow'] & { [PATCHED]?: true };

const PATCHED = Symbol.for('plan-pipeline.pdfmake.rowSpanPageBreakFix');
const EXPECTED = ['!data.rowSpan', 'skipOrphanePadding', 'drawHorizontalLine(rowIndex + 1, writer, y2)', 'this.rowSpanData[i].rowSpan--'];

/** Runs `fn` with each column's open rowSpan count replaced by `values[i]`, restoring them afterwards. */
function withRowSpans<T>(tp: TableProcessorLike, values: number[], fn: () => T): T {
  const saved = tp.rowSpanData.map((d) => d.rowSpan);
  tp.rowSpanData.forEach((d, i) => (d.rowSpan = values[i]!));
  try {
    return fn();
  } finally {
    tp.rowSpanData.forEach((d, i) => (d.rowSpan = saved[i]!));
  }
}

export function applyRowSpanPageBreakFix(): void {
  const require = createRequire(import.meta.url);
  const proto = (require('pdfmake/js/TableProcessor.js') as { default: { prototype: TableProcessorLike } }).default.prototype;
  if ((proto.endRow as EndRow)[PATCHED]) return;
  const source = proto.endRow.toString() + proto.drawHorizontalLine.toString();
  const missing = EXPECTED.find((needle) => !source.includes(needle));
  if (missing) throw new Error(`pdfmake's TableProcessor changed (no "${missing}"): re-check src/writers/pdf/rowspan-fix.ts`);

  const originalEndRow = proto.endRow;
  const endRow: EndRow = function (this: TableProcessorLike, rowIndex, writer, pageBreaks) {
    const open = this.rowSpanData.map((d) => d.rowSpan > 0);
    if (!pageBreaks?.length || !open.includes(true) || this.layout.hLineWhenBroken === false) {
      return originalEndRow.call(this, rowIndex, writer, pageBreaks);
    }
    // A row pushed whole to the next page (the original's own test): complete the previous page's foot rule
    // with only the columns it skipped, where the previous endRow drew the rest.
    const firstBreak = pageBreaks[0]!;
    if (firstBreak.prevY - this.rowTopY === this.rowPaddingTop) {
      const lineWidth = this.layout.hLineWidth(rowIndex, this.tableNode);
      withRowSpans(
        this,
        open.map((o) => (o ? 0 : 1)),
        () => this.drawHorizontalLine(rowIndex, writer, this.rowTopY - lineWidth, false, firstBreak.prevPage),
      );
    }
    // Rules where the break cuts this row: the only calls with a numeric overrideY and lineIndex > 0.
    const draw = this.drawHorizontalLine;
    this.drawHorizontalLine = function (this: TableProcessorLike, lineIndex, w, overrideY, ...rest) {
      if (lineIndex > 0 && typeof overrideY === 'number') {
        return withRowSpans(
          this,
          open.map(() => 0),
          () => draw.call(this, lineIndex, w, overrideY, ...rest),
        );
      }
      return draw.call(this, lineIndex, w, overrideY, ...rest);
    };
    try {
      return originalEndRow.call(this, rowIndex, writer, pageBreaks);
    } finally {
      delete (this as Partial<TableProcessorLike>).drawHorizontalLine;
    }
  };
  endRow[PATCHED] = true;
  proto.endRow = endRow;
}
