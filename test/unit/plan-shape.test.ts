// A plan's declared shape (examples/): columns and the items' own fields, sections and sub-numbers, heads of
// documents, lead and co-executors, outside bodies, a Latin original; each checked at its line and column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTemplates, type TemplateSet } from '../../src/compose/compose.js';
import { extractView, planView, type ItemView, type TableEntry } from '../../src/compose/view.js';
import { ContentError, formatDiagnostic } from '../../src/content/diagnostics.js';
import { loadPlan } from '../../src/content/load.js';
import type { Block, DocumentModel, Paragraph, Table } from '../../src/document/types.js';
import { extractFor, selectExtracts } from '../../src/extracts/select.js';
import { comparePlans } from '../../src/changes/diff.js';
import { formatReport } from '../../src/changes/report-text.js';
import { snapshotPlan } from '../../src/changes/snapshot.js';
import { HEADINGS } from '../../scripts/lib/expected.js';
import { contentFixture, positionOf, type ContentFixture } from '../support/content-fixture.js';

function paragraphs(blocks: Block[]): Paragraph[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'frame' ? b.blocks : b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks))));
}
const texts = (blocks: Block[]) => paragraphs(blocks).map((p) => p.inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join(''));
const table = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.kind === 'table').at(-1)!;
/** Each row's cells as text, without the soft hyphens the layout put in. */
const rowTexts = (t: Table) =>
  t.rows.map((r) =>
    r.cells.map((c) =>
      texts([{ kind: 'paragraph', inlines: c.blocks.flatMap((p) => p.inlines) }])
        .join('')
        .replaceAll('\u00ad', ''),
    ),
  );
const entryLabel = (e: TableEntry) => (e.section ? `§ ${e.section.heading}` : (e as ItemView).label);

let templates: TemplateSet;
beforeEach(async () => {
  templates ??= await loadTemplates('templates');
});

