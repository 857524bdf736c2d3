// What a failed step says, and what it means for the exit code: the one place that turns every problem a step
// raises (content, lint, templates, locale, fonts, output folder, usage) into text, for the CLI and for watch.
import { ContentError, formatDiagnostics, type Diagnostic } from '../content/diagnostics.js';
import { UsageError } from '../errors.js';
import { OutputError } from './output-errors.js';

export interface Failure {
  /** `content`: the content, templates or fonts (nothing written); `output`: the output folder; `internal`: a bug. */
  kind: 'content' | 'output' | 'usage' | 'internal';
  text: string;
  /** For `content`: the problems themselves, for a caller that shows each at its place (the workspace). */
  diagnostics?: Diagnostic[];
  exit: 1 | 2 | 3;
  /** A usage mistake in the command's own arguments: worth pointing at the command's help. */
  help?: boolean;
}

export function failureOf(e: unknown): Failure {
  // Template, locale and font problems are ContentErrors too: one diagnostic type for every input.
  if (e instanceof ContentError) return { kind: 'content', text: formatDiagnostics(e.diagnostics), diagnostics: e.diagnostics, exit: 1 };
  if (e instanceof OutputError) return { kind: 'output', text: e.message, exit: e.exit };
  if (e instanceof UsageError) return { kind: 'usage', text: e.message, exit: 2, help: e.help };
  return { kind: 'internal', text: (e as Error)?.stack ?? String(e), exit: 3 };
}
