// The Typst route, for comparison only: a benchmark-only writer with the same signature as src/writers (model and
// fonts folder in, PDF bytes out). Typst gets the very document our PDF writer gets: the plan's document model
// (from loadPlan + our templates), written out as Typst markup — approval frame, centred bold title, the 7-column
// table with its header row repeated on every page and its row spans, the page-number footer — and compiled to PDF
// in-process by @myriaddreamin/typst-ts-node-compiler. So the same text goes through both, and the comparison
// is between our PDF writer and Typst's layout engine, with loading and composing the same on both sides.
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Align, Block, DocumentModel, Frame, Inline, Paragraph, Table, TableCell, VAlign } from '../src/document/types.js';
import { loadFontTable } from '../src/fonts/coverage.js';
import type { Writer } from '../src/writers/index.js';

/** A Typst string literal. */
const str = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f]/g, ' ')}"`;
const pt = (n: number) => `${+n.toFixed(2)}pt`;
const H: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'left' };
const V: Record<VAlign, string> = { top: 'top', middle: 'horizon', bottom: 'bottom' };

function inline(i: Inline): string {
  switch (i.kind) {
    case 'text': {
      let t = str(i.text);
      if (i.bold) t = `strong(${t})`;
      if (i.italic) t = `emph(${t})`;
      return `#${t}`;
    }
    case 'break':
      return '#linebreak()';
    case 'page-number':
      return '#context counter(page).display()';
    case 'page-count':
      return '#context counter(page).final().first()';
  }
}

/** One paragraph as a block of its own: alignment, size, space before and after. */
function paragraph(p: Paragraph): string {
  const body = p.inlines.length ? p.inlines.map(inline).join('') : '#" "';
  const sized = p.size ? `#text(size: ${pt(p.size)})[${body}]` : body;
  const justify = p.align === 'justify' ? ', justify: true' : '';
  const above = p.spaceBefore ? `#v(${pt(p.spaceBefore)})` : '';
  const below = p.spaceAfter ? `#v(${pt(p.spaceAfter)})` : '';
  return `${above}#block(width: 100%, align(${H[p.align ?? 'left']}, par(first-line-indent: ${pt(p.indent ?? 0)}${justify})[${sized}]))${below}`;
}

function cell(c: TableCell): string {
  const args = [
    ...(c.rowSpan && c.rowSpan > 1 ? [`rowspan: ${c.rowSpan}`] : []),
    ...(c.colSpan && c.colSpan > 1 ? [`colspan: ${c.colSpan}`] : []),
    `align: ${H[c.align ?? 'left']} + ${V[c.valign ?? 'top']}`,
  ];
  // A cell's own alignment applies to paragraphs that set none.
  const blocks = c.blocks.map((p) => paragraph({ ...p, align: p.align ?? c.align }));
  return `table.cell(${args.join(', ')})[${blocks.join('')}]`;
}

function table(t: Table): string {
  const header = t.rows.filter((r) => r.header);
  const body = t.rows.filter((r) => !r.header);
  const cells = (rows: typeof t.rows) => rows.flatMap((r) => r.cells.map(cell)).join(',\n  ');
  const grid = `table(
  columns: (${t.columns.map((w) => pt(w)).join(', ')}),
  inset: (x: ${pt(t.cell.padX)}, y: ${pt(t.cell.padY)}),
  stroke: ${pt(t.cell.rule)},
  ${header.length ? `table.header(repeat: true,\n  ${cells(header)}),\n  ` : ''}${cells(body)}
)`;
  return t.size ? `#text(size: ${pt(t.size)})[#${grid}]` : `#${grid}`;
}

function frame(f: Frame): string {
  const inner = f.blocks.map(paragraph).join('');
  return `#align(${H[f.align]}, block(width: ${pt(f.width)})[${inner}])${f.spaceAfter ? `#v(${pt(f.spaceAfter)})` : ''}`;
}

function block(b: Block): string {
  return b.kind === 'paragraph' ? paragraph(b) : b.kind === 'table' ? table(b) : frame(b);
}

/** The document model as one Typst source; `fontName` is the family name inside the model's font files. */
export function typstSource(doc: DocumentModel, fontName: string): string {
  const [top, right, bottom, left] = doc.page.margins;
  const footer = doc.footer?.length ? `, footer: [${doc.footer.map(paragraph).join('')}]` : '';
  return [
    `#set document(title: ${str(doc.meta.title)})`,
    `#set page(paper: "a4", flipped: ${doc.page.orientation === 'landscape'}, margin: (top: ${pt(top)}, right: ${pt(right)}, bottom: ${pt(bottom)}, left: ${pt(left)})${footer})`,
    // Lines as tall as the font's ascender + descender, set solid, as our PDF writer sets them at lineHeight 1.
    `#set text(font: (${str(fontName)}, ${str(doc.font.family)}), size: ${pt(doc.font.size)}, top-edge: "ascender", bottom-edge: "descender", hyphenate: false)`,
    '#set par(leading: 0pt, spacing: 0pt)',
    '#set block(spacing: 0pt)',
    ...doc.blocks.map(block),
  ].join('\n');
}

const compilers = new Map<string, NodeCompiler>();

/** Typst source → PDF bytes. Throws with Typst's diagnostics if it does not compile. */
function compile(fontsDir: string, source: string): Uint8Array {
  const dir = path.resolve(fontsDir);
  let compiler = compilers.get(dir);
  if (!compiler) compilers.set(dir, (compiler = NodeCompiler.create({ workspace: path.resolve('.'), fontArgs: [{ fontPaths: [dir] }] })));
  // Typst memoizes layout between compilations in one process; cleared so that every document is laid out afresh.
  compiler.evictCache(0);
  const compiled = compiler.compile({ mainFileContent: source });
  const doc = compiled.result;
  if (!doc || compiled.hasError()) {
    compiled.printDiagnostics();
    throw new Error('Typst: the document did not compile');
  }
  return new Uint8Array(compiler.pdf(doc));
}

/** The model written by Typst, with the fonts fonts.yaml names for the model's family (by their own family name). */
export const typstWriter = {
  extension: 'pdf',
  async write(doc, options) {
    const { table, fonts } = await loadFontTable(options.fontsDir);
    const file = table[doc.font.family]?.normal;
    return compile(options.fontsDir, typstSource(doc, (file && fonts.get(file)?.familyName) || doc.font.family));
  },
} satisfies Writer;
