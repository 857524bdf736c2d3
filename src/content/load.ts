// Reads content/ into a Plan: parse YAML, validate every file, resolve every reference.
// Collects every problem in every file before giving up, so one run shows them all.
import { lstat, realpath } from 'node:fs/promises';
import { checkFolder } from '../folders.js';
import path from 'node:path';
import fg from 'fast-glob';
import type { z } from 'zod';
import { parseDeadline, parseYearMonth, monthIndex } from '../domain/deadline.js';
import { DEFAULT_COLUMNS, numberKey, numberLabel } from '../domain/shape.js';
import type { ActKind, Amendment, Column, Department, Deadline, Issuer, Item, ItemDeadlines, LegalAct, Plan, Section, WithdrawnItem } from '../domain/types.js';
import { ContentError, sortDiagnostics, type Diagnostic, type Place } from './diagnostics.js';
import { access } from 'node:fs/promises';
import { actsFileSchema, amendmentsFileSchema, BUILTIN_FIELDS, departmentsFileSchema, itemSchemaFor, planFileSchema, type ItemFile } from './schema.js';
import { readYamlFile, type YamlSource, type PathKey } from './yaml-source.js';
import type { SourceReader } from './sources.js';
import { zodDiagnostics } from './zod-diagnostics.js';

export const CONTENT_FILES = {
  plan: 'plan.yaml',
  departments: 'departments.yaml',
  acts: 'acts.yaml',
  items: 'items/*.yaml',
  /** Optional: absent means no amendments. */
  amendments: 'amendments.yaml',
} as const;

interface Parsed<T> {
  source: YamlSource;
  value: T;
}

/** A file that read as YAML, whether or not it passed its schema: enough to know which ids it declares. */
interface Read<T> {
  raw: unknown;
  parsed: Parsed<T> | null;
}

/** The ids a registry file declares under `key`, read from the raw data so references can be checked even when the registry itself has errors. */
function declaredIds(raw: unknown, key: string): Set<string> {
  const list = (raw as Record<string, unknown> | null)?.[key];
  const ids = new Set<string>();
  if (Array.isArray(list)) for (const entry of list) if (typeof (entry as { id?: unknown })?.id === 'string') ids.add((entry as { id: string }).id);
  return ids;
}

class Collector {
  readonly list: Diagnostic[] = [];
  error(source: YamlSource, at: readonly PathKey[], ruleId: string, message: string, extra: Partial<Diagnostic> = {}): void {
    this.list.push({ ...source.placeOf(at), severity: 'error', ruleId, field: fieldName(at), message, ...extra });
  }
}

function fieldName(at: readonly PathKey[]): string {
  return at.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}

/**
 * Reads `rel` below `root`; messages name the file as `display` (relative to the working directory). A file that
 * is a symbolic link, or that resolves outside the content folder, is refused without being read.
 */
async function readSource(root: string, rel: string, display: string, diags: Collector, read: SourceReader): Promise<YamlSource | null> {
  const full = path.join(root, rel);
  const refuse = (ruleId: string, message: string) => {
    diags.list.push({ file: display, line: 1, column: 1, severity: 'error', ruleId, field: '', message });
    return null;
  };
  const link = await lstat(full).then((s) => s.isSymbolicLink(), () => false);
  if (link) return refuse('file/link', 'A link to another file, expected the file itself inside the content folder (links are not followed)');
  const real = await realpath(full).catch(() => null);
  const realRoot = await realpath(root).catch(() => root);
  if (real && path.relative(realRoot, real).startsWith('..')) return refuse('file/outside', 'The file lies outside the content folder (through a linked folder), expected it inside');
  const got = await read(full, display);
  if (!got) return refuse('content/missing-file', `Missing content file \`${rel}\`, expected it in the content folder`);
  if ('diagnostics' in got) {
    diags.list.push(...got.diagnostics);
    return null;
  }
  return got.source;
}

