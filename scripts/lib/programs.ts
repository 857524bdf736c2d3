// The outside programs the checks run, where to get them, and a small way to run one without throwing.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Program → the Debian package that installs it. */
export const PROGRAMS = {
  qpdf: 'qpdf',
  pdffonts: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  soffice: 'libreoffice-writer-nogui',
} as const;

export type Program = keyof typeof PROGRAMS;

/** The full path of `name` on PATH, or null. */
export function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const full = path.join(dir, name);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // not here
    }
  }
  return null;
}

/** One line per missing program, saying how to install it; empty when all are there. */
export function missingPrograms(names: readonly Program[] = Object.keys(PROGRAMS) as Program[]): string[] {
  const missing = names.filter((n) => which(n) === null);
  if (!missing.length) return [];
  const packages: string[] = [...new Set(missing.map((n) => PROGRAMS[n]))];
  // fonts-liberation2 gives LibreOffice the metric-compatible serif the DOCX asks for (Times New Roman).
  if (missing.includes('soffice')) packages.push('fonts-liberation2');
  return [...missing.map((n) => `missing program \`${n}\` (Debian package ${PROGRAMS[n]})`), `install with: sudo apt-get install -y ${packages.join(' ')}`];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; a non-zero exit is a result, not an exception. */
export function run(file: string, args: string[], options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { maxBuffer: 512 * 1024 * 1024, timeout: options.timeoutMs ?? 120_000, cwd: options.cwd, env: options.env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && !stderr ? error.message : '') });
      },
    );
  });
}

/** The last non-empty line of a program's complaint, for a one-line reason. */
export function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}
