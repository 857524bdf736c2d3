// The file operations output and its lock use, in one object so tests can replace them to play a read-only or full disk.
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';

export const outputFs = { mkdir, writeFile, rename, rm, open };
