// One item file resolved: its mechanism, its deadlines (one for the item or one per step), its legal basis and its
// executors looked up in the registries, and the plan's own fields its columns declare.
import { parseDeadline } from '../domain/deadline.js';
import type { Column, Deadline, Department, Item, ItemDeadlines, LegalAct } from '../domain/types.js';
import type { Collector } from './parse-file.js';
import type { ItemFile } from './schema.js';
import type { PathKey, YamlSource } from './yaml-source.js';

export interface Registries {
  departments: Map<string, Department>;
  acts: Map<string, LegalAct>;
  /** Every id the registry files declare, valid or not. */
  known: { departments: Set<string>; acts: Set<string> };
}

/** The ids an item's `responsible` names, lead first, and how many of them lead. */
export function responsibleIds(r: ItemFile['responsible']): { ids: string[]; leads: number; coNamed: boolean; at: (i: number) => PathKey[] } {
  if (Array.isArray(r)) return { ids: r, leads: 1, coNamed: false, at: (i) => ['responsible', i] };
  return { ids: [...r.lead, ...r.co], leads: r.lead.length, coNamed: true, at: (i) => (i < r.lead.length ? ['responsible', 'lead', i] : ['responsible', 'co', i - r.lead.length]) };
}

export function resolveItem(source: YamlSource, value: ItemFile & { number: number }, label: string, columns: Column[], registries: Registries, diags: Collector): Item | null {
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
