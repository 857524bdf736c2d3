// Writes a changed value back into a YAML file by splicing only the nodes whose values changed (as `lint --fix`
// splices its fixes), so comments, folded `>-` texts, flow lists and key order elsewhere stay byte for byte; the
// result is read back and refused unless it reads exactly as the value asked for.
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair } from 'yaml';
import { YamlSource } from '../content/yaml-source.js';
import type { Edit } from '../lint/types.js';

type Value = unknown;

/** Where folded texts wrap, as the shipped content does. */
const WIDTH = 100;

export class YamlEditError extends Error {}

const isObject = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

/** `text` with `value` written in: only the changed nodes are rewritten. */
export function editYaml(text: string, value: Record<string, Value>): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents))
    throw new YamlEditError('The file does not read as a YAML map, expected one: correct it in a text editor first');
  const edits: Edit[] = [];
  diffNode(text, doc.contents, doc.contents.toJSON() as Value, value, 0, edits);
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const after = new YamlSource('draft', out);
  if (after.syntaxDiagnostics().length || !sameValue(after.data(), value))
    throw new YamlEditError('The change could not be written while keeping the file as it is laid out; nothing was written');
  return out;
}

/** A new file for `value`, laid out as the shipped content is (folded texts, flow lists of ids). */
export function newYaml(value: Record<string, Value>): string {
  const out = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}:${renderAfterKey(v, 2)}\n`)
    .join('');
  const after = new YamlSource('draft', out);
  if (after.syntaxDiagnostics().length || !sameValue(after.data(), value))
    throw new YamlEditError('The value could not be written as YAML; nothing was written');
  return out;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function diffNode(text: string, node: Node, before: Value, after: Value, indent: number, edits: Edit[]): void {
  if (sameValue(before, after)) return;
  if (isMap(node) && !node.flow && isObject(before) && isObject(after)) return diffMap(text, node.items as Pair<Node, Node>[], before, after, indent, edits);
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    if (before.length === after.length) {
      node.items.forEach((item, i) => diffNode(text, item as Node, before[i], after[i], node.flow ? indent : columnOf(text, (item as Node).range![0]), edits));
      return;
    }
    return replaceSeq(text, node, before, after, indent, edits);
  }
  // A scalar, or a value whose kind changed: the node's own text is rewritten.
  const [start, end] = node.range!;
  const flow = isScalar(node) ? inFlow(text, start) : false;
  if (isScalar(node) && !isObject(after) && !Array.isArray(after)) {
    const folded = node.type === Scalar.BLOCK_FOLDED;
    // A folded text keeps the indent it has; its range ends after its last line break.
    const own = folded ? /\n( +)\S/.exec(text.slice(start, end))?.[1]?.length : undefined;
    const rendered = flow ? flowScalar(after) : renderScalar(after, own ?? indent, folded);
    edits.push({ start, end, text: folded ? `${rendered}\n` : rendered });
    return;
  }
  // Block content replacing a scalar starts on the key's line: rewrite from after the colon.
  const colon = text.lastIndexOf(':', start);
  edits.push({ start: colon + 1, end: trimEnd(text, end), text: renderAfterKey(after, indent) });
}

function inFlow(text: string, offset: number): boolean {
  const line = text.slice(lineStart(text, offset), offset);
  return line.lastIndexOf('[') > line.lastIndexOf(']') || line.lastIndexOf('{') > line.lastIndexOf('}');
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && text[e - 1] === '\n') e--;
  return e;
}

function diffMap(text: string, pairs: Pair<Node, Node>[], before: Record<string, Value>, after: Record<string, Value>, indent: number, edits: Edit[]): void {
  const keyOf = (p: Pair<Node, Node>) => String((p.key as Scalar).value);
  const present = new Map(pairs.map((p) => [keyOf(p), p]));
  for (const p of pairs) {
    const key = keyOf(p);
    if (after[key] === undefined) {
      // The pair's whole lines go, up to the next pair's key.
      const start = lineStart(text, p.key.range![0]);
      const next = pairs[pairs.indexOf(p) + 1];
      const end = next ? lineStart(text, next.key.range![0]) : (p.value?.range?.[2] ?? p.key.range![2]);
      edits.push({ start, end: end === start ? text.indexOf('\n', start) + 1 || text.length : end, text: '' });
    } else if (p.value) {
      diffNode(text, p.value, before[key], after[key], columnOf(text, p.key.range![0]) + 2, edits);
    }
  }
  // New keys go in the order the value lists them: before the next key the file already has, or at the end.
  const keys = Object.keys(after).filter((k) => after[k] !== undefined);
  const col = pairs[0] ? columnOf(text, pairs[0].key.range![0]) : indent;
  keys.forEach((key, i) => {
    if (present.has(key)) return;
    const nextExisting = keys
      .slice(i + 1)
      .map((k) => present.get(k))
      .find((p) => p);
    const line = `${' '.repeat(col)}${key}:${renderAfterKey(after[key], col + 2)}\n`;
    if (nextExisting) edits.push({ start: lineStart(text, nextExisting.key.range![0]), end: lineStart(text, nextExisting.key.range![0]), text: line });
    else {
      const last = pairs.at(-1);
      const at = last ? (last.value?.range?.[2] ?? last.key.range![2]) : text.length;
      edits.push({ start: at, end: at, text: `${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}${line}` });
    }
  });
}

/** A list whose length changed: rebuilt, keeping the source text of every element that stayed as it was. */
function replaceSeq(text: string, node: Node & { items: unknown[]; flow?: boolean }, before: Value[], after: Value[], indent: number, edits: Edit[]): void {
  const [start, end] = node.range!;
  const items = node.items as Node[];
  const used = new Set<number>();
  const sourceOf = (v: Value): string | null => {
    const i = before.findIndex((b, j) => !used.has(j) && sameValue(b, v));
    if (i < 0) return null;
    used.add(i);
    return text.slice(items[i]!.range![0], trimEnd(text, items[i]!.range![1]));
  };
  if (node.flow || after.length === 0 || items.length === 0) {
    const parts = after.map((v) => (isObject(v) || Array.isArray(v) ? JSON.stringify(v) : (sourceOf(v) ?? flowScalar(v))));
    const flowText = `[${parts.join(', ')}]`;
    if (node.flow) edits.push({ start, end: trimEnd(text, end), text: flowText });
    else {
      const colon = text.lastIndexOf(':', start);
      edits.push({ start: colon + 1, end: trimEnd(text, end), text: ` ${flowText}` });
    }
    return;
  }
  const dash = columnOf(text, start);
  const lines = after.map((v) => {
    const own = sourceOf(v);
    return `${' '.repeat(dash)}- ${own ?? renderItem(v, dash + 2)}`;
  });
  edits.push({ start: lineStart(text, start), end: trimEnd(text, end), text: lines.join('\n') });
}

/** What follows `key:` for a new value: ` scalar`, ` [a, b]`, or the block lines below. */
function renderAfterKey(value: Value, indent: number): string {
  if (Array.isArray(value)) {
    if (value.every((v) => !isObject(v) && !Array.isArray(v) && String(v).length <= 40 && !/\s/.test(String(v))))
      return ` [${value.map(flowScalar).join(', ')}]`;
    return `\n${value.map((v) => `${' '.repeat(indent)}- ${renderItem(v, indent + 2)}`).join('\n')}`;
  }
  if (isObject(value)) {
    return `\n${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${' '.repeat(indent)}${k}:${renderAfterKey(v, indent + 2)}`)
      .join('\n')}`;
  }
  return ` ${renderScalar(value, indent, false)}`;
}

