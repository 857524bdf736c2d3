// A parsed YAML file that can say where any value in it stands (line and column), from the yaml package's node ranges.
import { readFile, stat } from 'node:fs/promises';
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, Place } from './diagnostics.js';
import { decodeText, illegalChars, illegalCharMessage, MAX_FILE_BYTES, XML_ILLEGAL } from './text-hygiene.js';

/** Aliases (`*name`) a file may expand; far more than any plan needs, far fewer than a "billion laughs" file. */
const MAX_ALIASES = 100;

/** Rewordings of the yaml package's messages that speak of its own API. */
const YAML_WORDS: [RegExp, string][] = [
  [/^Source contains multiple documents.*/, 'A second YAML document (after `---`) in the file, expected one document per file'],
  [/^Maximum call stack size exceeded.*/, 'Lists or maps nested too deep to read, expected the few levels the format uses'],
];

export type PathKey = string | number;

export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();
  /** Whether the file began with a UTF-8 byte-order mark (kept when lint --fix writes it back). */
  bom = false;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
  }

  private value: { data: unknown } | null = null;

  /**
   * YAML syntax errors, an alias expansion past the limit, and text values holding characters a document
   * cannot carry (written as escapes such as "\u0001"), as diagnostics.
   */
  syntaxDiagnostics(): Diagnostic[] {
    const syntax = this.doc.errors.map((e) => {
      // The yaml package appends the position to its message; we print it in front already.
      let message = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
      for (const [pattern, words] of YAML_WORDS) message = message.replace(pattern, words);
      return { ...this.placeAt(e.pos[0]), severity: 'error' as const, ruleId: 'yaml/syntax', field: '', message };
    }).slice(0, 20);
    if (syntax.length) return syntax;
    // Duplicate keys, found with one set per map (the yaml package's own check is quadratic in the keys).
    const duplicates: Diagnostic[] = [];
    visit(this.doc, {
      Map: (_k, map) => {
        const seen = new Set<unknown>();
        for (const pair of map.items) {
          const key = isScalar(pair.key) ? pair.key.value : pair.key;
          if (seen.has(key) && duplicates.length < 20) {
            duplicates.push({ ...this.placeAt(isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0), severity: 'error', ruleId: 'yaml/syntax', field: '', message: `Duplicate field \`${String(key)}\`, expected each field once in a map` });
          }
          seen.add(key);
        }
      },
    });
    if (duplicates.length) return duplicates;
    try {
      this.value = { data: this.doc.toJS({ maxAliasCount: MAX_ALIASES }) };
    } catch (e) {
      let first: Node | null = null;
      visit(this.doc, { Alias: (_k, node) => { first ??= node; return visit.BREAK; } });
      const at = (first as Node | null)?.range?.[0] ?? 0;
      return [{ ...this.placeAt(at), severity: 'error', ruleId: 'yaml/aliases', field: '',
        message: `Aliases (*name) expand to too many values (${(e as Error).message.includes('alias') ? `more than ${MAX_ALIASES} each` : 'too deep'}), expected a file that repeats text by writing it out` }];
    }
    const illegal: Diagnostic[] = [];
    visit(this.doc, {
      Scalar: (_k, node) => {
        if (typeof node.source !== 'string' && typeof node.value !== 'string') return;
        const m = XML_ILLEGAL.exec(String(node.value));
        if (m && illegal.length < 20) illegal.push({ ...this.placeAt(node.range?.[0] ?? 0), severity: 'error', ruleId: 'text/illegal-character', field: '', message: illegalCharMessage(m[0]) });
      },
    });
    return illegal;
  }

  data(): unknown {
    this.value ??= { data: this.doc.toJS({ maxAliasCount: MAX_ALIASES }) };
    return this.value.data;
  }

  placeAt(offset: number): Place {
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  /**
   * Where the value at `path` stands. A missing value points at the nearest existing parent
   * (a missing key is reported on the map that should hold it).
   */
  placeOf(path: readonly PathKey[]): Place {
    let node: unknown = this.doc.contents;
    let best: Node | null = isNode(node) ? node : null;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === key);
        node = pair?.value ?? null;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key] ?? null;
      } else {
        node = null;
      }
      if (!isNode(node)) break;
      best = node;
    }
    const offset = best?.range?.[0] ?? 0;
    return this.placeAt(offset);
  }

  /** Where each of `keys` of the map at `path` stands, looking through the map once. */
  placesOfKeys(path: readonly PathKey[], keys: readonly string[]): Map<string, Place> {
    const parent = path.length ? this.doc.getIn(path, true) : this.doc.contents;
    const wanted = new Set(keys);
    const found = new Map<string, Place>();
    if (isMap(parent)) {
      for (const pair of parent.items) {
        const k = isNode(pair.key) ? (pair.key as { value?: unknown }).value : pair.key;
        if (typeof k === 'string' && wanted.has(k) && !found.has(k) && isNode(pair.key) && pair.key.range) found.set(k, this.placeAt(pair.key.range[0]));
      }
    }
    const fallback = this.placeOf(path);
    for (const k of keys) if (!found.has(k)) found.set(k, fallback);
    return found;
  }

  /** Where the key `path[last]` itself stands (for duplicate-key style messages); falls back to the value. */
  placeOfKey(path: readonly PathKey[]): Place {
    const parent = this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === last);
      if (pair && isNode(pair.key) && pair.key.range) return this.placeAt(pair.key.range[0]);
    }
    return this.placeOf(path);
  }
}

/** The value at `path` in parsed data, or undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[key];
  }
  return v;
}

/** A path as messages name a field: `mechanism.steps[2]`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

export type ReadYaml = { source: YamlSource } | { diagnostics: Diagnostic[] };

/**
 * Reads a YAML file checked at the border: at most MAX_FILE_BYTES, UTF-8, no characters a document cannot carry,
 * valid YAML. `display` is the name messages use. A file that cannot be read at all is `missing` (null).
 */
export async function readYamlFile(full: string, display: string): Promise<ReadYaml | null> {
  const fail = (message: string, ruleId = 'file/read'): ReadYaml => ({ diagnostics: [{ file: display, line: 1, column: 1, severity: 'error', ruleId, field: '', message }] });
  const info = await stat(full).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    if (info.code === 'ENOENT') return null;
    return fail(`Cannot read the file (${info.code ?? info.message}), expected a file this user may read`);
  }
  if (!info.isFile()) return fail('A folder where a file was expected', 'file/not-a-file');
  if (info.size > MAX_FILE_BYTES) return fail(`File of ${(info.size / 1024 / 1024).toFixed(1)} MB, expected at most ${MAX_FILE_BYTES / 1024 / 1024} MB per file (split it, or check that it is the right file)`, 'file/too-large');
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (e) {
    return fail(`Cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}), expected a file this user may read`);
  }
  const decoded = decodeText(bytes, display);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const literal = illegalChars(decoded.text, display);
  if (literal.length) return { diagnostics: literal };
  const source = new YamlSource(display, decoded.text);
  source.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const problems = source.syntaxDiagnostics();
  return problems.length ? { diagnostics: problems } : { source };
}
