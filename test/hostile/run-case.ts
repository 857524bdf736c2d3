// Runs one case of the hostile-input corpus (test/hostile/cases/*.yaml) in this process: sets up a scratch copy
// of the project's folders with a previous good out/, applies the case's changes, runs the CLI, and reports the
// exit code, the first message line, and which files changed anywhere in the scratch folder.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'yaml';
import { lockOutput } from '../../src/pipeline/lock.js';
import { outputFs } from '../../src/pipeline/output.js';
import { main } from '../../src/cli/main.js';

export interface HostileCase {
  about: string;
  /** CLI arguments; `{content}`, `{templates}`, `{fonts}`, `{out}`, `{dir}` name the case's folders. Default: build. */
  args?: string[];
  /** Do not append the four folder options to `args`. */
  raw?: boolean;
  write?: Record<string, string>;
  /** Files written from hexadecimal bytes. */
  bytes?: Record<string, string>;
  /** Files re-encoded: `cp1251` (what an office editor may save) or `utf16le`. */
  encode?: Record<string, 'cp1251' | 'utf16le' | 'bom-crlf'>;
  /** Files cut to their first this many bytes (a half-copied font). */
  truncate?: Record<string, number>;
  /** Files made big: a comment of this many bytes, this many extra keys, or lists nested this deep. */
  grow?: Record<string, { comment?: number; keys?: number; nest?: number }>;
  edit?: { file: string; from: string; to: string }[];
  append?: Record<string, string>;
  link?: Record<string, string>;
  remove?: string[];
  /** Every write to out/ fails with this code (a read-only or full disk). */
  fault?: string;
  /** Another build holds out/ (`live`), or a killed one left its lock (`stale`). */
  lock?: 'live' | 'stale';
  exit: number;
  first: string;
  /** `unchanged` (default): out/ byte-identical afterwards; `any`: the case's build may write it. */
  out?: 'unchanged' | 'any';
  /** Files the command is meant to change (lint --fix correcting the files it could read). */
  mayChange?: string[];
}

export interface CaseResult {
  exit: number;
  first: string;
  stdout: string;
  stderr: string;
  /** Files below the case folder that changed, appeared or vanished (outside out/ always; in out/ too unless `out: any`). */
  changed: string[];
}

async function hashes(dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full);
    if (e.isSymbolicLink()) map.set(rel, 'link');
    else if (e.isFile())
      map.set(
        rel,
        createHash('sha256')
          .update(await readFile(full))
          .digest('hex'),
      );
  }
  return map;
}

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _e, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

/** Cyrillic as Windows-1251 bytes; letters that code page lacks (қ ғ ҳ ў …) become `?`, as an editor would save them. */
function cp1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else if (c === 0x40e) out.push(0xa1);
    else if (c === 0x45e) out.push(0xa2);
    else if (c === 0x201c) out.push(0x93);
    else if (c === 0x201d) out.push(0x94);
    else if (c === 0xab) out.push(0xab);
    else if (c === 0xbb) out.push(0xbb);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

export async function loadCase(file: string): Promise<HostileCase> {
  return parse(await readFile(file, 'utf8')) as HostileCase;
}

/**
 * `dir` gets content/, templates/, fonts/ (copies of `base`'s), out/ (a copy of the good build in `base/out`)
 * and outside/victim.txt; then the case runs there.
 */
