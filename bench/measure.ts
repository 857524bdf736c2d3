// Running the measured children and LibreOffice, and summarising their figures.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { convertWithLibreOffice } from '../scripts/lib/libreoffice.js';
import type { ChildResult } from './child.js';

export interface ProcessRun extends ChildResult {
  /** Parent's clock: spawn to exit, node start-up and module loading included. */
  wall: number;
}

/** Runs bench/child.ts in a fresh Node process (TypeScript through tsx, as `npm run build` does). */
export function child(mode: string, contentDir: string, outDir: string, warm: number): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['--import', 'tsx', 'bench/child.ts', mode, contentDir, outDir, String(warm)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 240_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      const wall = performance.now() - t0;
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`bench/child.ts ${mode} ${contentDir} exited ${code}:\n${err.trim()}`));
      resolve({ ...(JSON.parse(line) as ChildResult), wall });
    });
  });
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

/** Pages of a PDF, counted from its page objects (pdfmake and LibreOffice both write them in the clear). */
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
  const conversion = await convertWithLibreOffice(inputs, workDir, 280_000);
  const converted = [...conversion.pdfs.values()].filter(Boolean).length;
  const planKey = [...inputs.keys()].find((k) => /^plan(\.[a-z]+)?\.docx$/.test(k));
  const plan = planKey ? conversion.pdfs.get(planKey) : null;
  return { ms: conversion.ms, files: inputs.size, converted, planPages: plan ? await pdfPages(plan) : 0 };
}