async function parseFile<S extends z.ZodType>(root: string, rel: string, schema: S, diags: Collector, read: SourceReader): Promise<Read<z.infer<S>>> {
  const display = path.relative(process.cwd(), path.join(root, rel)).split(path.sep).join('/');
  const source = await readSource(root, rel, display, diags, read);
  if (!source) return { raw: null, parsed: null };
  const data = source.data();
  const result = schema.safeParse(data);
  if (!result.success) {
    diags.list.push(...zodDiagnostics(source, data, result.error));
    return { raw: data, parsed: null };
  }
  return { raw: data, parsed: { source, value: result.data } };
}

/**
 * Messages name files relative to the working directory (`content/items/05.yaml`), so they can be opened from there.
 * `read`: how files are read (a build passes its cache, so lint gets the same parsed files).
 */
export async function loadPlan(contentDir: string, read: SourceReader = readYamlFile): Promise<Plan> {
  await checkFolder('content', contentDir);
  const root = path.resolve(contentDir);
  const diags = new Collector();

  const itemFiles = (await fg(CONTENT_FILES.items, { cwd: root })).sort();
  // plan.yaml first: the columns it declares say which fields an item carries.
  const planRead = await parseFile(root, CONTENT_FILES.plan, planFileSchema, diags, read);
  const itemSchema = itemSchemaFor(declaredColumns(planRead.raw));
  const [deptRead, actsRead, ...itemReads] = await Promise.all([
    parseFile(root, CONTENT_FILES.departments, departmentsFileSchema, diags, read),
    parseFile(root, CONTENT_FILES.acts, actsFileSchema, diags, read),
    ...itemFiles.map((f) => parseFile(root, f, itemSchema, diags, read)),
  ]);
  const hasAmendments = await access(path.join(root, CONTENT_FILES.amendments)).then(() => true, () => false);
  const amendRead = hasAmendments ? await parseFile(root, CONTENT_FILES.amendments, amendmentsFileSchema, diags, read) : null;
  const [planFile, deptFile, actsFile] = [planRead.parsed, deptRead.parsed, actsRead.parsed];
  const itemParsed = itemReads.map((r) => r.parsed as Parsed<ItemFile> | null);
  const labels = new Map(itemParsed.flatMap((p) => (p ? [[p, numberLabel(p.value.number, rawScalar(p.source, ['number']))] as const] : [])));
  const subNumbered = [...labels.values()].some((l) => l.includes('.'));
  const keyOf = (written: number | string, raw?: string) => numberKey(numberLabel(written, raw), subNumbered);
  const known = { departments: declaredIds(deptRead.raw, 'departments'), acts: declaredIds(actsRead.raw, 'acts') };
  if (itemFiles.length === 0) {
    diags.list.push({ file: path.relative(process.cwd(), path.join(root, 'items')), line: 1, column: 1, severity: 'error', ruleId: 'content/no-items', field: '',
      message: 'No item files, expected at least one `items/NN.yaml`' });
  }

  const departments = deptFile ? resolveDepartments(deptFile, diags) : null;
  const acts = actsFile ? resolveActs(actsFile, diags) : null;
  const amendments = amendRead?.parsed ? resolveAmendments(amendRead.parsed, keyOf, diags) : [];
  const shape = planFile ? resolveShape(planFile, acts, diags) : null;
  const sectionIds = new Set(shape?.sections.map((s) => s.id) ?? []);
  const amendmentById = new Map(amendments.map((a) => [a.id, a]));
  const items: Item[] = [];
  const withdrawn: WithdrawnItem[] = [];
  const seenNumbers = new Map<number, { place: Place; withdrawn: boolean }>();
  for (const parsed of itemParsed) {
    if (!parsed) continue;
    const { source } = parsed;
    const label = labels.get(parsed)!;
    const value = { ...parsed.value, number: numberKey(label, subNumbered) };
    if (label.includes('.') && shape && !shape.sections.length) {
      diags.error(source, ['number'], 'item/sub-number', `Sub-number \`${label}\` in a plan without sections, expected a whole number (sub-numbers such as 1.2 number the items of the sections declared in plan.yaml)`, { found: label });
    }
    if (value.section !== undefined && shape && !sectionIds.has(value.section)) {
      diags.error(source, ['section'], 'ref/section', `Unknown section \`${value.section}\`, expected one declared in plan.yaml \`sections\`${sectionIds.size ? `: ${[...sectionIds].join(', ')}` : ' (none declared)'}`, { found: value.section });
    }
    const first = seenNumbers.get(value.number);
    if (first && (first.withdrawn || value.withdrawn)) {
      // A withdrawn number stays the withdrawn item's for good: the plan prints it as withdrawn.
      diags.error(source, ['number'], 'item/withdrawn-number', `Item number \`${label}\` was withdrawn, expected a new number: a withdrawn item's number is never reused`, {
        found: label,
        related: { ...first.place, message: first.withdrawn ? 'withdrawn here' : 'also used here' },
      });
    } else if (first) {
      diags.error(source, ['number'], 'item/duplicate-number', `Duplicate item number \`${label}\`, expected each number once`, {
        found: label,
        related: { ...first.place, message: 'first used here' },
      });
    } else seenNumbers.set(value.number, { place: source.placeOf(value.withdrawn ? ['withdrawn'] : ['number']), withdrawn: !!value.withdrawn });
    if (value.withdrawn !== undefined) {
      const amendment = amendmentById.get(value.withdrawn);
      if (!amendment) {
        const ids = [...amendmentById.keys()];
        diags.error(source, ['withdrawn'], 'ref/amendment', `Unknown amendment \`${value.withdrawn}\`, expected the id of an amendment recorded in amendments.yaml${ids.length ? `: ${ids.join(', ')}` : ' (none recorded yet)'}`, { found: value.withdrawn });
        continue;
      }
      // A withdrawn item's executors are kept for telling them; a unit since removed is simply left out.
      const responsible = responsibleIds(value.responsible).ids.flatMap((ref) => departments?.get(ref) ?? []);
      withdrawn.push({
        number: value.number, label, ...(value.section ? { section: value.section } : {}), measure: value.measure, amendment, responsible, file: source.file,
        places: { number: source.placeOf(['number']), withdrawn: source.placeOf(['withdrawn']) },
      });
      continue;
    }
    const item = resolveItem(source, value, label, shape?.columns ?? [], { departments: departments ?? new Map(), acts: acts ?? new Map(), known }, diags);
    if (item) items.push(item);
  }

  if (amendRead?.parsed && shape) {
    amendRead.parsed.value.amendments.forEach((a, i) => {
      if (a.date < shape.date) {
        diags.error(amendRead.parsed!.source, ['amendments', i, 'date'], 'amendment/date', `Amendment dated ${a.date} before the plan's date (${shape.date}), expected a later date`);
      }
    });
  }
  items.sort((a, b) => a.number - b.number);
  if (shape) checkSectionOrder(items, withdrawn, shape.sections, diags);
  if (diags.list.length || !planFile || !departments || !acts || !shape || (amendRead && !amendRead.parsed)) throw new ContentError(sortDiagnostics(diags.list));
  return {
    ...shape,
    subNumbered,
    // Oldest first; the order of the file breaks ties (two orders of one day).
    amendments: amendments.map((a, i) => ({ a, i })).sort((x, y) => x.a.date.localeCompare(y.a.date) || x.i - y.i).map((x) => x.a),
    departments: [...departments.values()],
    acts: [...acts.values()],
    items,
    withdrawn: withdrawn.sort((a, b) => a.number - b.number),
  };
}

