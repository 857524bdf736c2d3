// End to end: every department's extract, read back from the built PDF (pdf.js) and DOCX (JSZip + xmldom),
// holds exactly its items with their plan numbers, says what it is, and names all executors of shared items.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { readDocx, type DocxContent } from '../readers/docx.js';
import { columnOf, joinLine, lines, readPdf, type PdfPage } from '../readers/pdf.js';
import { CONTINUED, HEADINGS, norm, squash } from './helpers.js';

/** What each department must receive: its own items, items it shares, and the items given to all units (1, 30). */
const EXPECTED: Record<string, number[]> = {
  analysis: [1, 3, 4, 30],
  prevention: [1, 5, 6, 7, 8, 9, 10, 30],
  monitoring: [1, 10, 11, 12, 13, 14, 15, 16, 17, 30], // shares item 10 with prevention
  openness: [1, 18, 19, 20, 21, 22, 23, 30],
  'public-relations': [1, 24, 25, 26, 27, 28, 29, 30], // item 24 also names "Масъул тармоқлар", which sends it to nobody else
  press: [1, 30], // only the all-units item 1 plus its own item 30
  hr: [1, 30, 31],
  legal: [1, 30, 31], // shares item 31 with hr
};

let dir: string;
const pdf: Record<string, PdfPage[]> = {};
const docx: Record<string, DocxContent> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'plan-extracts-'));
  await build({ contentDir: 'content', templatesDir: 'templates', fontsDir: 'fonts', outDir: dir });
  await Promise.all(
    Object.keys(EXPECTED).map(async (id) => {
      pdf[id] = await readPdf(new Uint8Array(await readFile(path.join(dir, 'extracts', `${id}.cyrl.pdf`))));
      docx[id] = await readDocx(new Uint8Array(await readFile(path.join(dir, 'extracts', `${id}.cyrl.docx`))));
    }),
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Item numbers ("5.") printed in the first column of the ruled table, in reading order. */
function pdfItemNumbers(pages: PdfPage[]): number[] {
  return pages.flatMap((page) => {
    const first = page.items.filter((t) => t.str.trim() && columnOf(page, t.x) === 1).sort((a, b) => b.y - a.y);
    // A number followed by "давоми" marks an item continued from the page before, not another item.
    return first
      .filter((t, i) => /^\d+\.$/.test(t.str.trim()) && !CONTINUED.includes(first[i + 1]?.str.trim() ?? ''))
      .map((t) => Number(t.str.trim().slice(0, -1)));
  });
}

/** The items table is the one with a repeating header row; its first cell of each item's first sub-row is the number. */
function docxItemNumbers(content: DocxContent): number[] {
  const table = content.tables.find((t) => t.rows[0]?.isHeader)!;
  return table.rows
    .filter((r) => !r.isHeader && r.cells[0]?.vMerge !== 'continue' && !CONTINUED.some((w) => r.cells[0]!.text.includes(w)))
    .map((r) => Number(r.cells[0]!.text.trim().replace(/\.$/, '')));
}

/** A page's text line by line, the pieces of a line joined as they stand (a comma after a name stays attached). */
const pageText = (page: PdfPage) =>
  norm(
    lines(page.items)
      .map((l) => joinLine(l.items))
      .join(' '),
  );

describe('department extracts', () => {
  it('writes one DOCX and one PDF per department, and nothing else in extracts/', async () => {
    const files = (await readdir(path.join(dir, 'extracts'))).sort();
    expect(files).toEqual(
      Object.keys(EXPECTED)
        .flatMap((id) => [`${id}.cyrl.docx`, `${id}.cyrl.pdf`])
        .sort(),
    );
  });

  it.each(Object.entries(EXPECTED))('%s: the PDF holds exactly its items, with plan numbers', (id, numbers) => {
    expect(pdfItemNumbers(pdf[id]!)).toEqual(numbers);
  });

  it.each(Object.entries(EXPECTED))('%s: the DOCX holds exactly its items, with plan numbers', (id, numbers) => {
    expect(docxItemNumbers(docx[id]!)).toEqual(numbers);
  });

  it('states what it is, who approved the plan and when, and to whom it is addressed', () => {
    const first = pageText(pdf.monitoring![0]!);
    expect(first).toContain('Ўзбекистон Республикаси Коррупцияга қарши курашиш агентлигининг');
    expect(first).toContain('2024 йил I ярим йиллигига мўлжалланган иш режасидан');
    expect(first).toContain('КЎЧИРМА');
    expect(first).toContain('Иш режасини тасдиқлаган: Коррупцияга қарши курашиш агентлиги директори А. Бурханов, 2024 йил 04 январь');
    expect(first).toContain('Ижрочи: Коррупцияга қарши курашиш тизимини таҳлил ва мониторинг қилиш бошқармаси');
    const paragraphs = docx.monitoring!.paragraphs.map(norm);
    expect(paragraphs).toContain('Ижрочи: Коррупцияга қарши курашиш тизимини таҳлил ва мониторинг қилиш бошқармаси');
  });

  it('summarises how many items, which it leads, and which month each is due', () => {
    const first = pageText(pdf.monitoring![0]!);
    expect(first).toContain('Кўчирмадаги бандлар: 10 та; етакчи ижрочи сифатида: 11, 12, 13, 14, 15, 16, 17; ҳамкор ижрочи сифатида: 1, 10, 30.');
    const grid = docx.monitoring!.tables.find((t) => !t.rows[0]?.isHeader)!;
    expect(grid.rows.map((r) => r.cells.map((c) => norm(c.text)))).toEqual([
      ['Ой', 'январь', 'февраль', 'март', 'апрель', 'май', 'июнь'],
      ['Бандлар', '1, 10', '1, 10, 11', '1, 10, 11, 12, 13, 30', '10, 17', '10, 14, 16', '10, 12, 15'],
    ]);
  });

  it('names every executor of a shared item in every extract that holds it', () => {
    for (const id of ['prevention', 'monitoring']) {
      const table = docx[id]!.tables.find((t) => t.rows[0]?.isHeader)!;
      const row = table.rows.find((r) => r.cells[0]?.text.trim() === '10.')!;
      expect(row.cells[6]!.paragraphs.map(norm)).toEqual([
        'Коррупциянинг олдини олиш ва “комплаенс-назорат” тизимини жорий этиш бошқармаси',
        'Коррупцияга қарши курашиш тизимини таҳлил ва мониторинг қилиш бошқармаси',
      ]);
    }
  });

  it('repeats the table header on every page of every extract', () => {
    for (const [id, pages] of Object.entries(pdf)) {
      pages.forEach((page, i) => {
        // pdf.js returns a word broken after a hyphen ("Чора-" / "тадбирлар") as two items: compare without spaces.
        // (In drawing order, which keeps each heading cell's lines together.)
        const text = squash(page.items.map((t) => t.str).join(' '));
        for (const heading of HEADINGS) expect(text, `${id} page ${i + 1}`).toContain(squash(heading));
      });
    }
  });
});
