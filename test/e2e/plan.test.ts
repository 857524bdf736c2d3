// End to end: build the plan, read the built PDF and DOCX back with independent readers (pdf.js, JSZip + xmldom)
// and check what a person would see against the content.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { loadPlan } from '../../src/content/load.js';
import type { Item, Plan } from '../../src/domain/types.js';
import { readDocx, type DocxContent, type DocxRow } from '../readers/docx.js';
import { columnLines, columnOf, firstRowBottom, outsideTable, readPdf, tableBox, type PdfPage } from '../readers/pdf.js';
import {
  bodyLines,
  CONTINUED,
  itemNumberLines,
  CYRILLIC,
  HEADINGS,
  LATIN,
  mechanismParagraphs,
  norm,
  squash,
  textByItem,
  UZBEK_LETTERS,
  words,
} from './helpers.js';

const run = promisify(execFile);

let plan: Plan;
let dir: string;
let otherDir: string;
let pdfBytes: Uint8Array;
let docxBytes: Uint8Array;
let pages: PdfPage[];
let docx: DocxContent;
/** The second build, in a child process with another time zone. */
let second: Promise<{ pdf: Buffer; docx: Buffer }>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'plan-e2e-'));
  otherDir = await mkdtemp(path.join(os.tmpdir(), 'plan-e2e-tz-'));
  // Started first so that it runs on the other core while this process builds and reads.
  second = run('npx', ['tsx', 'src/cli/main.ts', 'build', '--out', otherDir], { env: { ...process.env, TZ: 'Pacific/Kiritimati' } }).then(async () => ({
    pdf: await readFile(path.join(otherDir, 'plan.cyrl.pdf')),
    docx: await readFile(path.join(otherDir, 'plan.cyrl.docx')),
  }));
  second.catch(() => {}); // awaited (and reported) by its test
  plan = await loadPlan('content');
  await build({ contentDir: 'content', templatesDir: 'templates', fontsDir: 'fonts', outDir: dir });
  pdfBytes = new Uint8Array(await readFile(path.join(dir, 'plan.cyrl.pdf')));
  docxBytes = new Uint8Array(await readFile(path.join(dir, 'plan.cyrl.docx')));
  [pages, docx] = await Promise.all([readPdf(pdfBytes), readDocx(docxBytes)]);
});

