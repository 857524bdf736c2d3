// The spine's order, checked: every import under src/ (type-only, re-exports and dynamic imports included) goes
// from a folder to one on the same layer or below it, and no chain of imports between files comes back to where
// it started. The layer order is declared here, once, lowest first.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: string[][] = [
  ['project', 'errors', 'folders', 'types', 'memo'],
  ['uz', 'domain', 'document'],
  ['content'],
  ['fonts', 'layout', 'editions', 'extracts'],
  ['lint', 'compose'],
  ['changes', 'writers', 'import'],
  ['pipeline'],
  ['workspace'],
  ['cli'],
];

const SRC = path.resolve(import.meta.dirname, '../../src');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.(ts|mts|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** The files under src/ that `file` imports, by relative specifier (packages and node: builtins are no layer). */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec?.startsWith('.')) continue;
    out.push(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** A file's folder directly under src/ (or its own name for a file there): its place in LAYERS. */
function unit(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length ? first! : first!.replace(/\.(d\.)?[mc]?[tj]s$/, '');
}

function layerOf(name: string): number {
  return LAYERS.findIndex((row) => row.includes(name));
}

/** Every cycle of the graph, each as the chain of files that closes it. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
const rel = (f: string) => path.relative(SRC, f);

describe('layering of src/', () => {
  it('places every folder of src/ on a layer', () => {
    expect([...new Set(files.map(unit))].filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const upward = [...graph].flatMap(([from, deps]) => deps.filter((to) => layerOf(unit(to)) > layerOf(unit(from))).map((to) => `${rel(from)} → ${rel(to)}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const folders = new Map<string, string[]>();
    for (const [from, deps] of graph) {
      const list = folders.get(unit(from)) ?? [];
      folders.set(unit(from), [...list, ...deps.map(unit).filter((u) => u !== unit(from))]);
    }
    expect(cycles(folders).map((c) => c.join(' → '))).toEqual([]);
  });

  it('sees an import that goes up a layer and a cycle when there is one', () => {
    const a = path.join(SRC, 'uz/a.ts');
    expect(importsOf(a, "import type { X } from '../pipeline/build.js';\nexport { y } from './b.js';\nawait import('../cli/main.js');").map(rel)).toEqual([
      'pipeline/build.ts',
      'uz/b.ts',
      'cli/main.ts',
    ]);
    expect(layerOf(unit(path.join(SRC, 'pipeline/build.ts')))).toBeGreaterThan(layerOf(unit(a)));
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });
});
