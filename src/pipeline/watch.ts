// `build --watch`: rebuild on every save; one line per rebuilt document. A failed rebuild prints its errors
// and leaves the last good output as it was; the next good save recovers.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { build, type BuildOptions } from './build.js';
import { failureOf } from './failure.js';
import { RenderPool } from './render-pool.js';

/** Where the watcher prints (the CLI's stdout and stderr, or a capture in tests). */
export interface Output {
  write(text: string): unknown;
}

export interface Watcher {
  close(): void;
  /** Resolves when the rebuild in progress (if any) has finished. */
  idle(): Promise<void>;
}

export function watchBuild(options: BuildOptions, out: Output, err: Output, debounceMs = 150): Watcher {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  // One pool for the whole session: its threads stay warm between saves.
  const pool = new RenderPool();

  const rebuild = async () => {
    const t0 = performance.now();
    try {
      const result = await build({ ...options, pool });
      for (const f of result.rendered) out.write(`rebuilt ${f}\n`);
      for (const f of result.removed) out.write(`removed ${f}\n`);
      out.write(`${result.rendered.length ? '' : 'nothing changed; '}done in ${Math.round(performance.now() - t0)} ms, watching…\n`);
    } catch (e) {
      const failure = failureOf(e);
      err.write(`${failure.kind === 'internal' ? 'build failed: ' : ''}${failure.text}\n`);
      err.write('The last good output is unchanged; fix and save to rebuild.\n');
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      again = true;
      running = running.then(async () => {
        while (again) {
          again = false;
          await rebuild();
        }
      });
    }, debounceMs);
  };

  const folders = watchTree([options.contentDir, options.templatesDir, options.fontsDir], () => schedule());
  schedule();
  return {
    close() {
      if (timer) clearTimeout(timer);
      folders.close();
      void pool.close();
    },
    idle: () => running,
  };
}

/**
 * Calls `onChange` with the folder and file name of every change below `roots`, skipping editors' and our own
 * temporary and hidden files. One watcher per folder, not Node's recursive mode: a folder's watcher keeps seeing a
 * file that an editor saves by writing a new file and renaming it over the old one. Folders made later are picked
 * up on each change.
 */
export function watchTree(roots: string[], onChange: (folder: string, file: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const watchFolders = () => {
    const folders = roots.flatMap((root) => [root, ...fg.sync('**', { cwd: root, onlyDirectories: true }).map((d) => path.join(root, d))]);
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        watchers.set(
          folder,
          watch(folder, (_event, file) => {
            if (file && /^\.|~$|\.swp$|\.tmp$/.test(String(file))) return; // editors' and our own temporary files
            watchFolders();
            onChange(folder, file ? String(file) : '');
          }),
        );
      } catch {
        // a folder removed between listing and watching
      }
    }
  };
  watchFolders();
  return { close: () => watchers.forEach((w) => w.close()) };
}
