// The layout step: Uzbek hyphenation by the 1995 rules, the tokens no line may break, line breaking with the real
// fonts, and page breaks; then one synthetic model through both writers, read back with independent readers.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { toModel } from '../../src/compose/to-model.js';
import { parseMarkup } from '../../src/compose/markup.js';
import { loadFontTable } from '../../src/fonts/coverage.js';
import { fontMetrics, type FontMetrics } from '../../src/layout/fonts.js';
import { layOut } from '../../src/layout/index.js';
import { breakLines, lineRuns } from '../../src/layout/lines.js';
import type { DocumentModel, Paragraph, Table } from '../../src/document/types.js';
import { hyphenateText, hyphenateWord } from '../../src/uz/hyphenate.js';
import { protectedSpans } from '../../src/uz/protect.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { readDocx } from '../readers/docx.js';
import { columnLines, columns, readPdf } from '../readers/pdf.js';

const shown = (w: string) => hyphenateWord(w).replace(/\u00AD/g, '-');

describe('Uzbek hyphenation (1995 rules, "бўғин кўчириш")', () => {
  it.each([
    // A single consonant between vowels goes with the next syllable; of two, the second does.
    ['китоблар', 'ки-тоб-лар'],
    ['мактаблар', 'мак-таб-лар'],
    ['Ўзбекистон', 'Ўз-бе-кис-тон'],
    ['тадбирлар', 'тад-бир-лар'],
    // ъ stays with the letter before it.
    ['маълумот', 'маъ-лу-мот'],
    // Latin: sh, ch, ng and oʻ are one letter each.
    ['tashkilot', 'tash-ki-lot'],
    ['oʻzbekiston', 'oʻz-be-kis-ton'],
    ['dengizlar', 'de-ngiz-lar'],
    ['maʼlumot', 'maʼ-lu-mot'],
  ])('%s → %s', (word, expected) => expect(shown(word)).toBe(expected));

  it('leaves no syllable of one letter at either end, and short words whole', () => {
    expect(shown('оила')).toBe('оила');
    expect(shown('ахборот')).toBe('ах-бо-рот');
    expect(shown('иқтисодиёт')).toBe('иқ-ти-со-ди-ёт');
    expect(shown('ота')).toBe('ота');
  });

  it('never breaks abbreviations, numbers, web addresses or quoted names of acts', () => {
    const text = 'БМТ ПФ-200-сон E-Anticor.uz “Коррупцияга қарши курашиш тўғрисида”ги';
    expect(hyphenateText(text)).toBe(text);
    expect(hyphenateText(`${text} Қонуни`).replace(/\u00AD/g, '-')).toBe(`${text} Қо-ну-ни`);
    expect(hyphenateText('ахборот-таҳлилий').replace(/\u00AD/g, '·')).toBe('ах·бо·рот-таҳ·ли·лий');
  });
});

describe('protected tokens', () => {
  const tokens = (text: string) => protectedSpans(text).map(([s, e]) => text.slice(s, e));
  it('finds act codes, dates, years, month ranges, numerals with suffixes, initials and web addresses', () => {
    expect(tokens('27.11.2023 й. ПФ-200-сон Фармони')).toEqual(['27.11.2023 й.', 'ПФ-200-сон']);
    expect(tokens('12.01.2022-y. PQ-81-son qarori')).toEqual(['12.01.2022-y.', 'PQ-81-son']);
    expect(tokens('2024 йил январь–июнь')).toEqual(['2024 йил', 'январь–июнь']);
    expect(tokens('1-чораклик ва 5-раунд')).toEqual(['1-чораклик', '5-раунд']);
    expect(tokens('директори А. Бурханов, “E-Anticor.uz” платформаси')).toEqual(['А. Бурханов', 'E-Anticor.uz']);
  });
  it('leaves ordinary words alone', () => {
    expect(tokens('мартабали ходимлар йиллик режа асосида')).toEqual([]);
  });
});

let metrics: FontMetrics;
beforeAll(async () => {
  metrics = fontMetrics((await loadFontTable('fonts')).table);
});

