// Turns zod issues into diagnostics in plain words, placed at the offending value.
import type * as z from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { formatPath, valueAt, type PathKey, type YamlSource } from './yaml-source.js';

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `\`${shown}\``;
  }
  return `\`${String(value)}\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  int: 'a whole number',
  nan: 'a number',
  bigint: 'a whole number',
  date: 'a date',
  never: 'nothing here',
};

/** At most this many unknown fields are reported one by one per file; the rest are counted. */
export const MAX_UNKNOWN_FIELDS = 20;
/** At most this many messages per file. */
export const MAX_ISSUES_PER_FILE = 100;

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` : issue.message.replace(/^expected /, '');
    case 'invalid_union':
      // Each union of the schema states what it takes (`z.union([...], { error })`).
      return issue.message.replace(/^expected /, '');
    default:
      return issue.message.replace(/^expected /, '');
  }
}

export function zodDiagnostics(source: YamlSource, data: unknown, error: z.ZodError): Diagnostic[] {
  const out: Diagnostic[] = [];
  let unknown = 0;
  let firstUnknown: Diagnostic | null = null;
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // Each map's keys are looked up once (placesOfKeys), so many unknown keys cost linear time.
      const shown = issue.keys.slice(0, Math.max(0, MAX_UNKNOWN_FIELDS - unknown));
      const places = source.placesOfKeys(path, shown);
      for (const key of shown) {
        const d: Diagnostic = {
          ...places.get(key)!,
          severity: 'error',
          ruleId: 'schema/unknown-field',
          field: formatPath([...path, key]),
          message: `Unknown field \`${key}\`, expected only the fields the format defines (see content/README.md)`,
          found: key,
        };
        firstUnknown ??= d;
        out.push(d);
      }
      unknown += issue.keys.length;
      continue;
    }
    if (out.length >= MAX_ISSUES_PER_FILE) continue;
    const found = describeValue(valueAt(data, path));
    const expected = expectedOf(issue);
    const missing = found === 'nothing';
    out.push({
      ...source.placeOf(path),
      severity: 'error',
      ruleId: missing ? 'schema/missing' : issue.code === 'custom' || issue.code === 'invalid_format' ? 'schema/format' : `schema/${issue.code.replace(/_/g, '-')}`,
      field: formatPath(path),
      message: missing ? `Missing \`${String(path[path.length - 1] ?? '')}\`, expected ${expected}` : `Expected ${expected}, found ${found}`,
      expected,
      found,
    });
  }
  if (unknown > MAX_UNKNOWN_FIELDS && firstUnknown) {
    out.push({ ...firstUnknown, field: '', found: String(unknown - MAX_UNKNOWN_FIELDS), message: `and ${unknown - MAX_UNKNOWN_FIELDS} more unknown fields in this file (${unknown} in all)` });
  }
  return out;
}