/** The columns plan.yaml declares, read from the raw data so items can be checked even when plan.yaml has errors. */
function declaredColumns(raw: unknown): readonly { field: string; required?: boolean }[] {
  const list = (raw as Record<string, unknown> | null)?.columns;
  if (!Array.isArray(list)) return DEFAULT_COLUMNS;
  return list.flatMap((c) => (typeof (c as { field?: unknown })?.field === 'string' ? [c as { field: string; required?: boolean }] : []));
}

/** A scalar's text as written in the file (`1.10`, which reads as the number 1.1). */
function rawScalar(source: YamlSource, at: readonly PathKey[]): string | undefined {
  const node = source.doc.getIn(at, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? source.text.slice(node.range[0], node.range[1]) : undefined;
}

type PlanFileValue = z.infer<typeof planFileSchema>;
type Shape = Pick<Plan, 'agency' | 'script' | 'editions' | 'period' | 'title' | 'extractTitle' | 'approval' | 'annex' | 'date' | 'columns' | 'sections'>;

/** plan.yaml as the domain sees it: the head of the document, the period, the title, the table's columns and sections. */
function resolveShape({ source, value }: Parsed<PlanFileValue>, acts: Map<string, LegalAct> | null, diags: Collector): Shape | null {
  const before = diags.list.length;
  let period: Plan['period'];
  if (value.period) {
    const p = value.period;
    const start = parseYearMonth(p.start)!;
    const end = parseYearMonth(p.end)!;
    if (monthIndex(end) < monthIndex(start)) diags.error(source, ['period', 'end'], 'plan/period', `Period ends (${p.end}) before it starts (${p.start}), expected end ≥ start`);
    period = { start, end, ...(p.phrase ? { phrase: p.phrase } : {}) };
  }
  const editions = value.editions ?? [value.script];
  if (value.script === 'latn' && editions.includes('cyrl')) {
    diags.error(source, ['editions'], 'plan/editions', 'A Cyrillic edition of a plan written in Latin, expected `[latn]`: there is no transliteration from Latin to Cyrillic');
  }
  if (value.approval && value.annex) diags.error(source, ['annex'], 'plan/head', 'Both `approval` and `annex`, expected one head for the document: an approval block or an annex header');
  let annex: Plan['annex'];
  if (value.annex && acts) {
    const act = acts.get(value.annex.act);
    if (act) annex = { act, words: value.annex.words, ...(value.annex.number ? { number: value.annex.number } : {}) };
    else diags.error(source, ['annex', 'act'], 'ref/act', `Unknown legal act \`${value.annex.act}\`, expected one declared in acts.yaml: ${[...acts.keys()].join(', ')}`, { found: value.annex.act });
  }
  const date = value.approval?.date ?? value.date ?? annex?.act.date;
  if (!date) diags.error(source, value.approval ? ['approval'] : [], 'plan/date', 'No date for the documents, expected `approval.date` or `date: YYYY-MM-DD`');
  const fields: Record<string, string | undefined> = { 'agency.name': value.agency.name, 'agency.genitive': value.agency.genitive, 'period.phrase': value.period?.phrase };
  const fillLines = (key: 'title' | 'extractTitle') =>
    value[key]?.map((line, i) =>
      line.replace(/\{([a-z.]+)\}/gi, (whole, name: string) => {
        const v = fields[name];
        if (v === undefined) diags.error(source, [key, i], 'plan/title', `\`${whole}\` names no field of plan.yaml that is set, expected one of ${Object.keys(fields).filter((f) => fields[f] !== undefined).map((f) => `{${f}}`).join(', ')}`, { found: whole });
        return v ?? whole;
      }),
    );
  const title = fillLines('title');
  const extractTitle = fillLines('extractTitle');
  if (!title) {
    // The standard title: "<agency.genitive>" / "<period.phrase>" / "ИШ РЕЖАСИ".
    if (!value.agency.genitive) diags.error(source, ['agency'], 'plan/title', 'No `agency.genitive` for the standard title, expected it or the title\'s lines in `title:`');
    if (!value.period?.phrase) diags.error(source, value.period ? ['period'] : [], 'plan/title', 'No `period.phrase` for the standard title, expected it or the title\'s lines in `title:`');
  }
  const columns = resolveColumns(source, value.columns, diags);
  const sections = resolveSections(source, value.sections ?? [], diags);
  if (diags.list.length > before || !date) return null;
  return {
    agency: value.agency, script: value.script, editions, ...(period ? { period } : {}), ...(title ? { title } : {}), ...(extractTitle ? { extractTitle } : {}),
    ...(value.approval ? { approval: value.approval } : {}), ...(annex ? { annex } : {}), date, columns, sections,
  };
}

function resolveColumns(source: YamlSource, declared: PlanFileValue['columns'], diags: Collector): Column[] {
  const builtin = (f: string) => (BUILTIN_FIELDS as readonly string[]).includes(f);
  if (!declared) return DEFAULT_COLUMNS.map((c) => ({ ...c, builtin: true }));
  const seen = new Set<string>();
  declared.forEach((c, i) => {
    if (seen.has(c.field)) diags.error(source, ['columns', i, 'field'], 'plan/column', `Column \`${c.field}\` declared twice, expected each field once`, { found: c.field });
    seen.add(c.field);
    if (c.field === 'number' && i !== 0) diags.error(source, ['columns', i, 'field'], 'plan/column', 'The `number` column stands elsewhere than first, expected it as the first column (a withdrawn item\'s line spans the rest)');
    if (c.required !== undefined && builtin(c.field)) diags.error(source, ['columns', i, 'required'], 'plan/column', `\`required\` on the built-in column \`${c.field}\`, expected it only on a field of the plan's own`);
  });
  for (const f of ['measure', 'responsible']) if (!seen.has(f)) diags.error(source, ['columns'], 'plan/column', `No \`${f}\` column, expected one: every plan names its measures and their executors`);
  return declared.map((c) => ({ ...c, builtin: builtin(c.field) }));
}

function resolveSections(source: YamlSource, declared: NonNullable<PlanFileValue['sections']>, diags: Collector): Section[] {
  const ids = new Map<string, number>();
  declared.forEach((s, i) => {
    if (ids.has(s.id)) diags.error(source, ['sections', i, 'id'], 'plan/section', `Section \`${s.id}\` declared twice, expected each id once`, { related: { ...source.placeOf(['sections', ids.get(s.id)!, 'id']), message: 'first declared here' } });
    else ids.set(s.id, i);
  });
  declared.forEach((s, i) => {
    if (s.parent === undefined) return;
    const parent = declared[ids.get(s.parent) ?? -1];
    if (!parent || ids.get(s.parent)! >= i) diags.error(source, ['sections', i, 'parent'], 'ref/section', `Unknown parent section \`${s.parent}\`, expected a section declared above this one`, { found: s.parent });
    else if (parent.parent !== undefined) diags.error(source, ['sections', i, 'parent'], 'plan/section', `Section \`${s.parent}\` is itself a sub-section, expected sections two levels deep at most`);
  });
  return declared.map((s) => ({ id: s.id, heading: s.heading, ...(s.parent ? { parent: s.parent } : {}) }));
}

/** The items of one section stand together: once the table leaves a section it does not come back to it. */
function checkSectionOrder(items: Item[], withdrawn: WithdrawnItem[], sections: Section[], diags: Collector): void {
  const parentOf = new Map(sections.map((s) => [s.id, s.parent]));
  const entries = [...items.map((i) => ({ number: i.number, label: i.label, section: i.section, place: i.places.number })), ...withdrawn.map((w) => ({ number: w.number, label: w.label, section: w.section, place: w.places.number }))].sort((a, b) => a.number - b.number);
  const closed = new Set<string>();
  let open: string[] = [];
  for (const e of entries) {
    const chain = e.section ? [parentOf.get(e.section), e.section].filter((x): x is string => !!x) : [];
    for (const s of open) if (!chain.includes(s)) closed.add(s);
    const back = chain.find((s) => closed.has(s));
    if (back) {
      diags.list.push({ ...e.place, severity: 'error', ruleId: 'item/section-order', field: 'section',
        message: `Item ${e.label} stands in section \`${back}\` after items of another section, expected the items of one section numbered together` });
    }
    open = chain;
  }
}

/** The ids an item's `responsible` names, lead first, and how many of them lead. */
function responsibleIds(r: ItemFile['responsible']): { ids: string[]; leads: number; coNamed: boolean; at: (i: number) => PathKey[] } {
  if (Array.isArray(r)) return { ids: r, leads: 1, coNamed: false, at: (i) => ['responsible', i] };
  return { ids: [...r.lead, ...r.co], leads: r.lead.length, coNamed: true, at: (i) => (i < r.lead.length ? ['responsible', 'lead', i] : ['responsible', 'co', i - r.lead.length]) };
}

/** Amendment records with their ids (given, or `<date>-<number>` of the order) and where each entry stands. */
function resolveAmendments({ source, value }: Parsed<z.infer<typeof amendmentsFileSchema>>, keyOf: (written: number | string, raw?: string) => number, diags: Collector): Amendment[] {
  const seen = new Map<string, Place>();
  const plurals = new Map(value.kinds.map((k) => [k.singular, k.plural]));
  const plural = (kind: string) => (plurals.has(kind) ? { plural: plurals.get(kind)! } : {});
  return value.amendments.flatMap((a, i) => {
    const at = ['amendments', i] as const;
    const number = String(a.basis.number);
    const id = a.id ?? `${a.basis.date}-${number}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const place = source.placeOf(a.id ? [...at, 'id'] : [...at]);
    const first = seen.get(id);
    if (first) {
      diags.error(source, a.id ? [...at, 'id'] : [...at], 'amendment/duplicate-id', `Duplicate amendment id \`${id}\`, expected each amendment once with its own id`, { related: { ...first, message: 'first recorded here' } });
      return [];
    }
    seen.set(id, place);
    const places = <K extends 'items' | 'acts' | 'departments' | 'plan'>(key: K) => a[key].map((_, j) => source.placeOf([...at, key, j]));
    return [{
      id, date: a.date, basis: { ...a.basis, number, ...plural(a.basis.kind) }, summary: a.summary,
      items: a.items.map((n, j) => keyOf(n, rawScalar(source, [...at, 'items', j]))), acts: a.acts, departments: a.departments, plan: a.plan,
      places: { entry: place, items: places('items'), acts: places('acts'), departments: places('departments'), plan: places('plan') },
    }];
  });
}