export async function runCase(c: HostileCase, base: string, dir: string): Promise<CaseResult> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'outside'), { recursive: true });
  for (const d of ['content', 'templates', 'fonts', 'out']) await cp(path.join(base, d), path.join(dir, d), { recursive: true });
  await writeFile(path.join(dir, 'outside/victim.txt'), 'a file outside out/ that no build may touch\n');
  const at = (rel: string) => path.join(dir, rel);
  for (const [rel, text] of Object.entries(c.write ?? {})) {
    await mkdir(path.dirname(at(rel)), { recursive: true });
    await writeFile(at(rel), text);
  }
  for (const [rel, hex] of Object.entries(c.bytes ?? {})) await writeFile(at(rel), Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
  for (const e of c.edit ?? []) {
    const text = await readFile(at(e.file), 'utf8');
    if (!text.includes(e.from)) throw new Error(`case: ${e.file} has no ${JSON.stringify(e.from)}`);
    await writeFile(at(e.file), text.replace(e.from, e.to));
  }
  for (const [rel, text] of Object.entries(c.append ?? {})) await writeFile(at(rel), (await readFile(at(rel), 'utf8')) + text);
  for (const [rel, enc] of Object.entries(c.encode ?? {})) {
    const text = await readFile(at(rel), 'utf8');
    const bytes = {
      cp1251: () => cp1251(text),
      utf16le: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'bom-crlf': () => Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`),
    }[enc]();
    await writeFile(at(rel), bytes);
  }
  for (const [rel, g] of Object.entries(c.grow ?? {})) {
    let extra = g.comment ? `# ${'x'.repeat(g.comment)}\n` : '';
    for (let i = 0; i < (g.keys ?? 0); i++) extra += `k${i}: 1\n`;
    if (g.nest) extra += `deep: ${'['.repeat(g.nest)}${']'.repeat(g.nest)}\n`;
    await writeFile(at(rel), (await readFile(at(rel), 'utf8')) + extra);
  }
  for (const [rel, size] of Object.entries(c.truncate ?? {})) await writeFile(at(rel), (await readFile(at(rel))).subarray(0, size));
  for (const rel of c.remove ?? []) await rm(at(rel), { recursive: true, force: true });
  for (const [rel, target] of Object.entries(c.link ?? {})) {
    await rm(at(rel), { recursive: true, force: true });
    await symlink(path.isAbsolute(target) ? target : path.resolve(dir, target), at(rel));
  }
  if (c.lock === 'stale') await writeFile(at('out/.plan-pipeline.lock'), '999999999\n');

  const before = await hashes(dir);
  const fill = (s: string) => s.replace(/\{(content|templates|fonts|out|dir)\}/g, (_w, k: string) => (k === 'dir' ? dir : path.join(dir, k)));
  const args = (c.args ?? ['build']).map(fill);
  if (!c.raw) args.push('--content', at('content'), '--templates', at('templates'), '--fonts', at('fonts'), '--out', at('out'));

  const saved = { ...outputFs };
  if (c.fault) {
    const fail = async () => {
      throw Object.assign(new Error(`fault ${c.fault}`), { code: c.fault });
    };
    Object.assign(outputFs, { mkdir: fail, writeFile: fail, rename: fail, rm: fail, open: fail });
  }
  const lock = c.lock === 'live' ? await lockOutput(at('out')) : null;
  const out = capture();
  const err = capture();
  let exit: number;
  try {
    exit = await main(args, out.stream, err.stream);
  } finally {
    Object.assign(outputFs, saved);
    await lock?.release();
  }
  const after = await hashes(dir);
  const changed = [...new Set([...before.keys(), ...after.keys()])]
    .filter((k) => before.get(k) !== after.get(k))
    .filter((k) => c.out !== 'any' || !k.startsWith(`out${path.sep}`))
    .filter((k) => !(c.mayChange ?? []).includes(k.split(path.sep).join('/')));
  const stderr = err.text();
  const stdout = out.text();
  // Progress lines ("rendered 3 of 18 files…") come and go with the machine's speed: the first message is the first other line.
  const first = ((stderr || stdout).split('\n').find((l) => !/^rendered \d+ of \d+ files…$/.test(l)) ?? '')
    .split(path.resolve(dir))
    .join('{dir}')
    .split(dir)
    .join('{dir}')
    .replace(`(process ${process.pid})`, '(process {pid})');
  return { exit, first, stdout, stderr, changed };
}
