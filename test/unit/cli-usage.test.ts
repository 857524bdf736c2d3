// The command line as people expect it: --version, help per command, one-line usage errors, --quiet, and a
// build with nothing to do that says so.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../src/cli/main.js';
import { SCRATCH } from '../support/content-fixture.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
  return { code, out, err };
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('command line', () => {
  it('prints its version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe(`plan-pipeline ${pkg.version} (Node ${process.versions.node})\n`);
  });

  it.each([[['help', 'lint']], [['lint', '--help']], [['lint', '-h']]])("%j shows that command's options only", async (args) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^Usage: plan-pipeline lint \[options\]\n/);
    expect(r.out).toContain('--fix');
    expect(r.out).not.toContain('--department');
  });

  it('answers a usage mistake in one line that names the help', async () => {
    const r = await run(['build', '--colour']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe('Unknown option `--colour` for build; run `plan-pipeline help build` for its options\n');
  });

  it('says `nothing rendered` when nothing was, and --quiet prints nothing', async () => {
    const out = path.relative(process.cwd(), await mkdtemp(path.join(SCRATCH, 'cli-usage-')));
    dirs.push(out);
    const quiet = await run(['build', '--quiet', '--format', 'docx', '--out', out]);
    expect(quiet).toEqual({ code: EXIT.ok, out: '', err: '' });
    const again = await run(['build', '--format', 'docx', '--out', out]);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toMatch(/\nnothing rendered: all 9 files of 9 documents are up to date \(\d+ ms\)\n$/);
    expect(again.out).not.toContain('built ');
  });
});
