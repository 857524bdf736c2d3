// numbering/gap, numbering/duplicate, numbering/file-name, numbering/step-label.
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, lintLines } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

describe('numbering/gap', () => {
  it('reports a missing number, such as item 2 of the signed plan when it is not allowed', async () => {
    expect(await lintLines(fx, 'numbering/gap', { allow: [] })).toEqual([
      `${await at(fx, 'items/03.yaml', '3')}  warning  Unexpected gap: no item 2 before item 3, expected consecutive numbers (or 2 under \`allow\` in lint.yaml) (number)  numbering/gap`,
    ]);
  });

  it('reports several missing numbers at once', async () => {
    await fx.edit('items/31.yaml', 'number: 31', 'number: 34');
    await rename(path.join(fx.dir, 'items/31.yaml'), path.join(fx.dir, 'items/34.yaml'));
    expect(await lintLines(fx, 'numbering/gap', { allow: [2] })).toEqual([
      `${await at(fx, 'items/34.yaml', '34')}  warning  Unexpected gap: no items 31, 32, 33 before item 34, expected consecutive numbers (or 31, 32, 33 under \`allow\` in lint.yaml) (number)  numbering/gap`,
    ]);
  });

  it('accepts the gaps lint.yaml allows (item 2)', async () => {
    expect(await lintLines(fx, 'numbering/gap', { allow: [2] })).toEqual([]);
  });
});

describe('numbering/duplicate', () => {
  it('reports a second item with the same number and points at the first', async () => {
    await fx.edit('items/07.yaml', 'number: 7', 'number: 6');
    expect(await lintLines(fx, 'numbering/duplicate')).toEqual([
      `${await at(fx, 'items/07.yaml', '6')}  error  Unexpected second item 6, expected each number once (number)  numbering/duplicate\n  ${await at(fx, 'items/06.yaml', '6')}  first used here`,
    ]);
  });

  it('accepts distinct numbers', async () => {
    expect(await lintLines(fx, 'numbering/duplicate')).toEqual([]);
  });
});

describe('numbering/file-name', () => {
  it('reports a file named after another number than the one it holds', async () => {
    await fx.edit('items/07.yaml', 'number: 7', 'number: 2');
    expect(await lintLines(fx, 'numbering/file-name')).toEqual([
      `${await at(fx, 'items/07.yaml', '2')}  warning  Unexpected number \`2\` in \`07.yaml\`, expected \`7\` as the file's name says (or rename the file to \`02.yaml\`) (number)  numbering/file-name`,
    ]);
  });

  it('accepts files named `NN.yaml` after their numbers', async () => {
    expect(await lintLines(fx, 'numbering/file-name')).toEqual([]);
  });
});

describe('numbering/step-label', () => {
  it('reports a step typed with its own number', async () => {
    await fx.edit('items/29.yaml', 'ННТлар учун семинар', '1. ННТлар учун семинар');
    expect(await lintLines(fx, 'numbering/step-label')).toEqual([
      `${await at(fx, 'items/29.yaml', '1. ННТлар учун семинар')}  warning  Unexpected \`1.\` at the start of a step, expected the text alone (the program numbers steps) (mechanism.steps[0])  numbering/step-label`,
    ]);
  });

  it('accepts steps without numbers', async () => {
    expect(await lintLines(fx, 'numbering/step-label')).toEqual([]);
  });
});
