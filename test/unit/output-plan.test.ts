// The output plan: every path once, format by format, documents given their files without changing the composed
// ones, and two documents bound for one path refused before anything renders.
import { describe, expect, it } from 'vitest';
import type { BuiltDocument } from '../../src/pipeline/built-document.js';
import { planOutput } from '../../src/pipeline/output-plan.js';

const doc = (name: string): BuiltDocument => ({
  name,
  edition: 'cyrl',
  kind: 'extract',
  items: [1],
  model: {
    meta: { title: name, author: '', date: '2024-01-01', language: 'uz' },
    page: { size: 'A4', orientation: 'landscape', margins: [0, 0, 0, 0], footerDistance: 0 },
    font: { family: 'Times New Roman', size: 12, leading: 1 },
    blocks: [],
  },
  dependsOn: [],
  files: [],
});

describe('output plan', () => {
  it('names every file once, format by format, and leaves the composed documents as they were', () => {
    const composed = [doc('plan.cyrl'), doc('extracts/hr.cyrl')];
    const plan = planOutput(composed, ['docx', 'pdf']);
    expect(plan.files.map((f) => f.name)).toEqual(['plan.cyrl.docx', 'extracts/hr.cyrl.docx', 'plan.cyrl.pdf', 'extracts/hr.cyrl.pdf']);
    expect(plan.documents.map((d) => d.files)).toEqual([
      ['plan.cyrl.docx', 'plan.cyrl.pdf'],
      ['extracts/hr.cyrl.docx', 'extracts/hr.cyrl.pdf'],
    ]);
    expect(composed.map((d) => d.files)).toEqual([[], []]);
  });

  it('refuses two documents bound for one path', () => {
    expect(() => planOutput([doc('extracts/hr.cyrl'), doc('extracts/hr.cyrl')], ['pdf'])).toThrow('two documents would be written to extracts/hr.cyrl.pdf');
  });
});