function resolveDepartments({ source, value }: Parsed<z.infer<typeof departmentsFileSchema>>, diags: Collector): Map<string, Department> {
  const byId = new Map<string, Department>();
  const places = new Map<string, Place>();
  value.departments.forEach((d, i) => {
    const first = places.get(d.id);
    if (first) {
      diags.error(source, ['departments', i, 'id'], 'department/duplicate-id', `Duplicate department id \`${d.id}\`, expected each id once`, {
        related: { ...first, message: 'first declared here' },
      });
      return;
    }
    places.set(d.id, source.placeOf(['departments', i, 'id']));
    if (d.kind === 'group' && !d.members) {
      diags.error(source, ['departments', i], 'department/group-members', `Group \`${d.id}\` has no \`members\`, expected \`all\` or a list of department ids`);
    }
    if (d.kind !== 'group' && d.members) {
      diags.error(source, ['departments', i, 'members'], 'department/members', `\`members\` on \`${d.id}\` of kind ${d.kind}, expected members only on a group`);
    }
    byId.set(d.id, { id: d.id, name: d.name, short: d.short, kind: d.kind, members: [], receivesExtract: d.extract ?? d.kind === 'department' });
  });
  const units = [...byId.values()].filter((d) => d.kind === 'department').map((d) => d.id);
  value.departments.forEach((d, i) => {
    const dept = byId.get(d.id);
    if (!dept || d.kind !== 'group' || !d.members) return;
    if (d.members === 'all') dept.members = units;
    else
      d.members.forEach((m, j) => {
        if (byId.get(m)?.kind === 'department') dept.members.push(m);
        else diags.error(source, ['departments', i, 'members', j], 'ref/department', `Unknown department \`${m}\` in group \`${d.id}\`, expected one of ${units.join(', ')}`, { found: m });
      });
  });
  return byId;
}

