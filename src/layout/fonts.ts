// The fonts as the layout measures them: the same files and the same width function (pdfkit's, the one the PDF
// writer calls), so a line that fits here fits in the PDF to the hundredth of a point. Each file is parsed once per process.
import PDFDocument from 'pdfkit';
import { shareShaping } from '../fonts/shared.js';
import { held } from '../memo.js';

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';
export type FontFiles = Record<string, Record<FontStyle, string>>;

interface PdfkitFont {
  widthOfString(text: string, size: number): number;
  ascender: number;
  descender: number;
}

export interface FontMetrics {
  /** Width in points of `text` set in `family`/`style` at `size`. */
  width(text: string, family: string, style: FontStyle, size: number): number;
  /** The font's own line height (ascender − descender) per point of size: what the PDF writer's lineHeight 1 means. */
  lineRatio(family: string): number;
  files: FontFiles;
}

// Keyed by the table object: src/fonts/coverage.ts hands back the same table while the font files are unchanged and
// a new one when a file changes, so a font replaced under the same path during `build --watch` is measured anew.
const cache = new WeakMap<FontFiles, FontMetrics>();

/** The metrics of the fonts a checked fonts.yaml names (src/fonts/coverage.ts reads it): family → style → file. */
export function fontMetrics(files: FontFiles): FontMetrics {
  const known = cache.get(files);
  if (known) return known;
  // The same parsed files and word shapes the PDF writer uses (shareShaping below): what the layout measures, the
  // writer then finds.
  const doc = new PDFDocument({ autoFirstPage: false });
  const fonts = new Map<string, PdfkitFont>();
  const font = (family: string, style: FontStyle): PdfkitFont => {
    const id = `${family}/${style}`;
    let f = fonts.get(id);
    if (!f) {
      const file = files[family]?.[style];
      if (!file) throw new Error(`font family "${family}" is not in fonts.yaml`);
      f = (doc.font(file) as unknown as { _font: PdfkitFont })._font;
      shareShaping(f);
      fonts.set(id, f);
    }
    return f;
  };
  // Widths by font, style and size, then by text; the last font asked for is kept at hand (a paragraph asks for
  // one or two, thousands of times).
  const widths = new Map<string, Map<string, number>>();
  let last: { family: string; style: FontStyle; size: number; widths: Map<string, number> } | undefined;
  const widthsOf = (family: string, style: FontStyle, size: number) => {
    if (last && last.family === family && last.style === style && last.size === size) return last.widths;
    const bySize = held(widths, `${family}/${style}/${size}`, () => new Map<string, number>());
    last = { family, style, size, widths: bySize };
    return bySize;
  };
  const metrics: FontMetrics = {
    files,
    width(text, family, style, size) {
      const bySize = widthsOf(family, style, size);
      let w = bySize.get(text);
      if (w === undefined) {
        w = font(family, style).widthOfString(text, size);
        bySize.set(text, w);
      }
      return w;
    },
    lineRatio(family) {
      const f = font(family, 'normal');
      return (f.ascender - f.descender) / 1000;
    },
  };
  cache.set(files, metrics);
  return metrics;
}

export function styleOf(run: { bold?: boolean; italic?: boolean }): FontStyle {
  return run.bold ? (run.italic ? 'bolditalics' : 'bold') : run.italic ? 'italics' : 'normal';
}