afterAll(async () => {
  await second?.catch(() => {});
  await Promise.all([dir, otherDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

const P = 'Ўзбекистон Республикаси Президентининг';
/** The legal-basis cell of a few items, as it must read. */
const CITATIONS: Record<number, string> = {
  3: `${P} 29.06.2020 й. ПФ-6013-сон Фармони`,
  // Item 6 cites pf-6013, pq-81, pq-240: one decree, then two resolutions closed by the plural noun.
  // As signed: the two resolutions joined by "ва" (basisJoin: and in 06.yaml).
  6: `${P} 29.06.2020 й. ПФ-6013-сон Фармони, 12.01.2022 й. ПҚ-81-сон ва 11.05.2022 й. ПҚ-240-сон Қарорлари`,
  9: `${P} 29.06.2020 й. ПФ-6013-сон, 27.11.2023 й. ПФ-200-сон Фармонлари`,
  21: `${P} 14.06.2022 й. ПФ-154-сон, 27.11.2023 й. ПФ-200-сон Фармонлари`,
};

const itemNumbers = () => plan.items.map((i) => `${i.number}.`);

/** Every text of the content a reader sees in print. */
function contentTexts(p: Plan): string[] {
  return [
    p.agency.genitive!,
    p.period!.phrase!,
    p.approval!.word,
    p.approval!.position,
    p.approval!.signer,
    ...p.items.flatMap((i) => [i.measure, ...mechanismParagraphs(i), i.result, ...i.responsible.map((d) => d.name)]),
  ];
}

describe('PDF', () => {
  it('is A4 landscape with a sane number of pages', () => {
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual(pages.map(() => [842, 595]));
    // 11 pages at the time of writing (30 items, 11 pt table text).
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.length).toBeLessThanOrEqual(16);
  });

  it('numbers every page at the foot, centred below the table', () => {
    const feet = pages.map((p) => {
      const box = tableBox(p);
      return outsideTable(p)
        .filter((l) => l.y < (box?.bottom ?? p.height))
        .map((l) => l.text);
    });
    expect(feet).toEqual(pages.map((p) => [String(p.number)]));
    // Centred under the table, within a few points.
    const offCentre = pages.flatMap((p) => {
      const box = tableBox(p)!;
      const number = p.items.filter((i) => i.y < box.bottom && i.str.trim());
      return number.map((i) => ({ page: p.number, offset: Math.round(i.x + i.width / 2 - (box.left + box.right) / 2) })).filter((o) => Math.abs(o.offset) > 3);
    });
    expect(offCentre).toEqual([]);
  });

  it('embeds every font, none of them Type3', () => {
    const fonts = [...new Map(pages.flatMap((p) => p.fonts).map((f) => [f.name, f])).values()];
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded || f.type3).map((f) => f.name)).toEqual([]);
  });

  it('prints the approval block at the top right and the three title lines above the table on page 1', () => {
    const page = pages[0]!;
    const box = tableBox(page)!;
    expect(box).not.toBeNull();
    const above = outsideTable(page).filter((l) => l.y > box.top);
    const texts = above.map((l) => l.text);
    const position = plan.approval!.position.split('\n');
    const approval = [`“${plan.approval!.word}”`, ...position, `_______________ ${plan.approval!.signer}`, '2024 йил 04 январь'];
    expect(approval).toEqual(['“ТАСДИҚЛАЙМАН”', 'Коррупцияга қарши курашиш', 'агентлиги директори', '_______________ А. Бурханов', '2024 йил 04 январь']);
    const title = [plan.agency.genitive!, plan.period!.phrase!, 'ИШ РЕЖАСИ'];
    // Everything above the table, top to bottom: the approval block, then the title.
    expect(texts).toEqual([...approval, ...title]);
    const approvalLines = above.slice(0, approval.length);
    expect(approvalLines.filter((l) => l.x < page.width / 2).map((l) => l.text)).toEqual([]);
    // The title is centred over the table (which spans the text width).
    const centre = (box.left + box.right) / 2;
    const titleCentres = above.slice(approval.length).map((l) => {
      const items = page.items.filter((i) => Math.abs(i.y - l.y) <= 1 && i.str.trim());
      const left = Math.min(...items.map((i) => i.x));
      const right = Math.max(...items.map((i) => i.x + i.width));
      return Math.abs((left + right) / 2 - centre) < 3;
    });
    expect(titleCentres).toEqual([true, true, true]);
  });

  it('repeats the header row with the seven headings at the top of the table on every page', () => {
    const headers = pages.map((p) => {
      const lines = [1, 2, 3, 4, 5, 6, 7].map((col) =>
        norm(
          columnLines([p], col)
            .filter((l) => l.firstRow)
            .map((l) => l.text)
            .join(' '),
        ),
      );
      return { page: p.number, columns: p.ruleXs.length - 1, headerBottom: firstRowBottom(p) !== null, lines };
    });
    expect(headers).toEqual(pages.map((p) => ({ page: p.number, columns: 7, headerBottom: true, lines: [...HEADINGS] })));
  });

  it('keeps every word inside the table, in one cell, clear of the rules (title block and page numbers aside)', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const box = tableBox(p);
      if (!box) {
        problems.push(`page ${p.number}: no table`);
        continue;
      }
      for (const it of p.items) {
        if (!it.str.trim()) continue;
        const where = `page ${p.number} "${it.str}" at (${it.x.toFixed(1)}, ${it.y.toFixed(1)})`;
        if (it.y >= box.top) {
          if (p.number !== 1) problems.push(`${where}: above the table`);
          continue;
        }
        if (it.y <= box.bottom) {
          if (it.str !== String(p.number)) problems.push(`${where}: below the table`);
          continue;
        }
        const col = columnOf(p, it.x);
        if (col === 0) {
          problems.push(`${where}: outside the columns`);
          continue;
        }
        const right = p.ruleXs[col]!;
        if (it.x + it.width > right - 0.3) problems.push(`${where}: runs into the rule at x=${right}`);
        // The glyphs (descender to cap height) must not be struck through by a horizontal rule.
        const [low, high] = [it.y - 0.22 * it.height, it.y + 0.72 * it.height];
        const struck = p.horizontalRules.find((h) => h.y1 > low && h.y1 < high && h.x1 < it.x + it.width && h.x2 > it.x);
        if (struck) problems.push(`${where}: crossed by the rule at y=${struck.y1.toFixed(1)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('prints every item number once, in order, in column 1 (no item 2)', () => {
    const { headingFound } = bodyLines(pages, 1, HEADINGS[0]);
    expect(Object.values(headingFound)).toEqual(pages.map(() => true));
    expect(itemNumberLines(pages).map((l) => l.text)).toEqual(itemNumbers());
    expect(itemNumbers()).toEqual([1, ...Array.from({ length: 29 }, (_, i) => i + 3)].map((n) => `${n}.`));
  });

  const columnsFromContent: [number, string, (i: Item) => string][] = [
    [2, 'measure', (i) => i.measure],
    [3, 'mechanism', (i) => mechanismParagraphs(i).join(' ')],
    [6, 'result', (i) => i.result],
    [7, 'responsible', (i) => i.responsible.map((d) => d.name).join(' ')],
  ];
  it.each(columnsFromContent)('column %i prints each item’s %s as in the content', (col, _field, expected) => {
    // Item by item (the row of its number, continued onto the following pages); lines above the first number would be item 0.
    const byItem = textByItem(pages, col);
    const got = [...byItem].map(([n, text]) => ({ n, words: words(text) }));
    expect(got).toEqual(plan.items.map((i) => ({ n: i.number, words: words(expected(i)) })));
    // The whole column, header cells dropped, against every item's text in order: the same words, and the same
    // characters once spaces are removed (a line break after a hyphen leaves the spacing ambiguous, not the letters).
    const body = bodyLines(pages, col, HEADINGS[col - 1]!)
      .lines.map((l) => l.text)
      .join(' ');
    const all = plan.items.map(expected).join(' ');
    expect(words(body)).toEqual(words(all));
    expect(squash(body)).toEqual(squash(all));
  });

  it('prints per-step deadlines beside their steps (items 5 and 8)', () => {
    const byItem = textByItem(pages, 4);
    expect([byItem.get(5), byItem.get(8)]).toEqual(['2024 йил февраль 2024 йил март 2024 йил апрель', '2024 йил февраль 2024 йил март']);
  });

  it('cites the legal basis from acts.yaml (items 3, 6, 9, 21)', () => {
    const byItem = textByItem(pages, 5);
    const expected = CITATIONS;
    const numbers = Object.keys(expected).map(Number);
    expect(numbers.map((n) => ({ n, words: words(byItem.get(n) ?? '') }))).toEqual(numbers.map((n) => ({ n, words: words(expected[n]!) })));
    expect(numbers.map((n) => squash(byItem.get(n) ?? ''))).toEqual(numbers.map((n) => squash(expected[n]!)));
  });

  it('keeps the Uzbek letters and mixes no Latin letters into Cyrillic words', () => {
    const pdfText = pages.flatMap((p) => p.items.map((i) => i.str)).join(' ');
    const content = contentTexts(plan).join(' ');
    const inContent = UZBEK_LETTERS.filter((l) => content.includes(l));
    expect(inContent.length).toBeGreaterThanOrEqual(6);
    expect(inContent.filter((l) => !pdfText.includes(l))).toEqual([]);
    const pdfWords = pages.flatMap((p) => p.items.flatMap((i) => i.str.split(/\s+/))).filter(Boolean);
    expect(pdfWords.filter((w) => CYRILLIC.test(w) && LATIN.test(w))).toEqual([]);
    // Words with Latin letters are exactly those of the content ("E-Anticor.uz", the Roman "I" of the title, …).
    // (Quotes stripped: pdf.js gives a quote and the unbreakable name inside it as separate items.)
    const latin = (ws: string[]) => [...new Set(ws.filter((w) => LATIN.test(w)).map((w) => w.replace(/^[«“(]+|[»”)]+$/gu, '')))].sort();
    expect(latin(words(pdfText))).toEqual(latin(words(content)));
  });
});

describe('DOCX', () => {
  const table = () => {
    expect(docx.tables.map((t) => t.rows.length)).toHaveLength(1);
    return docx.tables[0]!;
  };
  /** The rows of each item: an item starts where column 1 is not a continuation of a merged cell. */
  // A row whose number cell says "давоми" goes on with the item of the page before.
  const continues = (r: DocxRow) => CONTINUED.some((w) => r.cells[0]?.text.includes(w));
  const rowsByItem = () => {
    const groups: DocxRow[][] = [];
    for (const row of table().rows.filter((r) => !r.isHeader)) {
      if (row.cells[0]?.vMerge !== 'continue' && !continues(row)) groups.push([]);
      groups[groups.length - 1]!.push(row);
    }
    return groups;
  };
  const itemRows = (n: number) => rowsByItem()[plan.items.findIndex((i) => i.number === n)]!;
  /** A merged column's text across the parts of an item split over pages (a word broken at the split rejoined). */
  const joined = (g: DocxRow[], col: number) =>
    g
      .filter((r) => r.cells[col]!.vMerge !== 'continue')
      .map((r) => r.cells[col]!.text)
      .filter(Boolean)
      .join(' ')
      .replace(/\u2010 /g, '');

  it('is A4 landscape in Times New Roman', () => {
    expect({ width: docx.page.width, height: docx.page.height, orient: docx.page.orient }).toEqual({ width: 16838, height: 11906, orient: 'landscape' });
    expect(docx.defaultFont).toBe('Times New Roman');
  });

  it('has the PDF’s margins: the PDF table spans the DOCX text width', () => {
    const box = tableBox(pages[0]!)!;
    const twips = (pt: number) => Math.round(pt * 20);
    const { left, right } = docx.page.margins;
    // Within 1 pt (20 twips): the PDF rounds column widths down and draws rules 0.6 pt wide.
    const pdf = { left: twips(box.left), right: twips(pages[0]!.width - box.right) };
    expect({ left: Math.abs(pdf.left - left) <= 20, right: Math.abs(pdf.right - right) <= 20, pdf, docx: { left, right } }).toEqual({
      left: true,
      right: true,
      pdf,
      docx: { left, right },
    });
  });

  it('prints the approval block and the title before the table', () => {
    expect(docx.paragraphs.slice(0, 8)).toEqual([
      '“ТАСДИҚЛАЙМАН”',
      'Коррупцияга қарши курашиш',
      'агентлиги директори',
      '_______________ А. Бурханов',
      '2024 йил 04 январь',
      plan.agency.genitive!,
      plan.period!.phrase!,
      'ИШ РЕЖАСИ',
    ]);
  });

  it('starts the table with one header row (tblHeader) holding the seven headings', () => {
    const rows = table().rows;
    expect({ isHeader: rows[0]!.isHeader, cells: rows[0]!.cells.map((c) => c.text) }).toEqual({ isHeader: true, cells: [...HEADINGS] });
    expect(rows.map((r, i) => (r.isHeader ? i : -1)).filter((i) => i >= 0)).toEqual([0]);
  });

  it('lists the item numbers in order, each item’s measure, result and legal basis exactly', () => {
    const groups = rowsByItem();
    expect(groups.map((g) => g[0]!.cells[0]!.text)).toEqual(itemNumbers());
    expect(groups.map((g) => joined(g, 1))).toEqual(plan.items.map((i) => i.measure));
    expect(groups.map((g) => joined(g, 5))).toEqual(plan.items.map((i) => i.result));
    const cited = Object.keys(CITATIONS).map(Number);
    expect(cited.map((n) => ({ n, basis: itemRows(n)[0]!.cells[4]!.text }))).toEqual(cited.map((n) => ({ n, basis: CITATIONS[n] })));
  });

  it('gives each step with its own deadline its own row, the other columns merged across them', () => {
    const shape = (rows: DocxRow[]) =>
      rows.map((r) => ({
        cells: r.cells.length,
        merged: [0, 1, 4, 5, 6].map((c) => r.cells[c]!.vMerge),
        mechanism: r.cells[2]!.paragraphs,
        deadline: { text: r.cells[3]!.text, vMerge: r.cells[3]!.vMerge },
      }));
    const step = (n: number, k: number) => mechanismParagraphs(plan.items.find((i) => i.number === n)!)[k]!;
    // Items 5 and 8: one row per step, each with its deadline beside it, the other columns merged from the first row
    // (a page break may continue the item in a row of its own, under its number and "давоми").
    const steps = (n: number) => itemRows(n).filter((r) => r.cells[2]!.paragraphs.some(Boolean));
    expect(
      shape(itemRows(5))
        .slice(0, 1)
        .map(({ cells, deadline }) => ({ cells, deadline })),
    ).toEqual([{ cells: 7, deadline: { text: '2024 йил февраль', vMerge: undefined } }]);
    expect(steps(5)[0]!.cells[2]!.paragraphs[0]!.replace(/\u2010$/, '')).toBe(
      step(5, 0).slice(0, steps(5)[0]!.cells[2]!.paragraphs[0]!.replace(/\u2010$/, '').length),
    );
    expect(steps(5).map((r) => r.cells[3]!.text)).toEqual(['2024 йил февраль', '2024 йил март', '2024 йил апрель']);
    expect(steps(8).map((r) => r.cells[3]!.text)).toEqual(['2024 йил февраль', '', '2024 йил март']);
    expect(steps(8).map((r) => r.cells[3]!.vMerge)).toEqual(['restart', 'continue', undefined]);
    // Every item: the mechanism cells hold the steps in order; every row fills the seven columns.
    const mechanism = (g: DocxRow[]) =>
      g
        .flatMap((r) => r.cells[2]!.paragraphs)
        .filter(Boolean)
        .join(' ')
        .replace(/\u2010 /g, '');
    expect(rowsByItem().map(mechanism)).toEqual(plan.items.map((i) => mechanismParagraphs(i).join(' ')));
    expect(table().rows.map((r) => r.cells.reduce((n, c) => n + c.gridSpan, 0))).toEqual(table().rows.map(() => 7));
    expect(rowsByItem().map((g) => g.length >= 1)).toEqual(plan.items.map(() => true));
  });

  it('has a PAGE field in the footer', () => {
    expect(docx.footers.map((f) => ({ type: f.type, hasPageField: f.hasPageField }))).toEqual([{ type: 'default', hasPageField: true }]);
  });
});

describe('determinism', () => {
  it('builds byte-identical files in another process and time zone', async () => {
    const other = await second;
    const same = (a: Uint8Array, b: Uint8Array) => ({ length: b.length, equal: Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0 });
    expect({ pdf: same(pdfBytes, other.pdf), docx: same(docxBytes, other.docx) }).toEqual({
      pdf: { length: pdfBytes.length, equal: true },
      docx: { length: docxBytes.length, equal: true },
    });
  });
});