async function problems(dir: string): Promise<string[]> {
  try {
    await loadPlan(dir);
  } catch (e) {
    if (e instanceof ContentError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

describe('the annex example: columns, sections, sub-numbers, an annex header', () => {
  let fx: ContentFixture;
  beforeEach(async () => {
    fx = await contentFixture('examples/decree-annex');
  });
  afterEach(() => fx.remove());

  it("loads the declared columns, the items' own field and the sub-numbers in their order", async () => {
    const plan = await loadPlan(fx.dir);
    expect(plan.columns.map((c) => c.field)).toEqual(['number', 'measure', 'mechanism', 'deadline', 'financing', 'responsible']);
    expect(plan.subNumbered).toBe(true);
    expect(plan.items.map((i) => i.label)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3']);
    expect(plan.items[0]!.fields).toEqual({ financing: 'Давлат бюджети' });
    expect(plan.items[0]!.result).toBe('');
    expect(plan.date).toBe('2025-04-01');
  });

  it('puts a heading row before the first item of each section and sub-section, in the plan and in an extract', async () => {
    const plan = await loadPlan(fx.dir);
    expect(planView(plan).items.map(entryLabel)).toEqual([
      '§ I. Биотехнологияларни ривожлантириш соҳасида',
      '1.1',
      '1.2',
      '1.3',
      '§ II. Фармацевтика саноатини ривожлантириш соҳасида',
      '2.1',
      '§ Илмий тадқиқотлар',
      '2.2',
      '2.3',
    ]);
    const academy = plan.departments.find((d) => d.id === 'academy')!;
    // The academy co-executes 1.1 and holds 2.2 and 2.3: a sub-section brings its section's heading too.
    expect(extractView(plan, extractFor(plan, academy)).items.map(entryLabel)).toEqual([
      '§ I. Биотехнологияларни ривожлантириш соҳасида',
      '1.1',
      '§ II. Фармацевтика саноатини ривожлантириш соҳасида',
      '§ Илмий тадқиқотлар',
      '2.2',
      '2.3',
    ]);
    const roles = extractFor(plan, academy).roles;
    expect([...roles.entries()].map(([n, r]) => `${plan.items.find((i) => i.number === n)!.label} ${r}`)).toEqual(['1.1 shared', '2.2 shared', '2.3 lead']);
    // Outside bodies receive extracts because the plan says so.
    expect(selectExtracts(plan).map((e) => e.department.id)).toEqual(['innovation', 'health', 'agriculture', 'economy', 'academy']);
  });

  it('prints the annex header, the declared headings, a section row across the table and co-executors after their word', async () => {
    const plan = await loadPlan(fx.dir);
    const doc = templates.render('plan', planView(plan));
    expect(texts([doc.blocks[0]!])).toEqual(['Ўзбекистон Республикаси Президентининг', '2025 йил 1 апрелдаги ПФ-9001-сон', 'Фармонига 1-илова']);
    expect(texts(doc.blocks.slice(1, 3))).toEqual(['2025 йилда биотехнологияларни ривожлантириш бўйича', 'ЧОРА-ТАДБИРЛАР ДАСТУРИ']);
    const t = table(doc);
    expect(t.columns).toHaveLength(6);
    expect(rowTexts(t)[0]).toEqual(['№', 'Чора-тадбирлар номи', 'Амалга ошириш механизми', 'Ижро муддати', 'Молиялаштириш манбалари', 'Масъул ижрочилар']);
    expect(t.rows[1]!.cells).toHaveLength(1);
    expect(t.rows[1]!.cells[0]!.colSpan).toBe(6);
    expect(rowTexts(t)[2]).toEqual([
      '1.1.',
      expect.stringContaining('концепция'),
      expect.stringContaining('Концепция'),
      '2025 йил 1 июль',
      'Давлат бюджети',
      'Инновацион ривожланиш вазирлигиҲамижрочилар:Иқтисодиёт ва молия вазирлигиФанлар академияси',
    ]);
    expect(t.hyphenate).toEqual([false, true, true, false, true, false]);
  });

  it('names a field the plan does not declare, and a declared one left out, at their places', async () => {
    await fx.edit('items/1-3.yaml', 'financing: Инновацион ривожланиш жамғармаси\n', 'financing: Грант\nresult: Натижа.\n');
    const at = positionOf(await fx.read('items/1-3.yaml'), 'result');
    expect(await problems(fx.dir)).toEqual([
      `${fx.display('items/1-3.yaml')}:${at.line}:${at.column}  error  Unknown field \`result\`, expected only the fields the format defines (see content/README.md) (result)  schema/unknown-field`,
    ]);
    await fx.edit('items/1-3.yaml', 'financing: Грант\nresult: Натижа.\n', '');
    expect(await problems(fx.dir)).toEqual([`${fx.display('items/1-3.yaml')}:1:1  error  Missing \`financing\`, expected text (financing)  schema/missing`]);
  });

  it('refuses an unknown section, and a section whose items are not numbered together', async () => {
    await fx.edit('items/1-2.yaml', 'section: biotech', 'section: biotek');
    await fx.edit('items/2-3.yaml', 'section: pharma-research', 'section: biotech');
    const found = await problems(fx.dir);
    const at = positionOf(await fx.read('items/1-2.yaml'), 'biotek');
    expect(found).toContain(
      `${fx.display('items/1-2.yaml')}:${at.line}:${at.column}  error  Unknown section \`biotek\`, expected one declared in plan.yaml \`sections\`: biotech, pharma, pharma-research (section)  ref/section`,
    );
    expect(found).toContain(
      `${fx.display('items/2-3.yaml')}:1:9  error  Item 2.3 stands in section \`biotech\` after items of another section, expected the items of one section numbered together (section)  item/section-order`,
    );
  });

  it('refuses two heads, and a sub-number given twice', async () => {
    await fx.edit('plan.yaml', 'annex:', 'approval:\n  word: ТАСДИҚЛАЙМАН\n  position: Вазир\n  signer: А. Б.\nannex:');
    await fx.edit('items/1-2.yaml', 'number: "1.2"', 'number: 1.1');
    const found = await problems(fx.dir);
    expect(found.some((m) => m.includes('Both `approval` and `annex`'))).toBe(true);
    expect(found.some((m) => m.includes('Duplicate item number `1.1`'))).toBe(true);
  });
});

describe('the Latin example: a Latin original, four columns, outside executors, free words', () => {
  let fx: ContentFixture;
  beforeEach(async () => {
    fx = await contentFixture('examples/city-latn');
  });
  afterEach(() => fx.remove());

  it('is published in Latin only, its approval date left to be written', async () => {
    const plan = await loadPlan(fx.dir);
    expect(plan.script).toBe('latn');
    expect(plan.editions).toEqual(['latn']);
    const doc = templates.render('plan', planView(plan), 'latn');
    expect(texts([doc.blocks[0]!]).at(-1)).toBe('“____” ______________ 2025-yil');
    expect(texts(doc.blocks.slice(1, 3))).toEqual(['Toshkent shahar hokimligining 2025-yilga moʻljallangan', 'ISH REJASI']);
    const rows = rowTexts(table(doc));
    expect(rows[0]).toEqual(['№', 'Tadbirlar nomi', 'Ijro muddati', 'Masʼul ijrochilar']);
    expect(rows[1]![2]).toBe('Har chorakdan keyingi oyning 10-sanasiga qadar');
    expect(rows[3]![2]).toBe('Belgilangan muddatda');
    expect(rows[3]![3]).toBe('Yoshlar ishlari agentligi shahar boshqarmasiHamijrochilar:Shahar Ichki ishlar bosh boshqarmasiTuman hokimliklari');
  });

  it('gives an extract to its units and to the outside body and official the plan names, not to the police or a mention', async () => {
    const plan = await loadPlan(fx.dir);
    expect(selectExtracts(plan).map((e) => e.department.id)).toEqual(['first-deputy', 'economy', 'construction', 'youth']);
    const youth = extractView(
      plan,
      extractFor(
        plan,
        plan.departments.find((d) => d.id === 'youth')!,
      ),
    );
    expect(youth.summary.months.every((m) => m.items.length === 0)).toBe(true);
    expect(youth.summary.undated).toEqual(['3']);
  });

  it('refuses a Cyrillic edition of a Latin plan at the editions line', async () => {
    await fx.edit('plan.yaml', 'script: latn', 'script: latn\neditions: [latn, cyrl]');
    expect(await problems(fx.dir)).toEqual([
      `${fx.display('plan.yaml')}:4:11  error  A Cyrillic edition of a plan written in Latin, expected \`[latn]\`: there is no transliteration from Latin to Cyrillic (editions)  plan/editions`,
    ]);
  });

  it('asks for a date when the approval has none', async () => {
    await fx.edit('plan.yaml', 'date: 2025-01-10\n', '');
    expect(await problems(fx.dir)).toEqual([
      `${fx.display('plan.yaml')}:18:3  error  No date for the documents, expected \`approval.date\` or \`date: YYYY-MM-DD\` (approval)  plan/date`,
    ]);
  });
});

describe('the standard plan', () => {
  it('prints its numbers as they are, with the seven standard columns', async () => {
    const plan = await loadPlan('content');
    expect(plan.subNumbered).toBe(false);
    expect(plan.items.every((i) => i.label === String(i.number))).toBe(true);
    expect(plan.columns.map((c) => c.heading)).toEqual(HEADINGS);
  });
});

describe('what a release records', () => {
  it("is in the plan's own script: a plan written in Latin is recorded in Latin, template words included", async () => {
    const latin = snapshotPlan(await loadPlan('examples/city-latn'), templates);
    const text = JSON.stringify(latin.items);
    expect(text).toContain('2025-yil mart–oktabr');
    expect(text).toContain('Hamijrochilar:');
    expect(text.match(/[\u0400-\u04FF]+/gu)).toBeNull();
  });

  it('is the text the plan document prints: the legal basis joined by "ва" where the item says so, the co-executors\' word, the own columns', async () => {
    const seed = snapshotPlan(await loadPlan('content'), templates);
    expect(seed.items.find((i) => i.number === 6)!.basis).toContain('12.01.2022 й. ПҚ-81-сон ва 11.05.2022 й. ПҚ-240-сон Қарорлари');
    const annex = snapshotPlan(await loadPlan('examples/decree-annex'), templates);
    const first = annex.items[0]!;
    expect({ label: first.label, section: first.section, fields: first.fields, responsible: first.responsible, deadline: first.deadline }).toEqual({
      label: '1.1',
      section: 'I. Биотехнологияларни ривожлантириш соҳасида',
      fields: { financing: 'Давлат бюджети' },
      responsible: ['Инновацион ривожланиш вазирлиги', 'Ҳамижрочилар:', 'Иқтисодиёт ва молия вазирлиги', 'Фанлар академияси'],
      deadline: ['2025 йил 1 июль'],
    });
    expect(annex.items[1]!.stepDeadlines).toEqual(['2025 йил II чорак', '2025 йил IV чорак']);
    expect(annex.columns!.map((c) => c.heading)).toContain('Молиялаштириш манбалари');
  });
});

describe('the change report of a plan with its own columns', () => {
  it('names a changed field by its declared heading and the item by its printed number', async () => {
    const fx = await contentFixture('examples/decree-annex');
    try {
      const before = snapshotPlan(await loadPlan(fx.dir), templates);
      await fx.edit('items/2-2.yaml', 'financing: Талаб этилмайди', 'financing: Давлат бюджети');
      const report = comparePlans(before, snapshotPlan(await loadPlan(fx.dir), templates), 'test');
      expect(report.items.map((c) => [c.label, c.status === 'changed' ? c.fields.map((f) => f.field) : []])).toEqual([['2.2', ['financing']]]);
      const text = formatReport(report);
      expect(text).toContain('банд 2.2: ўзгартирилди Молиялаштириш манбалари');
      expect(report.affected.map((d) => d.id)).toEqual(['health', 'academy']);
    } finally {
      await fx.remove();
    }
  });
});
