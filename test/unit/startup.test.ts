// What a fresh process pays before it builds: the command loads only its own modules, and the tool version the
// manifest records comes from the compiled code's own source hash, changing with any source.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceHash } from '../../bin/compile.js';
import { filesIn } from '../../src/folders.js';
import { toolVersion } from '../../src/pipeline/manifest.js';
import { SCRATCH } from '../support/content-fixture.js';

const run = promisify(execFile);
const RECORDER = fileURLToPath(new URL('../support/record-loads.mjs', import.meta.url));
const DIST = new URL('../../dist/', import.meta.url).href;

let dir: string;
beforeAll(async () => {
  await mkdir(SCRATCH, { recursive: true });
  dir = await mkdtemp(path.join(SCRATCH, 'startup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('start-up', () => {
  it('the compiled `build` loads neither the workspace, the DOCX import nor jszip, requires pdfkit and linebreak, and records the compiled source hash', async () => {
    const loads = path.join(dir, 'loads.txt');
    const out = path.join(dir, 'out');
    await run(process.execPath, ['--import', RECORDER, 'bin/plan-pipeline.js', 'build', '--format', 'docx', '--quiet', '--out', out], {
      env: { ...process.env, RECORD_LOADS: loads },
    });
    const urls = (await readFile(loads, 'utf8')).split('\n');
    // pdfkit and linebreak come through require (bin/compile.js): one linebreak, pdfkit's, and no export scan.
    expect(urls.filter((u) => /\/node_modules\/(pdfkit|linebreak)\//.test(u))).toEqual([]);
    const chunks = urls.filter((u) => u.startsWith(DIST));
    expect(chunks.length).toBeGreaterThan(1);
    const modules = (await Promise.all(chunks.map((u) => readFile(fileURLToPath(u), 'utf8')))).flatMap(
      (text) => text.match(/^\/\/ (src|node_modules)\/\S+/gm) ?? [],
    );
    expect(modules).toContain('// src/pipeline/build.ts');
    expect(modules.filter((m) => /^\/\/ (src\/workspace|src\/import|node_modules\/jszip|node_modules\/@xmldom|node_modules\/fast-glob)\//.test(m))).toEqual([]);

    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { tool: string };
    expect(manifest.tool).toMatch(new RegExp(` src:${sourceHash()}$`));
    expect(chunks.every((u) => u.startsWith(`${DIST}${sourceHash()}/`))).toBe(true);
    // Run from the sources, the same version: switching between the two renders nothing again.
    expect(await toolVersion()).toBe(manifest.tool);
  });

  it('the source hash changes with any source, the compile settings or the locked packages, not with the served browser scripts', async () => {
    const root = path.join(dir, 'project');
    await mkdir(path.join(root, 'src', 'workspace', 'static'), { recursive: true });
    await writeFile(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    await writeFile(path.join(root, 'src', 'workspace', 'static', 'page.js'), 'void 0;\n');
    await writeFile(path.join(root, 'package-lock.json'), '{}\n');
    await writeFile(path.join(root, 'tsconfig.json'), '{}\n');
    const first = sourceHash(root);
    expect(sourceHash(root)).toBe(first);
    const changed = async (file: string, text: string) => {
      const full = path.join(root, file);
      const before = await readFile(full, 'utf8').catch(() => null);
      await writeFile(full, text);
      const hash = sourceHash(root);
      if (before === null) await rm(full);
      else await writeFile(full, before);
      expect(sourceHash(root)).toBe(first);
      return hash;
    };
    expect(await changed('src/a.ts', 'export const a = 2;\n')).not.toBe(first);
    expect(await changed('src/b.ts', 'export const b = 1;\n')).not.toBe(first);
    expect(await changed('package-lock.json', '{"lockfileVersion":3}\n')).not.toBe(first);
    expect(await changed('tsconfig.json', '{"compilerOptions":{}}\n')).not.toBe(first);
    expect(await changed('src/workspace/static/page.js', 'void 1;\n')).toBe(first);
    await cp(path.join(root, 'src', 'a.ts'), path.join(root, 'src', 'a.ts.bak'));
    expect(sourceHash(root)).toBe(first); // not a source
  });

  it('lists a folder as the glob library did: hidden names only when asked, links followed, a missing folder empty', async () => {
    const tree = path.join(dir, 'tree');
    await mkdir(path.join(tree, 'sub', 'deeper'), { recursive: true });
    await mkdir(path.join(tree, '.hidden'), { recursive: true });
    for (const f of ['a.yaml', '.b.yaml', 'sub/c.hbs', 'sub/deeper/d.hbs', '.hidden/e.hbs']) await writeFile(path.join(tree, f), f);
    await symlink(path.resolve(tree, 'a.yaml'), path.join(tree, 'link.yaml'));
    await symlink(path.resolve(tree, 'nowhere'), path.join(tree, 'broken.yaml'));
    // The glob library itself agrees (the workspace still uses it).
    expect((await filesIn(tree, { recursive: true, dot: true })).sort()).toEqual((await fg('**/*', { cwd: tree, dot: true })).sort());
    expect((await filesIn(tree)).sort()).toEqual((await fg('*', { cwd: tree })).sort());
    // A link back up is followed once (the glob library went round it until the system refused).
    await symlink(path.resolve(tree, 'sub'), path.join(tree, 'sub', 'deeper', 'loop'));
    expect((await filesIn(tree)).sort()).toEqual(['a.yaml', 'link.yaml']);
    expect((await filesIn(tree, { dot: true })).sort()).toEqual(['.b.yaml', 'a.yaml', 'link.yaml']);
    expect((await filesIn(tree, { recursive: true })).sort()).toEqual(['a.yaml', 'link.yaml', 'sub/c.hbs', 'sub/deeper/d.hbs']);
    expect((await filesIn(tree, { recursive: true, dot: true })).sort()).toEqual([
      '.b.yaml',
      '.hidden/e.hbs',
      'a.yaml',
      'link.yaml',
      'sub/c.hbs',
      'sub/deeper/d.hbs',
    ]);
    expect(await filesIn(path.join(tree, 'missing'))).toEqual([]);
    expect(await filesIn(path.join(tree, 'a.yaml'))).toEqual([]);
  });
});
