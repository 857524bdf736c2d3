// The Latin edition, built in the same run as the Cyrillic one from the same content.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { loadPlan } from '../../src/content/load.js';
import { hyphenateNumerals } from '../../src/editions/editions.js';
import { transliterate } from '../../src/uz/translit.js';
import { readDocx, type DocxRow } from '../readers/docx.js';
import { readPdf, type PdfPage } from '../readers/pdf.js';
import { contentFixture, SCRATCH, type ContentFixture } from '../support/content-fixture.js';
import { CONTINUED, norm, squash } from './helpers.js';

let fx: ContentFixture;
let out: string;
let cyrillicOnly: string;
let latin: PdfPage[];
const read = (dir: string, f: string) => readFile(path.join(dir, f));

beforeAll(async () => {
  fx = await contentFixture();
  out = await mkdtemp(path.join(SCRATCH, 'editions-'));
  cyrillicOnly = await mkdtemp(path.join(SCRATCH, 'editions-cyrl-'));
  await build({ contentDir: fx.dir, templatesDir: 'templates', fontsDir: 'fonts', outDir: cyrillicOnly });
  await fx.edit('plan.yaml', 'agency:', 'editions: [cyrl, latn]\nagency:');
  await build({ contentDir: fx.dir, templatesDir: 'templates', fontsDir: 'fonts', outDir: out });
  latin = await readPdf(new Uint8Array(await read(out, 'plan.latn.pdf')));
}, 120_000);

afterAll(async () => {
  await fx?.remove();
  for (const d of [out, cyrillicOnly]) if (d) await rm(d, { recursive: true, force: true });
});

const text = (pages: PdfPage[]) => pages.map((p) => p.items.map((t) => t.str).join(' ')).join(' ');

describe('editions', () => {
  it('writes every document in both scripts, the script in the file name', async () => {
    expect((await readdir(out)).filter((f) => f.startsWith('plan.')).sort()).toEqual(['plan.cyrl.docx', 'plan.cyrl.pdf', 'plan.latn.docx', 'plan.latn.pdf']);
    const extracts = await readdir(path.join(out, 'extracts'));
    expect(extracts.filter((f) => f.includes('.latn.')).length).toBe(16);
    expect(extracts.filter((f) => f.includes('.cyrl.')).length).toBe(16);
  });

  it('leaves the Cyrillic documents byte-identical to a Cyrillic-only build', async () => {
    const hash = async (dir: string, f: string) =>
      createHash('sha256')
        .update(await read(dir, f))
        .digest('hex');
    for (const f of ['plan.cyrl.pdf', 'plan.cyrl.docx', 'extracts/hr.cyrl.pdf']) expect(await hash(out, f), f).toBe(await hash(cyrillicOnly, f));
  });

  it('prints the Latin plan with Latin wording, dates and citations, and no Cyrillic letter', () => {
    const all = norm(text(latin));
    expect(all.match(/[\u0400-\u04FF]/gu) ?? []).toEqual([]);
    const squashed = squash(all);
    for (const expected of [
      '“TASDIQLAYMAN”',
      'Korrupsiyaga qarshi kurashish agentligi direktori',
      'A. Burxanov',
      '2024-yil 4-yanvar',
      'Oʻzbekiston Respublikasi Korrupsiyaga qarshi kurashish agentligining',
      '2024-yil I yarim yilligiga moʻljallangan',
      'ISH REJASI',
      'Chora-tadbirlar nomi',
      'Oʻzbekiston Respublikasi Prezidentining 29.06.2020-y. PF-6013-son Farmoni',
      'Oʻzbekiston Respublikasi Prezidentining 29.06.2020-y. PF-6013-son, 27.11.2023-y. PF-200-son Farmonlari',
      '2024-yil yanvar–mart',
      'Doimiy ravishda',
      'Har chorakda',
      '“E-Anticor.uz”',
    ]) {
      expect(squashed, expected).toContain(squash(expected));
    }
    expect(all).toContain('ʻ'); // U+02BB, the okina of oʻ and gʻ, copies out intact
  });

  it('embeds every font it uses, with the glyphs for ʻ and ʼ', () => {
    const fonts = latin.flatMap((p) => p.fonts);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded || f.type3)).toEqual([]);
    expect(text(latin)).toContain('ʼ'); // U+02BC, e.g. "Masʼul"
  });

  it('holds the same items as the Cyrillic plan, each text transliterated', async () => {
    const plan = await loadPlan(fx.dir);
    const docx = await readDocx(new Uint8Array(await read(out, 'plan.latn.docx')));
    const table = docx.tables.find((t) => t.rows[0]?.isHeader)!;
    const firsts = table.rows.filter((r) => !r.isHeader && r.cells[0]?.vMerge !== 'continue' && !CONTINUED.some((w) => r.cells[0]!.text.includes(w)));
    expect(firsts.map((r) => r.cells[0]!.text.trim())).toEqual(plan.items.map((i) => `${i.number}.`));
    // The measure of an item split over two pages: both parts, a word broken at the split rejoined.
    const measure = (r: DocxRow) => {
      const k = table.rows.indexOf(r);
      const next = table.rows.slice(k + 1).find((x) => x.cells[0]?.vMerge !== 'continue');
      const rest = next && CONTINUED.some((w) => next.cells[0]!.text.includes(w)) ? next.cells[1]!.text : '';
      return norm(`${r.cells[1]!.text} ${rest}`.replace(/\u2010\s+/g, ''));
    };
    expect(firsts.map(measure)).toEqual(plan.items.map((i) => norm(transliterate(hyphenateNumerals(i.measure)))));
    expect(docx.paragraphs.map(norm)).toContain('ISH REJASI');
  });
});
