// Recording an issued version: its release file and the register of every version, written through the one
// staged, journaled write path of the output (src/pipeline/output.ts).
import { checkNewLabel, history as readHistory, issuedDir, REGISTER, registerMarkdown, type Release } from '../changes/releases.js';
import { writeFiles } from './output.js';

/**
 * Writes a release and the register of every version (through the same staged, renamed-into-place writing as
 * every output); refuses to overwrite one. The release takes the next place in `history` (the issued versions as
 * the project read them; read here when not given).
 */
export async function saveRelease(contentDir: string, release: Omit<Release, 'sequence'>, history?: Release[]): Promise<string> {
  const before = history ?? (await readHistory(contentDir));
  await checkNewLabel(contentDir, release.label, before);
  const full: Release = { ...release, sequence: Math.max(0, ...before.map((r) => r.sequence ?? 0)) + 1 };
  const [file] = await writeFiles(issuedDir(contentDir), [
    [`${full.label}.json`, `${JSON.stringify(full, null, 1)}\n`],
    [REGISTER, registerMarkdown([...before, full])],
  ]);
  return file!;
}
