// The linebreak package (UAX #14) ships no types; pdfmake breaks lines with it, so the layout does too.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
