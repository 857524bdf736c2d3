// The workspace's writes keep each file as it is laid out: only the nodes whose values changed are rewritten.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editYaml, newYaml, YamlEditError } from '../../../src/workspace/yaml-edit.js';

const text = readFileSync('content/items/05.yaml', 'utf8');
const data = parse(text) as { mechanism: { steps: string[] }; deadlines: string[]; measure: string; [k: string]: unknown };
const lines = (s: string) => s.split('\n');

describe('editYaml', () => {
  it('rewrites one value of a flow list and nothing else', () => {
    const out = editYaml(text, { ...data, deadlines: ['2024-02', '2024-05', '2024-04'] });
    expect(out).toBe(text.replace('[2024-02, 2024-03, 2024-04]', '[2024-02, 2024-05, 2024-04]'));
  });

  it("keeps every folded step's own text when steps are reordered, and adds a step in the list's layout", () => {
    const [a, b, c] = data.mechanism.steps;
    const swapped = editYaml(text, { ...data, mechanism: { steps: [b, a, c] } });
    expect(lines(swapped).sort()).toEqual(lines(text).sort()); // the same lines, moved
    const added = editYaml(text, { ...data, mechanism: { steps: [a, b, c, 'Янги қадам.'] }, deadlines: [...data.deadlines, '2024-06'] });
    expect(added).toBe(text.replace('тавсиялар киритиш.\n', 'тавсиялар киритиш.\n    - Янги қадам.\n').replace('2024-04]', '2024-04, 2024-06]'));
  });

  it('re-folds a changed long text at its own indent, keeps the other texts, puts a new key where the value lists it', () => {
    const out = editYaml(text, { withdrawn: 'order-45', ...data, measure: `${data.measure} ва натижаларини эълон қилиш` });
    expect(out.startsWith('withdrawn: order-45\nnumber: 5\nmeasure: >-\n  Давлат органлари')).toBe(true);
    expect(out).toContain('баҳолашдан ўтказилишини таъминлаш ва натижаларини эълон қилиш\nmechanism:');
    expect(out.slice(out.indexOf('mechanism:'))).toBe(text.slice(text.indexOf('mechanism:')));
  });

  it('removes a key with its lines, and swaps per-step deadlines for one deadline', () => {
    const { deadlines: _, ...rest } = data;
    const out = editYaml(text, { ...rest, deadline: 'continuous' });
    expect(out).not.toContain('deadlines:');
    expect(parse(out)).toEqual({ ...rest, deadline: 'continuous' });
  });

  it('refuses a file that is not a YAML map, writing nothing', () => {
    expect(() => editYaml('- a\n- b\n', { a: 1 })).toThrow(YamlEditError);
  });

  it('quotes what would not read back as written (a number-like text, a colon)', () => {
    const out = newYaml({ id: 'order-45', basis: { number: '45', issuer: 'Агентлик: директор' }, items: [5, 12] });
    expect(parse(out)).toEqual({ id: 'order-45', basis: { number: '45', issuer: 'Агентлик: директор' }, items: [5, 12] });
    expect(out).toContain('number: "45"');
  });
});
