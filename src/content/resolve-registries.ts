// The registries resolved: departments (groups expanded to their members), legal acts (issuer and kind looked up),
// and the amendment record (ids given or made from the order).
import type * as z from 'zod';
import type { ActKind, Amendment, Department, Issuer, LegalAct } from '../domain/types.js';
import type { Place } from './diagnostics.js';
import { rawScalar, type Collector, type Parsed } from './parse-file.js';
import type { actsFileSchema, amendmentsFileSchema, departmentsFileSchema } from './schema.js';

/** Amendment records with their ids (given, or `<date>-<number>` of the order) and where each entry stands. */
export function resolveAmendments({ source, value }: Parsed<z.infer<typeof amendmentsFileSchema>>, keyOf: (written: number | string, raw?: string) => number, diags: Collector): Amendment[] {
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

export function resolveDepartments({ source, value }: Parsed<z.infer<typeof departmentsFileSchema>>, diags: Collector): Map<string, Department> {
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

export function resolveActs({ source, value }: Parsed<z.infer<typeof actsFileSchema>>, diags: Collector): Map<string, LegalAct> {
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
