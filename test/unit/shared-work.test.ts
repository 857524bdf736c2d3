// What the build works out once and shares between documents gives what each document would get alone: an extract
// laid out after the plan (its cells read and laid out once, src/compose/to-model.ts and src/layout/index.ts) is the
// extract laid out in a process that never laid out the plan, and the DOCX package zipped with its fixed parts
// deflated once (src/writers/docx/zip.ts) is, byte for byte, what fflate's zipSync makes of the same parts.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { generateContent } from '../../bench/generate.js';
import type { DocumentModel, Paragraph } from '../../src/document/types.js';
import type { BuiltDocument } from '../../src/pipeline/documents.js';

/** The documents of `contentDir` composed with fresh modules: nothing remembered from an earlier composition. */
async function composeFresh(contentDir: string, department?: string): Promise<BuiltDocument[]> {
  vi.resetModules();
  const { loadPlan } = await import('../../src/content/load.js');
  const { loadTemplates } = await import('../../src/compose/compose.js');
  const { composeDocuments } = await import('../../src/pipeline/documents.js');
  const { history } = await import('../../src/changes/releases.js');
  const plan = await loadPlan(contentDir);
  const templates = await loadTemplates('templates', 'fonts');
  return (await composeDocuments(plan, templates, { contentDir, releases: await history(contentDir) }, department)).documents;
}

const cellLists = (model: DocumentModel): Paragraph[][] =>
  model.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.blocks)) : []));

let root = '';
let content = '';
let whole: BuiltDocument[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.resolve('.tmp/shared-'));
  content = path.join(root, 'content');
  // Every unit's items in every extract, and rows split across many page breaks.
  await generateContent(content, { items: 60, departments: 6, seed: 7 });
  whole = await composeFresh(content);
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('work shared between documents', () => {
  it('lays out every extract after the plan as it lays it out alone, sharing the plan’s cells', async () => {
    const plan = whole.find((d) => d.kind === 'plan')!;
    const planCells = new Set(cellLists(plan.model));
    const extracts = whole.filter((d) => d.kind === 'extract');
    expect(extracts.length).toBeGreaterThan(3);
    for (const shared of extracts) {
      const alone = (await composeFresh(content, shared.department!.id)).find((d) => d.name === shared.name)!;
      expect(JSON.stringify(shared.model), shared.name).toBe(JSON.stringify(alone.model));
      // The extract did take rows from the plan: the same laid-out cell lists, not equal copies.
      expect(cellLists(shared.model).filter((list) => planCells.has(list)).length, shared.name).toBeGreaterThan(10);
    }
  }, 300_000);

  it('zips the DOCX package as fflate’s zipSync does, with the fixed parts deflated once', async () => {
    // zipSync reads its date in local time, and a zone whose summer time starts at midnight has no 00:00 that day.
    const zone = process.env.TZ;
    process.env.TZ = 'UTC';
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const { writeDocx } = await import('../../src/writers/docx/index.js');
    for (const doc of whole) {
      const [y, m, d] = doc.model.meta.date.split('-').map(Number) as [number, number, number];

      // Twice: the second time the fixed parts come deflated from the first.
      for (let round = 0; round < 2; round++) {
        const bytes = await writeDocx(doc.model);
        // Entries in the package's order; zipSync dates them at local midnight of the content's date.
        const reference = zipSync(unzipSync(bytes), { mtime: new Date(y, m - 1, d) });
        expect(Buffer.compare(Buffer.from(bytes), Buffer.from(reference)), doc.name).toBe(0);
      }
    }
  });

  it('checksums a part as zlib does when Node has no zlib.crc32', async () => {
    const { crc32 } = await import('node:zlib');
    const { slowCrc32 } = await import('../../src/writers/docx/zip.js');
    for (const text of ['', 'a', 'Ўзбекистон Республикаси', 'x'.repeat(70_000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(slowCrc32(bytes), text.slice(0, 20)).toBe(crc32(bytes));
    }
  });
});
