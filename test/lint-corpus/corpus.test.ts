// The held-out lint corpus: at least 80 realistic defects and 20 correct-but-unusual texts; lint with the
// project's lint.yaml must catch at least 90% of the defects and report nothing on the negative cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { measure, report, type Measure } from './corpus.js';

describe('lint corpus', () => {
  let m: Measure;
  beforeAll(async () => {
    m = await measure();
    console.log(report(m));
  }, 300_000);

  it('has at least 80 defects and 20 negative cases', () => {
    expect(m.defects.length).toBeGreaterThanOrEqual(80);
    expect(m.negatives.length).toBeGreaterThanOrEqual(20);
  });

  it('catches at least 90% of the defects', () => {
    expect(m.recall, report(m)).toBeGreaterThanOrEqual(0.9);
  });

  it('reports nothing on the negative cases', () => {
    expect(m.negatives.filter((o) => o.fresh.length).map((o) => o.case.to), report(m)).toEqual([]);
  });
});
