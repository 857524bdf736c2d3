// What lint rules look at: every content file as parsed YAML (kept with positions), every text in them with
// the source offset of each character, the source notes, and the registries (acts, departments, period).
// The same parsed files as the load (a build hands both one reader), taken as raw YAML rather than as the
// loaded plan, so lint also speaks about content that does not load.
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic, Place } from '../content/diagnostics.js';
import { CONTENT_FILES, itemFilesIn } from '../content/load.js';
import { filesIn } from '../folders.js';
import { displayName, type SourceReader } from '../content/sources.js';
import { formatPath, readYamlFile, valueAt, YamlSource, type PathKey } from '../content/yaml-source.js';
import { parseYearMonth } from '../domain/deadline.js';
import type { YearMonth } from '../domain/types.js';
import { findNotes } from './notes.js';
import { valueOffsets } from './scalar-map.js';
import type { Fix, ValueEdit } from './edits.js';

export interface SourceFile {
  /** Path inside the content folder: `items/05.yaml`. */
  rel: string;
  /** Path as messages print it (relative to the working directory). */
  display: string;
  source: YamlSource;
  data: unknown;
}

/** `prose`: an item's measure, mechanism or result; `name`: any other text; `note`: a source note. */
export type TextKind = 'prose' | 'name' | 'note';

export interface Text {
  file: SourceFile;
  /** The scalar's path; for a note, the path of the field it stands above. */
  path: PathKey[];
  field: string;
  kind: TextKind;
  value: string;
  /** Source offset of each character of `value`, plus the end. */
  offsets: number[];
  /** The item's number, in an item file. */
  item: number | null;
}

export interface ActEntry {
  id: string;
  code: string;
  number: string;
  date: string;
  singular: string;
  plural: string;
  place: Place;
  datePlace: Place;
}

export interface DepartmentEntry {
  id: string;
  name: string;
  kind: string;
  place: Place;
}

export interface Registry {
  acts: ActEntry[];
  kinds: { code: string; singular: string; plural: string }[];
  departments: DepartmentEntry[];
  period: { start: YearMonth; end: YearMonth; place: Place } | null;
}

export interface LintContext {
  dir: string;
  files: SourceFile[];
  items: SourceFile[];
  texts: Text[];
  registry: Registry;
  /** YAML syntax errors met while reading (those files are left out of the rest). */
  syntax: Diagnostic[];
  /** Words lint.yaml keeps as written (`accept`), in lower case: the spelling rules leave them alone. */
  accept: ReadonlySet<string>;
}

/** Keys whose values are codes, dates or references, never printed prose. */
const NOT_TEXT = new Set([
  'id',
  'kind',
  'issuer',
  'number',
  'date',
  'start',
  'end',
  'members',
  'basis',
  'basisJoin',
  'responsible',
  'lead',
  'co',
  'deadline',
  'deadlines',
  'numbered',
  'code',
  'section',
  'parent',
  'field',
  'align',
  'act',
  'script',
  'editions',
  'withdrawn',
]);

/** What a rule reads from a file's data: the loader's own path walk. */
export const get = valueAt;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

