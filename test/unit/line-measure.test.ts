// The line filler measures only the end of a line again as it adds a unit. This checks that the sum is the same, to
// the bit, as measuring the whole line anew for every unit (the plain way, written out here), on every paragraph of
// the shipped plan at many widths: the same lines, so the same pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/changes/releases.js';
import { loadTemplates } from '../../src/compose/compose.js';
import { loadPlan } from '../../src/content/load.js';
import type { Block, Paragraph } from '../../src/document/types.js';
import { loadFontTable } from '../../src/fonts/coverage.js';
import { fontMetrics, type FontMetrics, type FontStyle } from '../../src/layout/fonts.js';
import { breakLines, HYPHEN, LineMeasure, segments, units, type Unit } from '../../src/layout/lines.js';
import { composeDocuments } from '../../src/pipeline/documents.js';

function wholeLineWidth(line: Unit[], size: number, family: string, metrics: FontMetrics): number {
  const runs: { text: string; style: FontStyle }[] = [];
  let inline = -1;
  for (const u of line)
    for (const piece of u.pieces) {
      if (piece.inline === inline) runs[runs.length - 1]!.text += piece.text;
      else runs.push({ text: piece.text, style: piece.style });
      inline = piece.inline;
    }
  if (line.at(-1)?.hyphen && runs.length) runs[runs.length - 1]!.text += HYPHEN;
  let width = 0;
  runs.forEach((run, i) => {
    const text = run.text.replace(/\u00AD/g, '');
    for (const segment of segments(text)) width += metrics.width(segment, family, run.style, size);
    const spaces = i === runs.length - 1 ? /\s+$/.exec(text)?.[0] : undefined;
    if (spaces) width -= metrics.width(spaces, family, run.style, size);
  });
  return width;
}

function plainBreakLines(p: Paragraph, width: number, family: string, metrics: FontMetrics) {
  const size = p.size ?? 12;
  const list = units(p);
  const lines: number[] = [];
  let count = 1;
  let line: Unit[] = [];
  for (const u of list) {
    if (line.length && wholeLineWidth([...line, u], size, family, metrics) > width - 0.01) {
      lines.push(u.start);
      count++;
      line = [];
    }
    line.push(u);
    if (u.lineEnd) {
      count++;
      line = [];
    }
  }
  if (list.at(-1)?.lineEnd) count--;
  return { lines, count: Math.max(1, count) };
}

let paragraphs: Paragraph[] = [];
let metrics: FontMetrics;
let family = '';

beforeAll(async () => {
  const plan = await loadPlan('content');
  const templates = await loadTemplates('templates', 'fonts');
  const { documents } = await composeDocuments(plan, templates, { contentDir: 'content', releases: await history('content') });
  const model = documents[0]!.model;
  family = model.font.family;
  metrics = fontMetrics((await loadFontTable('fonts')).table);
  const collect = (b: Block): Paragraph[] =>
    b.kind === 'paragraph' ? [b] : b.kind === 'frame' ? b.blocks : b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks));
  paragraphs = model.blocks.flatMap(collect).map((p) => ({ ...p, size: p.size ?? model.font.size }));
}, 120_000);

describe('line filling', () => {
  it('breaks every paragraph of the plan where measuring each whole line anew would', () => {
    expect(paragraphs.length).toBeGreaterThan(300);
    expect(paragraphs.some((p) => p.inlines.filter((i) => i.kind === 'text').length > 1)).toBe(true);
    expect(paragraphs.some((p) => p.inlines.some((i) => i.kind === 'text' && i.text.includes('\u00AD')))).toBe(true);
    let compared = 0;
    for (const p of paragraphs)
      for (const width of [30, 45, 60, 80, 110, 150, 220, 400]) {
        expect(breakLines(p, width, family, metrics), `at ${width} pt: ${JSON.stringify(p.inlines)}`).toEqual(plainBreakLines(p, width, family, metrics));
        compared++;
      }
    expect(compared).toBeGreaterThan(2400);
  });

  it('gives every line, one unit more at a time, the width measuring it whole gives, to the bit', () => {
    let compared = 0;
    for (const p of paragraphs) {
      const list = units(p);
      for (let start = 0; start < list.length; start += 3) {
        const line = new LineMeasure(p.size!, family, metrics);
        for (let end = start; end < Math.min(list.length, start + 30); end++) {
          expect(line.widthWith(list[end]!)).toBe(wholeLineWidth(list.slice(start, end + 1), p.size!, family, metrics));
          line.add(list[end]!);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('measures bold and plain runs of one line by their own fonts', () => {
    const mixed: Paragraph = {
      kind: 'paragraph',
      size: 11,
      inlines: [
        { kind: 'text', text: 'Ижро ', bold: true },
        { kind: 'text', text: 'этувчилар рўйхати ва муд\u00ADдат\u00ADлари' },
      ],
    };
    // A soft hyphen before a dash: dropped, the dash still breaks there, so the two are measured apart.
    const dashed: Paragraph = { kind: 'paragraph', size: 11, inlines: [{ kind: 'text', text: 'ҳуж\u00ADжат\u00AD—лойиҳа\u00AD—ва\u00AD“рўйхат”' }] };
    for (const p of [mixed, dashed]) {
      for (const width of [20, 40, 60, 90, 130, 200]) expect(breakLines(p, width, family, metrics)).toEqual(plainBreakLines(p, width, family, metrics));
      const list = units(p);
      const line = new LineMeasure(11, family, metrics);
      list.forEach((u, end) => {
        expect(line.widthWith(u)).toBe(wholeLineWidth(list.slice(0, end + 1), 11, family, metrics));
        line.add(u);
      });
    }
  });
});
