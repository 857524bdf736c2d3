// The DOCX writer on what the built documents do not cover (the hash test holds their bytes): a document without a
// footer or with the page count in it, text that needs escaping, cells merged across rows and columns, a table the
// layout paged, and the package itself: every part well-formed, listed in the content types, its references resolved.
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Paragraph, TableRow } from '../../src/document/types.js';
import { readDocxBody } from '../../src/import/docx.js';
import { writeDocx } from '../../src/writers/docx/index.js';

const P = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }], ...extra });

function model(extra: Partial<DocumentModel> = {}): DocumentModel {
  return {
    meta: { title: 'Plan', author: 'Agency', date: '2024-01-04', language: 'uz-Cyrl-UZ' },
    page: { size: 'A4', orientation: 'portrait', margins: [42, 34, 42, 57], footerDistance: 14 },
    font: { family: 'Times New Roman', size: 11, leading: 1.15 },
    blocks: [P('Иш режаси')],
    ...extra,
  };
}

const parts = async (doc: DocumentModel) => unzipSync(await writeDocx(doc));
const xml = (text: string) => {
  const errors: string[] = [];
  const parsed = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return parsed;
};

describe('DOCX writer: the package', () => {
  for (const footer of [
    undefined,
    [{ kind: 'paragraph', inlines: [{ kind: 'page-number' }, { kind: 'text', text: ' / ' }, { kind: 'page-count' }] } as Paragraph],
  ])
    it(`${footer ? 'with' : 'without'} a footer: every part well-formed, in the content types, every relationship resolved`, async () => {
      const files = await parts(model(footer ? { footer } : {}));
      const names = Object.keys(files);
      for (const name of names) xml(strFromU8(files[name]!));
      const overrides = [...strFromU8(files['[Content_Types].xml']!).matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
      expect(overrides.every((part) => names.includes(part!))).toBe(true);
      expect(names.filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml').every((n) => overrides.includes(n))).toBe(true);
      const rels = new Map([...strFromU8(files['word/_rels/document.xml.rels']!).matchAll(/Id="(\w+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
      expect([...rels.values()].every((target) => names.includes(`word/${target}`))).toBe(true);
      const document = strFromU8(files['word/document.xml']!);
      const reference = document.match(/<w:footerReference w:type="default" r:id="(\w+)"\/>/)?.[1];
      expect(reference && rels.get(reference)).toBe(footer ? 'footer1.xml' : undefined);
      if (footer) expect(strFromU8(files['word/footer1.xml']!)).toMatch(/PAGE<\/w:instrText>.*NUMPAGES<\/w:instrText>/);
    });

  it('the styles carry the model’s font, size and language; entries are dated from the content', async () => {
    const files = await parts(model({ font: { family: 'Liberation Serif', size: 13, leading: 1 } }));
    expect(strFromU8(files['word/styles.xml']!)).toContain(
      '<w:rFonts w:ascii="Liberation Serif" w:cs="Liberation Serif" w:eastAsia="Liberation Serif" w:hAnsi="Liberation Serif"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="uz-Cyrl-UZ"/>',
    );
    const bytes = await writeDocx(model());
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(12, true)).toBe(((2024 - 1980) << 9) | (1 << 5) | 4);
    expect(await writeDocx(model())).toEqual(bytes);
  });
});

describe('DOCX writer: the body', () => {
  it('escapes markup characters and leaves out those XML cannot hold', async () => {
    const body = await readDocxBody(await writeDocx(model({ blocks: [P('a & b < c > d "e" \'f\' g\u0001h')] })));
    expect(body).toEqual([
      { kind: 'paragraph', text: 'a & b < c > d "e" \'f\' gh' },
      { kind: 'paragraph', text: '' },
    ]);
  });

  it('merges cells across rows and columns at their grid places, and repeats the header rows on a new page', async () => {
    const rows: TableRow[] = [
      { header: true, cells: [{ blocks: [P('№')] }, { blocks: [P('Тадбир')], colSpan: 2 }] },
      {
        cells: [
          { blocks: [P('1', { align: 'center' })], rowSpan: 3 },
          { blocks: [P('a')], colSpan: 2 },
        ],
      },
      { cells: [{ blocks: [P('b')] }, { blocks: [P('c')], rowSpan: 2 }] },
      { cells: [{ blocks: [] }] },
      { pageBreakBefore: true, cells: [{ blocks: [P('2')] }, { blocks: [P('d')] }, { blocks: [P('e')] }] },
    ];
    const table = { kind: 'table' as const, columns: [30, 200, 100], cell: { padX: 4, padY: 2, rule: 0.6 }, size: 11, rows };
    const files = await parts(model({ blocks: [table] }));
    const document = strFromU8(files['word/document.xml']!);
    expect(document.match(/<w:tbl>/g)).toHaveLength(2);
    expect(document).toMatch(/<\/w:tbl><w:p><w:pPr><w:pageBreakBefore\/>.*<\/w:p><w:tbl>/);
    const [read] = await readDocxBody(await writeDocx(model({ blocks: [table] })));
    expect(read!.kind).toBe('table');
    const cells = (read as Extract<typeof read, { kind: 'table' }>).rows.map((r) =>
      r.cells.map((c) => `${c.gridStart}+${c.gridSpan}${c.vMerge ? ` ${c.vMerge}` : ''}: ${c.paragraphs.join('/')}`),
    );
    expect(cells).toEqual([
      ['0+1: №', '1+2: Тадбир'],
      ['0+1 restart: 1', '1+2: a'],
      ['0+1 continue: ', '1+1: b', '2+1 restart: c'],
      ['0+1 continue: ', '1+1: ', '2+1 continue: '],
      // The reader joins the page's table to the one before because it starts with the same header rows.
      ['0+1: 2', '1+1: d', '2+1: e'],
    ]);
  });
});
