// Writes content YAML the way content/README.md shows it: texts as folded `>-` blocks of about 100 columns,
// short names plain, ids in flow lists, source notes as comment lines above their fields. Every scalar is
// read back; one that would not read back exactly is written JSON-quoted instead.
import { parse } from 'yaml';
import { noteLine } from '../lint/notes.js';

const WIDTH = 100;

const reads = (yaml: string, value: string) => {
  try {
    return (parse(yaml) as Record<string, unknown>)?.k === value;
  } catch {
    return false;
  }
};

/** Lines of at most `width` columns, broken only at single spaces. */
function wrap(text: string, width: number): string[] {
  // A short quotation stays on one line: “Open data”, “йўл харитаси”.
  const words: string[] = [];
  for (const w of text.split(/(?<! ) (?! )/u)) {
    const last = words[words.length - 1];
    const open = last !== undefined && /[“«]/u.test(last) && !/[”»]/u.test(last.slice(last.search(/[“«]/u))) && last.length + w.length < 30;
    if (open) words[words.length - 1] = `${last} ${w}`;
    else words.push(w);
  }
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line];
}

/** `key: value` at `indent`: plain when short and safe, a folded block otherwise. */
export function text(key: string, value: string, indent = '', folded = true): string {
  const plain = `${indent}${key}: ${value}`;
  if (!folded && plain.length <= WIDTH && !/\n/.test(value) && reads(`k: ${value}`, value)) return plain;
  const body = wrap(value, WIDTH - indent.length - 2).map((l) => `${indent}  ${l}`);
  const block = `${indent}${key}: >-\n${body.join('\n')}`;
  if (!value.includes('\n') && reads(`k: >-\n${body.map((l) => l.slice(indent.length)).join('\n')}`, value)) return block;
  if (value.includes('\n')) {
    const literal = `${indent}${key}: |-\n${value
      .split('\n')
      .map((l) => `${indent}  ${l}`)
      .join('\n')}`;
    if (
      reads(
        `k: |-\n${value
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n')}`,
        value,
      )
    )
      return literal;
  }
  return `${indent}${key}: ${JSON.stringify(value)}`;
}

/** A list entry `- >-` holding a text, under a key at `indent`. */
export function entry(value: string, indent: string): string {
  const lines = wrap(value, WIDTH - indent.length - 4);
  let ok = false;
  try {
    ok = (parse(`k:\n  - >-\n${lines.map((l) => `    ${l}`).join('\n')}`) as { k: unknown[] }).k[0] === value;
  } catch {
    ok = false;
  }
  return ok ? `${indent}  - >-\n${lines.map((l) => `${indent}    ${l}`).join('\n')}` : `${indent}  - ${JSON.stringify(value)}`;
}

export const flow = (key: string, values: string[], indent = '') => `${indent}${key}: [${values.join(', ')}]`;

export const note = (value: string | undefined, indent = '') => (value ? [noteLine(value, indent)] : []);

export const file = (lines: (string | string[])[]) => `${lines.flat().join('\n')}\n`;