function renderItem(value: Value, indent: number): string {
  if (isObject(value)) return renderAfterKey(value, indent).trimStart();
  return renderScalar(value, indent, false);
}

const PLAIN_SAFE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n]*$/;

function plainReadsBack(s: string): boolean {
  if (!PLAIN_SAFE.test(s) || /:\s|\s#|\s$/.test(s)) return false;
  const doc = parseDocument(`x: ${s}\n`);
  return doc.errors.length === 0 && (doc.toJS() as { x: unknown }).x === s;
}

function flowScalar(value: Value): string {
  if (typeof value !== 'string') return String(value);
  return plainReadsBack(value) && !/[,[\]{}]/.test(value) ? value : JSON.stringify(value);
}

/** A text: folded `>-` at `indent` when long or when it was folded, plain when that reads back, else quoted. */
function renderScalar(value: Value, indent: number, folded: boolean): string {
  if (typeof value !== 'string') return String(value);
  const foldable = value === value.trim() && !/\n|\s{2}|\t/.test(value) && value.length > 0;
  if (foldable && (folded || value.length + indent > 80))
    return `>-\n${wrap(value, WIDTH - indent)
      .map((l) => `${' '.repeat(indent)}${l}`)
      .join('\n')}`;
  return plainReadsBack(value) ? value : JSON.stringify(value);
}

function wrap(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
