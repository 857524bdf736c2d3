// Data reaches templates escaped for the markup they write, and comes out of the model as itself.
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/compose/compose.js';
import { parseMarkup } from '../../src/compose/markup.js';
import { toModel } from '../../src/compose/to-model.js';
import { planView, type ItemView } from '../../src/compose/view.js';
import { loadPlan } from '../../src/content/load.js';
import type { Block, DocumentModel, Paragraph } from '../../src/document/types.js';
import { contentPerTest } from '../support/content-fixture.js';

function paragraphs(blocks: Block[]): Paragraph[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'frame' ? b.blocks : b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks))));
}
const texts = (doc: DocumentModel) => paragraphs(doc.blocks).map((p) => p.inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join(''));

const fx = contentPerTest();

describe('templates', () => {
  it('keeps markup characters and braces in content as literal text', async () => {
    const tricky = `A & B < C > D "quoted" 'single' \`tick\` = {{plan.agency.name}} </p> &amp;`;
    await fx.edit('items/14.yaml', 'measure: >-', `measure: ${JSON.stringify(tricky)}\nold_measure: >-`);
    const text = await fx.read('items/14.yaml');
    await fx.write('items/14.yaml', text.replace(/old_measure: >-\n(  .*\n)+/, ''));
    const plan = await loadPlan(fx.dir);
    const doc = (await loadTemplates('templates')).render('plan', planView(plan));
    expect(texts(doc)).toContain(tricky);
  });

  it('builds the approval block, title and table from the shipped templates', async () => {
    const plan = await loadPlan(fx.dir);
    const doc = (await loadTemplates('templates')).render('plan', planView(plan));
    const [frame, ...rest] = doc.blocks;
    expect(frame?.kind).toBe('frame');
    expect(texts({ ...doc, blocks: [frame!] })).toEqual([
      '“ТАСДИҚЛАЙМАН”',
      'Коррупцияга қарши курашиш',
      'агентлиги директори',
      '_______________ А. Бурханов',
      '2024 йил 04 январь',
    ]);
    expect(texts({ ...doc, blocks: rest.filter((b) => b.kind === 'paragraph') })).toEqual([
      'Ўзбекистон Республикаси Коррупцияга қарши курашиш агентлигининг',
      '2024 йил I ярим йиллигига мўлжалланган',
      'ИШ РЕЖАСИ',
    ]);
    const table = rest.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]?.header).toBe(true);
    expect(doc.meta.date).toBe('2024-01-04');
  });

  it('gives each step with its own deadline a sub-row, merging equal neighbouring deadlines', async () => {
    const plan = await loadPlan(fx.dir);
    const view = planView(plan);
    const item8 = view.items.find((i): i is ItemView => !i.section && i.number === 8)!;
    expect(item8.rowCount).toBe(3);
    expect(item8.rows.map((r) => r.deadline?.span ?? 0)).toEqual([2, 0, 1]);
    const item1 = view.items.find((i): i is ItemView => !i.section && i.number === 1)!;
    expect(item1.rowCount).toBe(1);
    expect(item1.rows[0]!.paragraphs.map((p) => p.label)).toEqual(['1.', '2.']);
  });
});

describe('markup', () => {
  const doc = (body: string) =>
    `<document><meta title="t" author="a" date="2024-01-04"/><page orientation="landscape" margins="1 2 3 4"/><font family="F" size="11"/>${body}</document>`;

  it('collapses white space like HTML and keeps inline styles', () => {
    const model = toModel(parseMarkup(doc('<p align="center">\n  Hello   <b>bold</b> and <i>it</i><br/> next\n</p>')));
    expect(model.blocks[0]).toEqual({
      kind: 'paragraph',
      align: 'center',
      // Resolved from <font size="11">: every paragraph of the model states its size.
      size: 11,
      inlines: [
        { kind: 'text', text: 'Hello ' },
        { kind: 'text', text: 'bold', bold: true },
        { kind: 'text', text: ' and ' },
        { kind: 'text', text: 'it', italic: true },
        { kind: 'break' },
        { kind: 'text', text: 'next' },
      ],
    });
  });

  it.each([
    ['<p>open', /unexpected <\/document>, expected <\/p>/],
    ['<p></b></p>', /unexpected <\/b>, expected <\/p>/],
    ['<table widths="1 1"><tr><td>a</td></tr></table>', /row 1 of the table fills 1 of its 2 columns/],
    ['<table widths="1"><tr><td rowspan="2">a</td></tr></table>', /a rowspan reaches past the last row/],
    ['<p align="middle">x</p>', /expected one of left, center, right, justify/],
    ['<frame>x</frame>', /<frame> needs width/],
    // The PDF could not print it there (it knows the page only in the footer), so no writer is asked to.
    ['<p>page <b><page-number/></b></p>', /<page-number\/> outside <footer>, expected page numbers only in the page footer/],
  ])('reports template mistakes: %s', (body, message) => {
    expect(() => toModel(parseMarkup(doc(body)))).toThrow(message);
  });

  it('reports an element that is never closed', () => {
    expect(() => parseMarkup('<document>\n<p>open')).toThrow(/line 2 of the rendered template: <p> is never closed/);
  });

  it('requires a document date from the content', () => {
    expect(() => toModel(parseMarkup(doc('').replace('date="2024-01-04"', 'date=""')))).toThrow(/<meta date="YYYY-MM-DD"> is required/);
  });
});