describe('line breaking', () => {
  const para = (text: string, nowrap = false): Paragraph => ({
    kind: 'paragraph',
    inlines: [{ kind: 'text', text, ...(nowrap ? { nowrap: true } : {}) }],
    size: 11,
  });
  const texts = (p: Paragraph) =>
    lineRuns(p).map((l) =>
      l
        .map((i) => (i.kind === 'text' ? i.text : ''))
        .join('')
        .trim(),
    );

  it('fills lines no wider than the column, measured with the font', () => {
    const p = para('Давлат органлари ва ташкилотларининг коррупцияга қарши ички назорат тузилмалари масъул ходимлари');
    const broken = { ...p, lines: breakLines(p, 120, 'Times New Roman', metrics).lines };
    const lines = texts(broken);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(metrics.width(l, 'Times New Roman', 'normal', 11)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(p.inlines[0]!.kind === 'text' ? p.inlines[0]!.text : '');
  });

  it('keeps an unbreakable run on one line and prints a hyphen where a word is broken', () => {
    const p: Paragraph = {
      kind: 'paragraph',
      size: 11,
      inlines: [
        { kind: 'text', text: 'асосида ' },
        { kind: 'text', text: 'ПФ-200-сон', nowrap: true },
        { kind: 'text', text: ` ${hyphenateText('ташкилотларининг маълумотномаси')}` },
      ],
    };
    const lines = texts({ ...p, lines: breakLines(p, 70, 'Times New Roman', metrics).lines });
    expect(lines.some((l) => l.includes('ПФ-200-сон'))).toBe(true);
    expect(lines.some((l) => l.endsWith('\u2010'))).toBe(true);
    expect(
      lines
        .join('')
        .replace(/\u2010/g, '')
        .replace(/\s/g, ''),
    ).toBe('асосидаПФ-200-сонташкилотларинингмаълумотномаси');
  });
});

/** A synthetic model: a narrow three-column table whose second row is taller than what is left of page 1. */
function synthetic(): DocumentModel {
  const long = Array.from({ length: 60 }, (_, i) => `${i + 1}-банд ижроси юзасидан маълумотнома тайёрланади`).join(', ');
  const markup = `<document><meta title="t" author="a" date="2024-01-04"/><page orientation="portrait" margins="40 40 40 40" footer="14"/>
<font family="Times New Roman" size="12" leading="1.15"/>
<p align="center" bold>Синов</p>
<table widths="1 4 2" size="11" padding="4 2" rule="0.6" hyphenate="2" keep="3">
<tr header cant-split><td bold>№</td><td bold>Матн</td><td bold>Муддат</td></tr>
<tr><td>1.</td><td>${'Қисқа матн. '.repeat(30)}</td><td>2024 йил январь–июнь</td></tr>
<tr><td>2.</td><td>${long}</td><td>2024 йил март</td></tr>
</table>
<footer><p align="center" size="10"><page-number/></p></footer>
</document>`;
  return layOut(toModel(parseMarkup(markup)), { metrics, continued: 'давоми' });
}

describe('pagination and the two writers', () => {
  it('splits the tall row under the header on the next page, naming its item, and both writers break there', async () => {
    const model = synthetic();
    const table = model.blocks.find((b): b is Table => b.kind === 'table')!;
    const breaks = table.rows.filter((r) => r.pageBreakBefore).length;
    expect(breaks).toBeGreaterThanOrEqual(1);
    const pdf = await readPdf(await writePdf(model, { fontsDir: 'fonts' }));
    expect(pdf.length).toBe(breaks + 1);
    // The № column of every page after the first starts with "2." and "давоми".
    for (const page of pdf.slice(1))
      expect(
        columnLines([page], 1)
          .slice(1, 3)
          .map((l) => l.text),
      ).toEqual(['2.', 'давоми']);
    // Each side of the split keeps at least 3 lines of the text column.
    for (const page of pdf) expect(columnLines([page], 2).length - 1).toBeGreaterThanOrEqual(3);

    const bytes = await writeDocx(model);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(breaks + 1);
    expect((xml.match(/<w:pageBreakBefore\/>/g) ?? []).length).toBe(breaks);
    // One geometry: the DOCX grid is the model's columns; the PDF's rules stand at the same edges on every page.
    const docx = await readDocx(bytes);
    expect(docx.tables[0]!.grid).toEqual(table.columns.map((c) => Math.round(c * 20)));
    const edges = table.columns.reduce((xs, c) => [...xs, xs.at(-1)! + c], [40 + table.cell.rule / 2]);
    for (const page of pdf) expect(columns(page).map((x, i) => Math.abs(x - edges[i]!) < 0.5)).toEqual(edges.map(() => true));
    // The same text in both, once the hyphens of broken words and the continuation marks are set aside.
    const norm = (s: string) => s.replace(/[\u2010\u00AD\s]|давоми/g, '');
    const pdfText = pdf
      .flatMap((p) =>
        [2].flatMap((c) =>
          columnLines([p], c)
            .slice(1)
            .map((l) => l.text),
        ),
      )
      .join('');
    const docxText = docx.tables[0]!.rows.filter((r) => !r.isHeader)
      .map((r) => r.cells[1]!.text)
      .join('');
    expect(norm(pdfText)).toBe(norm(docxText));
  });

  it('keeps a row that fits on the rest of the page whole', () => {
    const table = synthetic().blocks.find((b): b is Table => b.kind === 'table')!;
    const first = table.rows.findIndex((r) => r.cells[0]?.blocks[0]?.inlines.some((i) => i.kind === 'text' && i.text === '1.'));
    expect(table.rows[first + 1]?.cells[0]?.blocks.some((p) => p.inlines.some((i) => i.kind === 'text' && i.text === '2.'))).toBe(true);
  });
});
