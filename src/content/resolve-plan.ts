// plan.yaml resolved: the head of the document, the period, the title lines, the table's declared columns and
// sections, and the order of the items within the sections.
import type * as z from 'zod';
import { monthIndex, parseYearMonth } from '../domain/deadline.js';
import { DEFAULT_COLUMNS } from '../domain/shape.js';
import type { Column, Item, LegalAct, Plan, Section, WithdrawnItem } from '../domain/types.js';
import type { Collector, Parsed } from './parse-file.js';
import { BUILTIN_FIELDS, type planFileSchema } from './schema.js';
import type { YamlSource } from './yaml-source.js';

type PlanFileValue = z.infer<typeof planFileSchema>;

export type Shape = Pick<Plan, 'agency' | 'script' | 'editions' | 'period' | 'title' | 'extractTitle' | 'approval' | 'annex' | 'date' | 'columns' | 'sections'>;

/** plan.yaml as the domain sees it: the head of the document, the period, the title, the table's columns and sections. */
export function resolveShape({ source, value }: Parsed<PlanFileValue>, acts: Map<string, LegalAct> | null, diags: Collector): Shape | null {
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
export function checkSectionOrder(items: Item[], withdrawn: WithdrawnItem[], sections: Section[], diags: Collector): void {
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
