// One build at a time per output folder: a lock file holding the builder's process id. A second build says
// plainly that another is running and touches nothing; a lock left by a process that no longer exists is taken
// over. On a read-only folder no lock can be taken, and none is needed: such a build can only succeed by writing
// nothing.
import { link, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OutputError, outputError } from './output-errors.js';
import { outputFs } from './output-fs.js';

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

const busy = (outDir: string, pid: number) =>
  new OutputError(
    `Another build is writing to \`${path.relative(process.cwd(), outDir) || '.'}\`${Number.isInteger(pid) ? ` (process ${pid})` : ''}; wait until it has finished and build again`,
    2,
  );

/** A build killed while taking the lock can leave its `….<pid>.new` / `.stale` file: once we hold the lock, clear those of dead processes. */
async function clearLeftovers(file: string): Promise<void> {
  const dir = path.dirname(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = new RegExp(`^${path.basename(file).replace(/\./g, '\\.')}\\.(\\d+)\\.(new|stale)$`).exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(path.join(dir, name), { force: true });
  }
}

export async function lockOutput(outDir: string): Promise<OutputLock> {
  const file = path.resolve(outDir, LOCK);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // Written under a name of its own and linked into place, so the lock never exists without its process id.
      const fresh = `${file}.${process.pid}.new`;
      const handle = await outputFs.open(fresh, 'w');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      try {
        await link(fresh, file).catch(async (e: NodeJS.ErrnoException) => {
          if (e.code === 'EEXIST') throw e;
          // A disk without hard links (FAT, some shares): create it in place instead.
          const direct = await outputFs.open(file, 'wx');
          await direct.writeFile(`${process.pid}\n`);
          await direct.close();
        });
      } finally {
        await rm(fresh, { force: true });
      }
      ownLocks.add(file);
      await clearLeftovers(file);
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
        throw busy(outDir, pid);
      }
      // Left by a build that was killed: take it over. Moving it aside is atomic, so of two builds taking over at
      // once only one moves it; one that finds it moved a live build's fresh lock gives it back and stops.
      const moved = `${file}.${process.pid}.stale`;
      if (
        !(await rename(file, moved).then(
          () => true,
          () => false,
        ))
      )
        continue;
      const movedPid = Number.parseInt(await readFile(moved, 'utf8').catch(() => ''), 10);
      if (movedPid !== pid && Number.isInteger(movedPid) && alive(movedPid)) {
        await link(moved, file).catch(() => {});
        await rm(moved, { force: true });
        throw busy(outDir, movedPid);
      }
      await rm(moved, { force: true });
    }
  }
  throw new OutputError(`Cannot take the lock ${file}; remove it if no build is running`, 2);
}
