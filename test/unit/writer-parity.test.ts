// Both writers given one synthetic model (not made by the templates), read back with real readers: the same page,
// the same column edges, the same header rows on every page, the same merged cells, every word of the model, and
// the page number in the footer. A writer that decides something the model does not say shows up here.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel, Paragraph, TableRow } from '../../src/document/types.js';
import { loadReadableFonts } from '../../src/fonts/coverage.js';
import { fontMetrics } from '../../src/layout/fonts.js';
import { layOut } from '../../src/layout/index.js';
import { writers, type Format, type Writer } from '../../src/writers/index.js';
import { readDocx, type DocxContent } from '../readers/docx.js';
import { columnOf, readPdf, tableBox, type PdfPage } from '../readers/pdf.js';

const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }], ...extra });
const cell = (text: string, extra = {}) => ({ blocks: [para(text)], ...extra });

const COLUMNS = [60, 300, 200, 201.89];
const ROWS = 40;
const body: TableRow[] = Array.from({ length: ROWS }, (_, i) =>
  i % 2 === 0
    ? { cells: [cell(`${i / 2 + 1}.`, { rowSpan: 2 }), cell(`Тадбир ${i + 1} матни`), cell(`Муддат ${i + 1}`), cell(`Ижрочи ${i + 1}`)] }
    : { cells: [cell(`Давоми ${i + 1}`, { colSpan: 3 })] },
);

const MODEL: DocumentModel = {
  meta: { title: 'Синов ҳужжати', author: 'plan-pipeline', date: '2024-01-04', language: 'uz-Cyrl' },
  page: { size: 'A4', orientation: 'landscape', margins: [56.69, 56.69, 56.69, 56.69], footerDistance: 28.35 },
  font: { family: 'Times New Roman', size: 12, leading: 1.15 },
  blocks: [
    para('Биринчи сарлавҳа', { align: 'center', spaceAfter: 6 }),
    para('Иккинчи қатор', { align: 'center', spaceAfter: 12 }),
    {
      kind: 'table',
      columns: COLUMNS,
      cell: { padX: 4, padY: 2, rule: 0.5 },
      size: 11,
      rows: [{ header: true, cells: ['№', 'Тадбирлар', 'Муддати', 'Ижрочилар'].map((t) => cell(t, { align: 'center' })) }, ...body],
    },
  ],
  footer: [{ kind: 'paragraph', align: 'center', inlines: [{ kind: 'page-number' }] }],
};

const words = (texts: string[]) => texts.join(' ').split(/\s+/).filter(Boolean);
let docx: DocxContent;
let pdf: PdfPage[];

beforeAll(async () => {
  const model = layOut(MODEL, { metrics: fontMetrics(await loadReadableFonts('fonts')), continued: 'давоми' });
  const write = (format: Format) => (writers[format] as Writer).write(model, { fontsDir: 'fonts' });
  [docx, pdf] = await Promise.all([write('docx').then(readDocx), write('pdf').then(readPdf)]);
}, 60_000);

describe('both writers on one synthetic model', () => {
  it('set the same page', () => {
    expect(pdf.length).toBeGreaterThan(1);
    for (const page of pdf) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
    expect([docx.page.orient, Math.round(docx.page.width / 20), Math.round(docx.page.height / 20)]).toEqual(['landscape', 842, 595]);
  });

  it('draw the same column edges, as the model gives them', () => {
    const edges = (widths: number[]) => widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [0]).map((x) => Math.round(x));
    expect(edges(docx.tables[0]!.grid.map((t) => t / 20))).toEqual(edges(COLUMNS));
    for (const page of pdf) expect(page.ruleXs.map((x) => Math.round(x - page.ruleXs[0]!))).toEqual(edges(COLUMNS));
  });

  it('repeat the header row on every page and merge the cells the model merges', () => {
    const rows = docx.tables[0]!.rows;
    expect(rows.map((r) => r.isHeader)).toEqual([true, ...body.map(() => false)]);
    expect(rows.slice(1, 3).map((r) => r.cells.map((c) => [c.gridSpan, c.vMerge ?? null]))).toEqual([
      [
        [1, 'restart'],
        [1, null],
        [1, null],
        [1, null],
      ],
      [
        [1, 'continue'],
        [3, null],
      ],
    ]);
    for (const page of pdf) {
      const box = tableBox(page)!;
      const top = page.items.filter((i) => i.y < box.top && i.y > box.top - 30 && i.str.trim());
      expect(
        top
          .filter((i) => columnOf(page, i.x) === 2)
          .map((i) => i.str)
          .join(' '),
        `page ${page.number}`,
      ).toContain('Тадбирлар');
    }
  });

  it('print every word of the model, and the page number at the foot', () => {
    const expected = words([
      ...MODEL.blocks.slice(0, 2).map((b) => (b as Paragraph).inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')),
      '№ Тадбирлар Муддати Ижрочилар',
      ...body.flatMap((r) => r.cells.map((c) => (c.blocks[0]!.inlines[0] as { text: string }).text)),
    ]);
    const inDocx = words([...docx.paragraphs, ...docx.tables[0]!.rows.flatMap((r) => r.cells.map((c) => c.text))]);
    const inPdf = words(pdf.flatMap((p) => p.items.map((i) => i.str)));
    const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const have = { docx: count(inDocx), pdf: count(inPdf) };
    const missing = (m: Map<string, number>) => [...count(expected)].filter(([w, n]) => (m.get(w) ?? 0) < n).map(([w]) => w);
    expect(missing(have.docx)).toEqual([]);
    expect(missing(have.pdf)).toEqual([]);
    expect(docx.footers.some((f) => f.hasPageField)).toBe(true);
    for (const page of pdf) expect(page.items.filter((i) => i.y < 56 && i.str.trim()).map((i) => i.str)).toEqual([String(page.number)]);
  });
});
