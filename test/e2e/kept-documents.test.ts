// A build keeps a document's files without composing it only when everything it is made from is as it was: after a
// one-item change, an edited template or locale, or a changed font, what it writes is byte for byte what a build
// into an empty folder writes, and what it keeps is what it would have written.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, DEFAULT_DIRS, type BuildOptions } from '../../src/pipeline/build.js';
import { inputsKey } from '../../src/pipeline/inputs-key.js';
import { contentFixture, SCRATCH, type ContentFixture } from '../support/content-fixture.js';
import { fileHashes } from '../support/files.js';

const documents = (name: string) => /\.(docx|pdf)$|^index\.md$/.test(name);

let fx: ContentFixture;
let root: string;
let options: BuildOptions;
beforeAll(async () => {
  fx = await contentFixture();
  root = await mkdtemp(path.join(SCRATCH, 'kept-'));
  const templatesDir = path.join(root, 'templates');
  const fontsDir = path.join(root, 'fonts');
  await cp(DEFAULT_DIRS.templatesDir, templatesDir, { recursive: true });
  await cp(DEFAULT_DIRS.fontsDir, fontsDir, { recursive: true });
  options = { contentDir: fx.dir, templatesDir, fontsDir, outDir: path.join(root, 'out') };
  await build(options);
}, 120_000);
afterAll(async () => {
  await fx.remove();
  await rm(root, { recursive: true, force: true });
});

/** Builds into the kept folder, then into an empty one: the two must hold the same bytes. */
async function rebuildMatchesFresh(label: string): Promise<string[]> {
  const result = await build(options);
  const fresh = path.join(root, `fresh-${label}`);
  await build({ ...options, outDir: fresh });
  expect(await fileHashes(options.outDir, documents)).toEqual(await fileHashes(fresh, documents));
  return result.rendered.map((f) => path.relative(options.outDir, f).split(path.sep).join('/')).sort();
}

describe('documents kept by their inputs', () => {
  it('keeps everything when nothing changed, and re-renders only what a one-item change touches', async () => {
    const again = await build(options);
    expect(again.rendered).toEqual([]);
    expect(again.timings.compose).toBeLessThan(again.timings.load! + 1000); // sanity: the figures are there
    await fx.edit('items/14.yaml', 'deadline: 2024-05', 'deadline: 2024-06');
    expect(await rebuildMatchesFresh('item')).toEqual(['extracts/monitoring.cyrl.docx', 'extracts/monitoring.cyrl.pdf', 'plan.cyrl.docx', 'plan.cyrl.pdf']);
    await fx.edit('items/14.yaml', 'deadline: 2024-06', 'deadline: 2024-05');
    expect(await rebuildMatchesFresh('item-back')).toHaveLength(4);
  }, 120_000);

  it('composes again after a template, a locale or a font file changes', async () => {
    const extract = path.join(options.templatesDir, 'extract.hbs');
    const original = await readFile(extract, 'utf8');
    await writeFile(extract, original.replace('{{> amended}}', '{{> amended}}\n<p>Кўчирма.</p>'));
    const afterTemplate = await rebuildMatchesFresh('template');
    expect(afterTemplate.filter((f) => f.startsWith('extracts/')).length).toBeGreaterThan(0);
    expect(afterTemplate.filter((f) => f.startsWith('plan.'))).toEqual([]);
    await writeFile(extract, original);

    const locale = path.join(options.templatesDir, 'locale.yaml');
    const text = await readFile(locale, 'utf8');
    await writeFile(locale, text.replace('continued: давоми', 'continued: давоми…'));
    expect(await rebuildMatchesFresh('locale')).toContain('plan.cyrl.pdf');
    await writeFile(locale, text);

    // A font file no document names still changes the fonts folder's version: every file is made again.
    await writeFile(path.join(options.fontsDir, '.unused.ttf'), 'x');
    expect(await rebuildMatchesFresh('font')).toHaveLength(18);
  }, 240_000);
});

describe('inputs key', () => {
  const base = { versions: 'v', template: 'plan', edition: 'cyrl', script: 'cyrl' };
  const key = (view: unknown) => inputsKey({ ...base, view });
  it('tells apart what a template can tell apart, and gives up on what is not plain data', () => {
    expect(key({ a: 1, b: [1, 2] })).toBe(key({ a: 1, b: [1, 2] }));
    expect(key({ a: 1, b: 2 })).not.toBe(key({ b: 2, a: 1 })); // `each` over an object sees its key order
    expect(key({ a: undefined })).not.toBe(key({})); // strict templates fail on a missing field
    expect(key({ a: '1' })).not.toBe(key({ a: 1 }));
    expect(key({ a: ['x', 'y'] })).not.toBe(key({ a: ['xy'] }));
    expect(key([1, , 3])).toBeNull(); // a hole: `each` skips it
    expect(key({ m: new Map() })).toBeNull();
    expect(key({ d: new Date(0) })).toBeNull();
    expect(key({ f: () => 1 })).toBeNull();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(key(cycle)).toBeNull();
    expect(inputsKey({ ...base, edition: 'latn', view: {} })).not.toBe(key({}));
    expect(inputsKey({ ...base, versions: 'w', view: {} })).not.toBe(key({}));
  });
});
