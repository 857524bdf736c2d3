// The part of pdfkit 0.19 the layout's metrics and the PDF writer call (the package ships no types).
declare module 'pdfkit' {
  export default class PDFDocument {
    constructor(options?: object);
    /** The current font: pdfkit's own font object, set by font() or directly (the writer sets it per word). */
    _font: unknown;
    font(src: string): this;
    fontSize(size: number): this;
    text(text: string, x: number, y: number, options: object): this;
    opacity(opacity: number): this;
    fill(color: string): this;
    lineWidth(width: number): this;
    undash(): this;
    lineJoin(join: string): this;
    lineCap(cap: string): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    strokeColor(color: string, opacity: number): this;
    stroke(): this;
    save(): this;
    restore(): this;
    translate(x: number, y: number): this;
    addPage(options: { size: [number, number] }): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    end(): void;
  }
}