function collectTexts(file: SourceFile, item: number | null): Text[] {
  const out: Text[] = [];
  const kind: TextKind = item !== null ? 'prose' : 'name';
  const walk = (node: unknown, at: PathKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string' || NOT_TEXT.has(key)) continue;
        walk(pair.value, [...at, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((n, i) => walk(n, [...at, i]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      const value = node.value;
      out.push({ file, path: at, field: formatPath(at), kind, value, offsets: valueOffsets(file.source.text, node, value), item });
    }
  };
  walk(file.source.doc.contents as Node | null, []);
  for (const note of findNotes(file.source.text)) {
    const offsets = Array.from({ length: note.text.length + 1 }, (_, i) => note.offset + i);
    out.push({
      file,
      path: note.key ? [note.key] : [],
      field: note.key ? `source note of ${note.key}` : 'source note',
      kind: 'note',
      value: note.text,
      offsets,
      item,
    });
  }
  return out;
}

function registryOf(plan: SourceFile | undefined, depts: SourceFile | undefined, acts: SourceFile | undefined): Registry {
  const list = (f: SourceFile | undefined, key: string) => {
    const v = get(f?.data, [key]);
    return Array.isArray(v) ? (v as unknown[]) : [];
  };
  const kinds = new Map<string, { code: string; singular: string; plural: string }>();
  for (const k of list(acts, 'kinds')) {
    const [id, code, singular, plural] = ['id', 'code', 'singular', 'plural'].map((f) => str(get(k, [f])));
    if (id && code && singular && plural) kinds.set(id, { code, singular, plural });
  }
  const actEntries: ActEntry[] = [];
  list(acts, 'acts').forEach((a, i) => {
    const [id, kind, number, date] = ['id', 'kind', 'number', 'date'].map((f) => str(get(a, [f])));
    const k = kind ? kinds.get(kind) : undefined;
    if (!acts || !id || !k || !number || !date) return;
    actEntries.push({ id, ...k, number, date, place: acts.source.placeOf(['acts', i, 'id']), datePlace: acts.source.placeOf(['acts', i, 'date']) });
  });
  const departments: DepartmentEntry[] = [];
  list(depts, 'departments').forEach((d, i) => {
    const [id, name, kind] = ['id', 'name', 'kind'].map((f) => str(get(d, [f])));
    if (depts && id && name) departments.push({ id, name, kind: kind ?? 'department', place: depts.source.placeOf(['departments', i, 'name']) });
  });
  const start = parseYearMonth(str(get(plan?.data, ['period', 'start'])) ?? '');
  const end = parseYearMonth(str(get(plan?.data, ['period', 'end'])) ?? '');
  const period = plan && start && end ? { start, end, place: plan.source.placeOf(['period']) } : null;
  return { acts: actEntries, kinds: [...kinds.values()], departments, period };
}

export async function readContext(contentDir: string, readFile: SourceReader = readYamlFile): Promise<LintContext> {
  const root = path.resolve(contentDir);
  const rels = [...(await filesIn(root)).filter((f) => f.endsWith('.yaml')).sort(), ...(await itemFilesIn(root))];
  const syntax: Diagnostic[] = [];
  const files: SourceFile[] = [];
  for (const rel of rels) {
    const display = displayName(root, rel);
    // Read at the border (size, UTF-8, characters, YAML): a file that did not read losslessly is never fixed.
    const read = await readFile(path.join(root, rel), display);
    if (!read) continue;
    if ('diagnostics' in read) syntax.push(...read.diagnostics);
    else files.push({ rel, display, source: read.source, data: read.source.data() });
  }
  const byRel = (rel: string) => files.find((f) => f.rel === rel);
  const items = files.filter((f) => f.rel.startsWith('items/'));
  const texts = files.flatMap((f) => {
    const n = get(f.data, ['number']);
    return collectTexts(f, f.rel.startsWith('items/') ? (typeof n === 'number' ? n : NaN) : null);
  });
  return {
    dir: root,
    files,
    items,
    texts,
    registry: registryOf(byRel(CONTENT_FILES.plan), byRel(CONTENT_FILES.departments), byRel(CONTENT_FILES.acts)),
    syntax,
    accept: new Set(),
  };
}

/** Where character `index` of a text stands. */
export function placeIn(text: Text, index: number): Place {
  return text.file.source.placeAt(text.offsets[Math.min(index, text.offsets.length - 1)]!);
}

/** Where a value stands in a file, by path. */
export function placeOf(file: SourceFile, at: readonly PathKey[]): Place {
  return file.source.placeOf(at);
}

/** The fix that makes these edits to a text, spliced into its file at the characters' own offsets (none for notes). */
export function textFix(text: Text, edits: ValueEdit[]): Fix | undefined {
  if (text.kind === 'note' || edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return {
    file: text.file.rel,
    path: text.path,
    before: text.value,
    edits: sorted,
    sourceEdits: sorted.map((e) => ({ start: text.offsets[e.start]!, end: text.offsets[e.end]!, text: e.text })),
  };
}

/** The value after `edits` (sorted, not overlapping). */
export function applyValueEdits(value: string, edits: ValueEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += value.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + value.slice(at);
}
