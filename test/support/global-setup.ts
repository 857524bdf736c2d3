// Tests write scratch folders under .tmp/ (ignored by git); a fresh clone has none yet.
import { mkdir } from 'node:fs/promises';

export default async function setup(): Promise<void> {
  await mkdir('.tmp', { recursive: true });
}
