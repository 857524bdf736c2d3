// The content files read once per build: a reader that keeps what each file read as (its parsed source or its
// problems), handed to the load, to lint and to the amendment checks alike, so every file is read and parsed once.
import path from 'node:path';
import { readYamlFile, type ReadYaml } from './yaml-source.js';

/** Reads a content file at the border, as `readYamlFile` does (`display`: the name messages use). */
export type SourceReader = (full: string, display: string) => Promise<ReadYaml | null>;

export interface SourceCache {
  read: SourceReader;
  /** How many files were actually read from the disk (a file asked for again comes from the cache). */
  readonly reads: number;
}

/** A reader for one build; a file's second reader gets the same parsed source. */
export function sourceCache(): SourceCache {
  const kept = new Map<string, Promise<ReadYaml | null>>();
  let reads = 0;
  return {
    read(full, display) {
      const key = `${path.resolve(full)}\0${display}`;
      let found = kept.get(key);
      if (!found) {
        reads++;
        found = readYamlFile(full, display);
        kept.set(key, found);
      }
      return found;
    },
    get reads() {
      return reads;
    },
  };
}

/** The display name of a content file, relative to the working directory, as every message prints it. */
export function displayName(root: string, rel: string): string {
  return path.relative(process.cwd(), path.join(path.resolve(root), rel)).split(path.sep).join('/');
}
