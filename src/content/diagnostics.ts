// One shape for every message the tool prints about content (after unified's vfile-message).

export type Severity = 'error' | 'warning';

export interface Place {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends Place {
  severity: Severity;
  /** Stable id of the check that found it, e.g. `schema/type`, `ref/department`. */
  ruleId: string;
  /** Field path inside the file, e.g. `steps[2]`, `approval.date`. */
  field: string;
  message: string;
  expected?: string;
  found?: string;
  related?: Place & { message: string };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const field = d.field ? ` (${d.field})` : '';
  let text = `${where}  ${d.severity}  ${d.message}${field}  ${d.ruleId}`;
  if (d.related) text += `\n  ${d.related.file}:${d.related.line}:${d.related.column}  ${d.related.message}`;
  return text;
}

export function formatDiagnostics(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [...list.map(formatDiagnostic), summary].join('\n');
}

/** Raised when content cannot be built; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(formatDiagnostics(diagnostics));
    this.name = 'ContentError';
  }
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}
