// A parsed YAML file that can say where any value in it stands (line and column), from the yaml package's node ranges.
import { LineCounter, isMap, isNode, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Place } from './diagnostics.js';

export type PathKey = string | number;

export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** YAML syntax errors, as diagnostics. */
  syntaxDiagnostics(): Diagnostic[] {
    return this.doc.errors.map((e) => ({
      ...this.placeAt(e.pos[0]),
      severity: 'error' as const,
      ruleId: 'yaml/syntax',
      field: '',
      // The yaml package appends the position to its message; we print it in front already.
      message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
    }));
  }

  data(): unknown {
    return this.doc.toJS();
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

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}