function resolveActs({ source, value }: Parsed<z.infer<typeof actsFileSchema>>, diags: Collector): Map<string, LegalAct> {
  const issuers = new Map<string, Issuer>(value.issuers.map((i) => [i.id, i]));
  const kinds = new Map<string, ActKind>(value.kinds.map((k) => [k.id, k]));
  const acts = new Map<string, LegalAct>();
  const places = new Map<string, Place>();
  value.acts.forEach((a, i) => {
    const at = ['acts', i] as const;
    const issuer = issuers.get(a.issuer);
    const kind = kinds.get(a.kind);
    if (!issuer) diags.error(source, [...at, 'issuer'], 'ref/issuer', `Unknown issuer \`${a.issuer}\`, expected one of ${[...issuers.keys()].join(', ')}`, { found: a.issuer });
    if (!kind) diags.error(source, [...at, 'kind'], 'ref/act-kind', `Unknown act kind \`${a.kind}\`, expected one of ${[...kinds.keys()].join(', ')}`, { found: a.kind });
    const number = String(a.number);
    const key = `${a.issuer}/${a.kind}/${number}`;
    const first = places.get(a.id) ?? places.get(key);
    if (first) {
      diags.error(source, [...at, 'id'], 'act/duplicate', `Act \`${a.id}\` (${kind?.code ?? a.kind}-${number}) is declared twice, expected each act once so every citation shares one date`, {
        related: { ...first, message: 'first declared here' },
      });
      return;
    }
    places.set(a.id, source.placeOf([...at, 'id']));
    places.set(key, source.placeOf([...at, 'id']));
    if (issuer && kind) acts.set(a.id, { id: a.id, issuer, kind, number, date: a.date });
  });
  return acts;
}

