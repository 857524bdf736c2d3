// DOCX → PDF with LibreOffice: one soffice call for a whole set of files, in a profile of its own.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run, type RunResult } from './programs.js';

export interface Conversion {
  /** Input key → the PDF LibreOffice wrote, or null when it wrote none. */
  pdfs: Map<string, string | null>;
  /** Wall time of the soffice call alone. */
  ms: number;
  result: RunResult;
}

/**
 * Converts `inputs` (key → DOCX path) in one soffice call. The files are first copied under unique names
 * (`plan.docx` and `extracts/plan.docx` would otherwise both become `plan.pdf`), and LibreOffice gets a fresh
 * user profile inside `workDir`, so two runs at the same time never share (and lock) one profile.
 */
export async function convertWithLibreOffice(inputs: Map<string, string>, workDir: string, timeoutMs = 240_000): Promise<Conversion> {
  const inDir = path.join(workDir, 'in');
  const outDir = path.join(workDir, 'pdf');
  await Promise.all([mkdir(inDir, { recursive: true }), mkdir(outDir, { recursive: true })]);
  const staged = new Map<string, string>();
  let n = 0;
  for (const [key, file] of inputs) {
    const base = `${String(++n).padStart(3, '0')}-${key.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
    await copyFile(file, path.join(inDir, `${base}.docx`));
    staged.set(key, base);
  }
  const args = [
    `-env:UserInstallation=${pathToFileURL(path.join(workDir, 'profile')).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    ...[...staged.values()].map((b) => path.join(inDir, `${b}.docx`)),
  ];
  const t0 = performance.now();
  const result = await run('soffice', args, { timeoutMs });
  const ms = performance.now() - t0;
  const pdfs = new Map<string, string | null>();
  for (const [key, base] of staged) {
    const pdf = path.join(outDir, `${base}.pdf`);
    const ok = await stat(pdf).then(
      (s) => s.size > 0,
      () => false,
    );
    pdfs.set(key, ok ? pdf : null);
  }
  return { pdfs, ms, result };
}
