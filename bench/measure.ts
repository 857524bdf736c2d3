// Running the measured processes (our command, our plan PDF, Typst, LibreOffice) and summarising their figures.
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { bundleOptions, sourceHash } from '../bin/compile.js';
import { which } from '../scripts/lib/programs.js';
import { convertWithLibreOffice } from '../scripts/lib/libreoffice.js';
import type { ChildResult } from './child.js';

export interface ProcessRun extends ChildResult {
  /** Parent's clock: spawn to exit, node start-up and module loading included. */
  wall: number;
}

/** A process's wall time from its parent's clock, and its peak memory (GNU time, when installed). */
export interface Timed {
  wall: number;
  peakMB: number | null;
  stdout: string;
}

const TIME = which('time');

/** Runs `command` to completion, timing it from here; with GNU time, also the peak RSS of its biggest process. */
export function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 900_000): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const argv = TIME ? [TIME, '-f', 'peak-kb %M', command, ...args] : [command, ...args];
    const t0 = performance.now();
    const p = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      const wall = performance.now() - t0;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${err.trim()}`));
      const kb = /peak-kb (\d+)/.exec(err)?.[1];
      resolve({ wall, peakMB: kb ? Math.round(Number(kb) / 1024) : null, stdout: out });
    });
  });
}

/** The README's command, cold: `npm run build` in a fresh process, from npm's start to its exit. */
export function npmBuild(contentDir: string, outDir: string): Promise<Timed> {
  return timedRun('npm', ['run', '--silent', 'build', '--', '--content', contentDir, '--out', outDir]);
}

/**
 * bench/child.ts compiled to plain JavaScript exactly as bin/compile.js compiles the command (the same packages
 * bundled in, the same taken from node_modules), split so that each route loads only its own modules. Inside the
 * project's .tmp/, so the compiled code finds the project root.
 */
export async function compileChild(): Promise<string> {
  const outdir = path.resolve('.tmp/bench-child');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const options = bundleOptions(sourceHash()) as { external: string[] };
  // Typst's compiler is a native module: loaded from node_modules, as it would be by anyone using it.
  await esbuild({ ...options, external: [...options.external, '@myriaddreamin/typst-ts-node-compiler'], entryPoints: ['bench/child.ts'], outdir });
  return path.join(outdir, 'child.js');
}

/** One run of the compiled child in a fresh Node process. */
export async function child(script: string, args: string[]): Promise<ProcessRun> {
  const run = await timedRun(process.execPath, [script, ...args]);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (!line.startsWith('{')) throw new Error(`bench child ${args.join(' ')} printed no result`);
  return { ...(JSON.parse(line) as ChildResult), wall: run.wall };
}

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Stage by stage median over several runs' timings. */
export function medianStages(list: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(list.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(names.map((n) => [n, median(list.map((s) => s[n] ?? 0))]));
}

/** Pages of a PDF, counted from its page objects (our writer and LibreOffice both write them in the clear). */
export async function pdfPages(file: string): Promise<number> {
  const text = (await readFile(file)).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Every DOCX a build wrote (plan, extracts, in every edition), by path relative to the output folder. */
export async function docxSet(outDir: string): Promise<Map<string, string>> {
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.docx')).sort();
  return new Map(files.map((f) => [f, path.join(outDir, f)]));
}

/** The plan's PDF in a build's output folder (`plan.pdf`, or the first edition's `plan.cyrl.pdf`). */
export async function planPdf(outDir: string): Promise<string | null> {
  const name = (await readdir(outDir)).filter((f) => /^plan(\.[a-z]+)?\.pdf$/.test(f)).sort()[0];
  return name ? path.join(outDir, name) : null;
}

export interface LibreOfficeRun {
  ms: number;
  files: number;
  converted: number;
  planPages: number;
}

/** The LibreOffice route: the same DOCX set to PDF in one soffice call, in a fresh profile. */
export async function libreOffice(outDir: string, workDir: string): Promise<LibreOfficeRun> {
  const inputs = await docxSet(outDir);
  const conversion = await convertWithLibreOffice(inputs, workDir, 900_000);
  const converted = [...conversion.pdfs.values()].filter(Boolean).length;
  const planKey = [...inputs.keys()].find((k) => /^plan(\.[a-z]+)?\.docx$/.test(k));
  const plan = planKey ? conversion.pdfs.get(planKey) : null;
  return { ms: conversion.ms, files: inputs.size, converted, planPages: plan ? await pdfPages(plan) : 0 };
}
