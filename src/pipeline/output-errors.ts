// Problems with the output folder (read-only, full, a file where a folder should be, a name too long), in plain
// words. The CLI prints the message alone: exit 1 when the disk refused, exit 2 when the request itself is wrong.
import path from 'node:path';

export class OutputError extends Error {
  constructor(
    message: string,
    readonly exit: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

const shown = (dir: string) => path.relative(process.cwd(), dir) || '.';

/** `e` (a Node file-system error met while writing below `outDir`) as an OutputError; anything else unchanged. */
export function outputError(e: unknown, outDir: string): unknown {
  if (e instanceof OutputError) return e;
  const code = (e as { code?: unknown })?.code;
  const where = `the output folder \`${shown(outDir)}\``;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new OutputError(`Cannot write to ${where}: it is read-only (${code}), expected a folder this user may write to; the previous output is unchanged`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputError(`Cannot write to ${where}: the disk is full (${code}); free some space and build again; the previous output is unchanged`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new OutputError(`Cannot write to ${where}: it (or a folder inside it) is a file, expected a folder (--out DIR)`, 2);
    case 'ENAMETOOLONG':
      return new OutputError(`Cannot write to ${where}: a file name is too long for this disk (${code})`, 2);
    default:
      return e;
  }
}
