// One build at a time per output folder: a lock file holding the builder's process id. A second build says
// plainly that another is running and touches nothing; a lock left by a process that no longer exists is taken
// over. On a read-only folder no lock can be taken, and none is needed: such a build can only succeed by writing
// nothing.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, outputError } from './output-errors.js';
import { outputFs } from './output.js';

export const LOCK = '.plan-pipeline.lock';

export interface OutputLock {
  /** False on a read-only folder: nothing may be written. */
  held: boolean;
  release(): Promise<void>;
}

/** Locks currently held by this process (a second build in the same process must also wait its turn). */
const ownLocks = new Set<string>();

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

export async function lockOutput(outDir: string): Promise<OutputLock> {
  const file = path.resolve(outDir, LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await outputFs.open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      ownLocks.add(file);
      return {
        held: true,
        async release() {
          ownLocks.delete(file);
          await rm(file, { force: true });
        },
      };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { held: false, release: async () => {} };
      if (code !== 'EEXIST') throw outputError(e, outDir);
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (ownLocks.has(file) || (Number.isInteger(pid) && pid > 0 && alive(pid))) {
        throw new OutputError(`Another build is writing to \`${path.relative(process.cwd(), outDir) || '.'}\`${Number.isInteger(pid) ? ` (process ${pid})` : ''}; wait until it has finished and build again`, 2);
      }
      await rm(file, { force: true }); // left by a build that was killed
    }
  }
  throw new OutputError(`Cannot take the lock ${file}; remove it if no build is running`, 2);
}
