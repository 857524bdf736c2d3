// Turns zod issues into diagnostics in plain words, placed at the offending value.
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { formatPath, type PathKey, type YamlSource } from './yaml-source.js';

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

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[key];
  }
  return v;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
};

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` : issue.message.replace(/^expected /, '');
    case 'invalid_union':
      return 'text, or a map with intro, numbered and steps';
    default:
      return issue.message.replace(/^expected /, '');
  }
}

export function zodDiagnostics(source: YamlSource, data: unknown, error: z.ZodError): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          ...source.placeOfKey([...path, key]),
          severity: 'error',
          ruleId: 'schema/unknown-field',
          field: formatPath([...path, key]),
          message: `Unknown field \`${key}\`, expected only the fields the format defines (see content/README.md)`,
          found: key,
        });
      }
      continue;
    }
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
  return out;
}