interface Registries {
  departments: Map<string, Department>;
  acts: Map<string, LegalAct>;
  /** Every id the registry files declare, valid or not. */
  known: { departments: Set<string>; acts: Set<string> };
}

function resolveItem(source: YamlSource, value: ItemFile & { number: number }, label: string, columns: Column[], registries: Registries, diags: Collector): Item | null {
  const { departments, acts, known } = registries;
  const before = diags.list.length;
  const mechanism =
    value.mechanism === undefined
      ? { numbered: false, steps: [] }
      : typeof value.mechanism === 'string'
        ? { intro: value.mechanism, numbered: false, steps: [] }
        : { intro: value.mechanism.intro, numbered: value.mechanism.numbered ?? true, steps: value.mechanism.steps ?? [] };
  if (value.mechanism !== undefined && !mechanism.intro && mechanism.steps.length === 0) {
    diags.error(source, ['mechanism'], 'item/mechanism', 'Empty mechanism, expected an intro, steps, or both');
  }

  let deadlines: ItemDeadlines | null = null;
  if (value.deadline !== undefined && value.deadlines !== undefined) {
    diags.error(source, ['deadlines'], 'deadline/both', 'Both `deadline` and `deadlines`, expected one: `deadline` for the whole item or `deadlines` with one per step');
  } else if (value.deadline !== undefined) {
    deadlines = { scope: 'item', deadline: parseDeadline(value.deadline)! };
  } else if (value.deadlines !== undefined) {
    const steps = mechanism.steps.length;
    if (value.deadlines.length !== steps) {
      diags.error(source, ['deadlines'], 'deadline/step-count',
        `${value.deadlines.length} step deadline${value.deadlines.length === 1 ? '' : 's'} for ${steps} step${steps === 1 ? '' : 's'}, expected one deadline per step`,
        { expected: String(steps), found: String(value.deadlines.length) });
    }
    deadlines = { scope: 'steps', perStep: value.deadlines.map((d) => parseDeadline(d) as Deadline) };
  } else {
    diags.error(source, [], 'deadline/missing', 'Missing `deadline`, expected `deadline` for the whole item or `deadlines` with one per step');
  }

  const basis: LegalAct[] = [];
  (value.basis ?? []).forEach((ref, i) => {
    const act = acts.get(ref);
    if (act) basis.push(act);
    else if (!known.acts.has(ref)) diags.error(source, ['basis', i], 'ref/act', `Unknown legal act \`${ref}\`, expected one declared in acts.yaml: ${[...known.acts].join(', ')}`, { found: ref });
  });

  const responsible: Department[] = [];
  const named = responsibleIds(value.responsible);
  named.ids.forEach((ref, i) => {
    const dept = departments.get(ref);
    if (dept) responsible.push(dept);
    else if (!known.departments.has(ref)) diags.error(source, named.at(i), 'ref/department', `Unknown department \`${ref}\`, expected one declared in departments.yaml: ${[...known.departments].join(', ')}`, { found: ref });
  });

  if (diags.list.length > before || !deadlines) return null;
  const fields = Object.fromEntries(columns.filter((c) => !c.builtin && typeof value[c.field] === 'string').map((c) => [c.field, value[c.field] as string]));
  return {
    number: value.number, label, ...(value.section ? { section: value.section } : {}), fields,
    measure: value.measure, mechanism, deadlines, basis, ...(value.basisJoin === 'and' ? { basisJoin: 'and' as const } : {}), result: value.result ?? '',
    responsible, leads: named.leads, coNamed: named.coNamed, file: source.file,
    places: { number: source.placeOf(['number']), responsible: source.placeOf(['responsible']) },
  };
}
