// Every validation error names file:line:column of the offending value, the field, what was expected and
// what was found; one run reports every problem in every file.
import { DEADLINE_SYNTAX } from '../../src/domain/deadline.js';
import { describe, expect, it } from 'vitest';
import { ContentError, formatDiagnostic } from '../../src/content/diagnostics.js';
import { loadPlan } from '../../src/content/load.js';
import { contentPerTest, positionOf } from '../support/content-fixture.js';

const fx = contentPerTest();

async function diagnosticsOf() {
  try {
    await loadPlan(fx.dir);
  } catch (e) {
    if (e instanceof ContentError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected the content to be rejected');
}

const errorsOf = async () => (await diagnosticsOf()).map(formatDiagnostic);
const rulesOf = async () => (await diagnosticsOf()).map((d) => d.ruleId);

/** `file:line:column` of the `occurrence`th `needle` in a fixture file (after the edit). */
async function at(rel: string, needle: string, occurrence = 1): Promise<string> {
  const { line, column } = positionOf(await fx.read(rel), needle, occurrence);
  return `${fx.display(rel)}:${line}:${column}`;
}

describe('content validation', () => {
  it('accepts the shipped content', async () => {
    const plan = await loadPlan(fx.dir);
    expect(plan.items.map((i) => i.number)).toEqual([1, ...Array.from({ length: 29 }, (_, i) => i + 3)]);
  });

  it('names an unknown department with its place and the ids it expected', async () => {
    await fx.edit('items/08.yaml', 'responsible: [prevention]', 'responsible: [prevention, press2]');
    expect(await errorsOf()).toEqual([
      `${await at('items/08.yaml', 'press2')}  error  Unknown department \`press2\`, expected one declared in departments.yaml: analysis, prevention, monitoring, openness, public-relations, press, hr, legal, all-units, units-concerned (responsible[1])  ref/department`,
    ]);
  });

  it('names an unknown legal act', async () => {
    await fx.edit('items/05.yaml', 'basis: [pq-81]', 'basis: [pq-81, pf-999]');
    expect(await errorsOf()).toEqual([
      `${await at('items/05.yaml', 'pf-999')}  error  Unknown legal act \`pf-999\`, expected one declared in acts.yaml: pf-6013, pf-6247, pq-81, pq-240, pf-154, pq-300, pf-200 (basis[1])  ref/act`,
    ]);
  });

  it('rejects a duplicate item number and points at the first use', async () => {
    await fx.edit('items/07.yaml', 'number: 7', 'number: 6');
    expect(await errorsOf()).toEqual([
      `${await at('items/07.yaml', '6')}  error  Duplicate item number \`6\`, expected each number once (number)  item/duplicate-number\n  ${await at('items/06.yaml', '6')}  first used here`,
    ]);
  });

  it('rejects a step deadline count that does not match the steps', async () => {
    await fx.edit('items/08.yaml', 'deadlines: [2024-02, 2024-02, 2024-03]', 'deadlines: [2024-02, 2024-03]');
    expect(await errorsOf()).toEqual([
      `${await at('items/08.yaml', '[2024-02, 2024-03]')}  error  2 step deadlines for 3 steps, expected one deadline per step (deadlines)  deadline/step-count`,
    ]);
  });

  it('rejects dates that do not exist', async () => {
    await fx.edit('acts.yaml', 'date: 2022-05-11', 'date: 2022-02-30');
    await fx.edit('plan.yaml', 'date: 2024-01-04', 'date: 2024-13-04');
    expect(await errorsOf()).toEqual([
      `${await at('acts.yaml', '2022-02-30')}  error  Expected a date that exists in the calendar, found \`2022-02-30\` (acts[3].date)  schema/format`,
      `${await at('plan.yaml', '2024-13-04')}  error  Expected a date that exists in the calendar, found \`2024-13-04\` (approval.date)  schema/format`,
    ]);
  });

  it('rejects a deadline written in no known notation', async () => {
    await fx.edit('items/15.yaml', 'deadline: 2024-06', 'deadline: June 2024');
    expect(await errorsOf()).toEqual([
      `${await at('items/15.yaml', 'June 2024')}  error  Expected a deadline: ${DEADLINE_SYNTAX}, found \`June 2024\` (deadline)  schema/format`,
    ]);
  });

  it('names wrong types, unknown fields and missing fields', async () => {
    await fx.edit('plan.yaml', 'signer: А. Бурханов', 'signer: 12');
    await fx.edit('items/31.yaml', 'result:', 'resutl:');
    expect(await errorsOf()).toEqual([
      `${fx.display('items/31.yaml')}:1:1  error  Missing \`result\`, expected text (result)  schema/missing`,
      `${await at('items/31.yaml', 'resutl')}  error  Unknown field \`resutl\`, expected only the fields the format defines (see content/README.md) (resutl)  schema/unknown-field`,
      `${await at('plan.yaml', '12')}  error  Expected text, found \`12\` (approval.signer)  schema/invalid-type`,
    ]);
  });

  it('reports YAML syntax errors at their place', async () => {
    await fx.write('items/40.yaml', 'number: 40\nmeasure: a: b\n');
    expect(await errorsOf()).toEqual([`${fx.display('items/40.yaml')}:2:10  error  Nested mappings are not allowed in compact mappings  yaml/syntax`]);
  });

  it('reports every problem in every file at once', async () => {
    await fx.edit('items/08.yaml', 'responsible: [prevention]', 'responsible: [nobody]');
    await fx.edit('items/05.yaml', 'basis: [pq-81]', 'basis: [pq-999]');
    await fx.edit('items/07.yaml', 'number: 7', 'number: 6');
    await fx.edit('acts.yaml', 'date: 2022-05-11', 'date: 2022-02-30');
    await fx.edit('items/15.yaml', 'deadline: 2024-06', 'deadline: 2024-6');
    expect(await rulesOf()).toEqual(['schema/format', 'ref/act', 'item/duplicate-number', 'ref/department', 'schema/format']);
  });

  it('checks references even when the registry itself has an error', async () => {
    await fx.edit('acts.yaml', 'date: 2022-05-11', 'date: 2022-02-30');
    await fx.edit('items/05.yaml', 'basis: [pq-81]', 'basis: [pq-81, pf-999]');
    expect(await rulesOf()).toEqual(['schema/format', 'ref/act']);
  });

  it('rejects an act declared twice under two ids', async () => {
    const acts = await fx.read('acts.yaml');
    await fx.write('acts.yaml', `${acts.trimEnd()}\n  - id: pf-6013-bis\n    issuer: president\n    kind: decree\n    number: "6013"\n    date: 2020-06-20\n`);
    expect(await errorsOf()).toEqual([
      `${await at('acts.yaml', 'pf-6013-bis')}  error  Act \`pf-6013-bis\` (ПФ-6013) is declared twice, expected each act once so every citation shares one date (acts[7].id)  act/duplicate\n  ${await at('acts.yaml', 'pf-6013')}  first declared here`,
    ]);
  });

  it('rejects both deadline forms on one item, and none', async () => {
    await fx.edit('items/15.yaml', 'deadline: 2024-06', 'deadline: 2024-06\ndeadlines: [2024-06]');
    await fx.edit('items/14.yaml', 'deadline: 2024-05\n', '');
    const errors = await errorsOf();
    expect(errors).toEqual([
      `${fx.display('items/14.yaml')}:1:1  error  Missing \`deadline\`, expected \`deadline\` for the whole item or \`deadlines\` with one per step  deadline/missing`,
      `${await at('items/15.yaml', '[2024-06]')}  error  Both \`deadline\` and \`deadlines\`, expected one: \`deadline\` for the whole item or \`deadlines\` with one per step (deadlines)  deadline/both`,
    ]);
  });
});
