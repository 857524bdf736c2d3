// Recording an issued version: its release file and the register of every version, written through the one
// staged, journaled write path of the output (src/pipeline/output.ts).
import { checkNewLabel, history, issuedDir, REGISTER, registerMarkdown, type Release } from '../changes/releases.js';
import { writeFiles } from './output.js';

/**
 * Writes a release and the register of every version (through the same staged, renamed-into-place writing as
 * every output); refuses to overwrite one. The release takes the next place in the history.
 */
export async function saveRelease(contentDir: string, release: Omit<Release, 'sequence'>): Promise<string> {
  await checkNewLabel(contentDir, release.label);
  const before = await history(contentDir);
  const full: Release = { ...release, sequence: Math.max(0, ...before.map((r) => r.sequence ?? 0)) + 1 };
  const [file] = await writeFiles(issuedDir(contentDir), [
    [`${full.label}.json`, `${JSON.stringify(full, null, 1)}\n`],
    [REGISTER, registerMarkdown([...before, full])],
  ]);
  return file!;
}

