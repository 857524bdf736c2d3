// A page's content stream collected as text and handed to pdfkit once, when the page is drawn: pdfkit makes a
// Buffer of every operator it is given (tens of thousands a page, the PDF being drawn word by word) and joins them
// when the page ends. The stream's bytes are the same: pdfkit ends each piece with a newline and joins them before
// compressing, and every operator written here is ASCII (pdfkit encodes content as latin1).
import type PDFDocument from 'pdfkit';
import type { Page } from './text-object.js';

interface Pdfkit {
  addContent(data: string): unknown;
  page: Page & { content: { write(chunk: string): void } };
}

export class PageContent {
  private parts: string[] = [];
  /** What each state change wrote on this page, by name; `null` if it wrote nothing. */
  private written = new Map<string, string | null>();
  private pdf: Pdfkit;

  /** Takes over `pdf`'s content: whatever pdfkit itself draws (a page's transform, rules, states) comes here too. */
  constructor(pdf: PDFDocument) {
    this.pdf = pdf as unknown as Pdfkit;
    this.pdf.addContent = (data: string) => {
      this.parts.push(data);
      return pdf;
    };
  }

  get page(): Page {
    return this.pdf.page;
  }

  add(data: string): void {
    this.parts.push(data);
  }

  /**
   * A state pdfkit sets (opacity, colour): set through pdfkit the first time on a page, which registers the
   * page's resources for it (its ExtGState) and the document's (the first time in the document), and afterwards
   * the same operators written again. `name` says what `set` sets: it must always set the same state and write
   * the same operators once the page has it.
   */
  state(name: string, set: () => void): void {
    const known = this.written.get(name);
    if (known !== undefined) {
      if (known !== null) this.parts.push(known);
      return;
    }
    const start = this.parts.length;
    set();
    this.written.set(name, this.parts.length > start ? this.parts.slice(start).join('\n') : null);
  }

  /** The page's content into pdfkit's content stream: call once the page is drawn, before the next page or the end. */
  endPage(): void {
    if (this.parts.length) this.pdf.page.content.write(this.parts.join('\n'));
    this.parts = [];
    this.written.clear();
  }
}
