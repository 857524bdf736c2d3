// What every CLI command looks like: arguments in, text out, an exit code back.

export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

/** Where the CLI prints: process.stdout/stderr, or a capture in tests. */
export type { Output } from '../pipeline/watch.js';
import type { Output } from '../pipeline/watch.js';

export interface CommandIO {
  out: Output;
  err: Output;
  /** Standard input, for commands that read it (translit). */
  stdin?: NodeJS.ReadableStream;
}

export interface Command {
  name: string;
  /** One line for the help's command list. */
  summary: string;
  /** Options this command takes, for the help text. */
  usage?: string;
  run(args: string[], io: CommandIO): Promise<number>;
}
