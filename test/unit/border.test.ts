// The checks at the border, one by one: encodings, characters, safe output paths, linear-time key checks, and
// lint --fix keeping a byte-order mark and CRLF line ends.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeRelative } from '../../src/pipeline/output.js';
import { decodeText, illegalChars } from '../../src/content/text-hygiene.js';
import { readYamlFile } from '../../src/content/yaml-source.js';
import { zodDiagnostics } from '../../src/content/zod-diagnostics.js';
import { itemSchemaFor } from '../../src/content/schema.js';
import { DEFAULT_COLUMNS } from '../../src/domain/shape.js';
import { main } from '../../src/cli/main.js';
import { contentFixture, type ContentFixture } from '../support/content-fixture.js';

const sink = { write: () => true };

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark and keeps CRLF', () => {
    expect(decodeText(Buffer.from('\ufeffa: 1\r\nb: 2\r\n'), 'f.yaml')).toEqual({ text: 'a: 1\r\nb: 2\r\n' });
  });
  it('places the first byte that is not UTF-8 at its line and column', () => {
    const r = decodeText(Buffer.concat([Buffer.from('a: 1\nbб: '), Buffer.from([0xe9, 0x41])]), 'f.yaml');
    expect('diagnostic' in r && [r.diagnostic.line, r.diagnostic.column, r.diagnostic.ruleId]).toEqual([2, 5, 'file/encoding']);
  });
  it('refuses UTF-16', () => {
    const r = decodeText(Buffer.from([0xff, 0xfe, 0x61, 0]), 'f.yaml');
    expect('diagnostic' in r && r.diagnostic.message).toMatch(/^File saved as UTF-16, expected UTF-8/);
  });
});

describe('illegalChars', () => {
  it('finds control characters, U+FFFE and lone surrogates at their place, and keeps tab, CR, LF and pairs', () => {
    const found = illegalChars('ok\t\r\n😀 a\u0001b\ufffe\ud800', 'f');
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [2, 4],
      [2, 6],
      [2, 7],
    ]);
  });
});

describe('safeRelative', () => {
  it.each(['../x.pdf', '/etc/passwd', 'a/../b.pdf', 'a//b.pdf', './a.pdf', '.hidden.pdf', 'a\\b.pdf', 'C:x.pdf', ''])('refuses %j', (p) => {
    expect(safeRelative(p)).toBeNull();
  });
  it('accepts the names a build makes', () => {
    expect(safeRelative('extracts/hr.cyrl.pdf')).toBe('extracts/hr.cyrl.pdf');
  });
});

describe('unknown fields', () => {
  it('are checked in linear time and bounded, with a count of the rest', async () => {
    const text = `number: 5\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: 1\n`).join('')}`;
    const t0 = performance.now();
    const { YamlSource } = await import('../../src/content/yaml-source.js');
    const source = new YamlSource('f.yaml', text);
    expect(source.syntaxDiagnostics()).toEqual([]);
    const data = source.data();
    const result = itemSchemaFor(DEFAULT_COLUMNS).safeParse(data);
    const diags = result.success ? [] : zodDiagnostics(source, data, result.error).filter((d) => d.ruleId === 'schema/unknown-field');
    expect(performance.now() - t0).toBeLessThan(8000);
    expect(diags).toHaveLength(21);
    expect(diags.at(-1)!.message).toBe('and 39980 more unknown fields in this file (40000 in all)');
  });
});

describe('lint --fix', () => {
  let fx: ContentFixture;
  afterEach(async () => fx?.remove());
  it('keeps a byte-order mark and CRLF line ends in the files it corrects', async () => {
    fx = await contentFixture();
    const file = path.join(fx.dir, 'items/07.yaml');
    const before = await readFile(file, 'utf8');
    const saved = `\ufeff${before.replace(/\n/g, '\r\n')}`;
    await writeFile(file, saved);
    await main(['lint', '--fix', '--content', fx.dir], sink, sink);
    const after = await readFile(file);
    expect(after.toString('utf8'), 'the file was corrected').not.toBe(saved);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.toString('utf8')).not.toMatch(/[^\r]\n/);
    const read = await readYamlFile(file, 'f');
    expect(read && 'source' in read).toBe(true);
  });
});
