// The linebreak package (UAX #14) ships no types; the layout breaks lines with it and the PDF writer splits them into words.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
