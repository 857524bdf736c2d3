// The amendment record against the edits. Between the issued version (the baseline) and the content now, every
// change must rest on an amendment recorded since (one that names the item, act, unit or plan.yaml field), and
// every amendment must name only what changed. A finding is a warning at `build` and an error at `release`,
// placed at the edit or at the amendment's entry. Reusing a withdrawn number is always an error.
import path from 'node:path';
import { sortDiagnostics, type Diagnostic, type Place } from '../content/diagnostics.js';
import { CONTENT_FILES } from '../content/load.js';
import { displayName, type SourceReader } from '../content/sources.js';
import { readYamlFile, type PathKey, type YamlSource } from '../content/yaml-source.js';
import type { Plan } from '../domain/types.js';
import { namesWhat } from './attribution.js';
import { pendingAmendments, type Baseline } from './compare.js';
import type { ChangeReport, RegistryChange } from './diff.js';
import type { Release } from './releases.js';

/** A content file's parsed source for placing messages (from the build's reader: read once); null when it is not there. */
async function sourceOf(contentDir: string, rel: string, read: SourceReader): Promise<YamlSource | null> {
  const got = await read(path.join(path.resolve(contentDir), rel), displayName(contentDir, rel));
  return got && 'source' in got ? got.source : null;
}

function indexOfId(source: YamlSource | null, key: string, id: string): number {
  const list = (source?.data() as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.findIndex((e) => (e as { id?: unknown })?.id === id) : -1;
}

export interface CrossCheckInput {
  plan: Plan;
  contentDir: string;
  /** Null when nothing was issued yet: only what needs no baseline is checked. */
  baseline: Baseline | null;
  /** The comparison with the baseline, amendments attached. */
  report: ChangeReport | null;
  /** Every issued version, for the numbers withdrawn in any of them. */
  history: Release[];
  /** How content files are read for placing messages: the build's reader, which already holds them. */
  read?: SourceReader;
}

export async function crossCheck({ plan, contentDir, baseline, report, history, read = readYamlFile }: CrossCheckInput): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const at = (place: Place, severity: Diagnostic['severity'], ruleId: string, field: string, message: string, extra: Partial<Diagnostic> = {}) =>
    out.push({ ...place, severity, ruleId, field, message, ...extra });
  const byId = new Map(plan.amendments.map((a) => [a.id, a]));
  const numbers = new Set([...plan.items, ...plan.withdrawn].map((i) => i.number));

  // A withdrawn number is never reused, even after the withdrawn item's file is gone.
  for (const release of history) {
    for (const w of release.snapshot.withdrawn ?? []) {
      const item = plan.items.find((i) => i.number === w.number);
      if (!item) continue;
      const by = byId.get(w.amendment);
      const related = by
        ? { ...by.places.entry, message: `withdrawn by amendment \`${by.id}\`` }
        : { file: path.join(contentDir, 'issued', `${release.label}.json`), line: 1, column: 1, message: `withdrawn in issued version ${release.label}` };
      at(
        item.places.number,
        'error',
        'item/withdrawn-number',
        'number',
        `Item number \`${w.number}\` was withdrawn, expected a new number: a withdrawn item's number is never reused`,
        { found: String(w.number), related },
      );
    }
  }
  const everIssued = new Set(history.flatMap((r) => [...r.snapshot.items.map((i) => i.number), ...(r.snapshot.withdrawn ?? []).map((w) => w.number)]));
  for (const a of plan.amendments) {
    a.items.forEach((n, k) => {
      if (!numbers.has(n) && !everIssued.has(n) && !baseline?.snapshot.items.some((i) => i.number === n)) {
        at(
          a.places.items[k]!,
          'error',
          'amendment/unknown-item',
          `items[${k}]`,
          `Amendment \`${a.id}\` names item ${n}, which the plan has never had, expected the number of an item it amends`,
          { found: String(n) },
        );
      }
    });
  }
  if (!baseline || !report) return sortDiagnostics(out);

  const pending = pendingAmendments(plan, baseline);
  const since = baseline.name;
  const hint = 'record it in amendments.yaml (an amendment whose `items`, `acts`, `departments` or `plan` names it)';
  const itemsDir = path
    .relative(process.cwd(), path.join(path.resolve(contentDir), 'items'))
    .split(path.sep)
    .join('/');
  for (const c of report.items) {
    const place = plan.items.find((i) => i.number === c.number)?.places.number ?? plan.withdrawn.find((w) => w.number === c.number)?.places.withdrawn;
    const where = place ?? { file: `${itemsDir}/${String(c.number).padStart(2, '0')}.yaml`, line: 1, column: 1 };
    if (c.status === 'withdrawn' && !c.withdrawnBy) {
      at(
        where,
        'warning',
        'item/deleted',
        '',
        `Item ${c.number} was deleted since ${since}, expected its file kept with \`withdrawn: <amendment id>\`: the plan keeps a withdrawn number and says who withdrew it`,
      );
    } else if (!c.amendments.length) {
      const what = c.status === 'changed' ? `changed (${c.fields.map((f) => f.field).join(', ')})` : c.status;
      at(
        where,
        'warning',
        'amendment/unrecorded',
        c.status === 'withdrawn' ? 'withdrawn' : 'number',
        `Item ${c.number} ${what} since ${since} with no amendment recorded for it, expected ${hint}`,
      );
    }
  }
  const [planSource = null, actsSource = null, deptSource = null] = await Promise.all(
    [CONTENT_FILES.plan, CONTENT_FILES.acts, CONTENT_FILES.departments].map((f) => sourceOf(contentDir, f, read)),
  );
  const placeIn = (source: YamlSource | null, keyPath: PathKey[]): Place => source?.placeOf(keyPath) ?? { file: CONTENT_FILES.amendments, line: 1, column: 1 };
  const registries = [
    { changes: report.plan, what: 'plan.yaml field', place: (c: RegistryChange) => placeIn(planSource, c.id.split('.')) },
    {
      changes: report.acts.filter((c) => c.status === 'changed'),
      what: 'act',
      place: (c: RegistryChange) => placeIn(actsSource, ['acts', indexOfId(actsSource, 'acts', c.id)]),
    },
    {
      changes: report.departments,
      what: 'unit',
      place: (c: RegistryChange) => placeIn(deptSource, c.status === 'removed' ? ['departments'] : ['departments', indexOfId(deptSource, 'departments', c.id)]),
    },
  ];
  for (const { changes, what, place } of registries) {
    for (const c of changes) {
      if (!c.amendments.length)
        at(
          place(c),
          'warning',
          'amendment/unrecorded',
          c.id,
          `The ${what} \`${c.id}\` was ${c.status} since ${since} with no amendment recorded for it, expected ${hint}`,
        );
    }
  }

  // Each amendment recorded since names only what changed.
  const changedItems = new Set(report.items.map((c) => c.number));
  const changedIn = {
    acts: new Set(report.acts.map((c) => c.id)),
    departments: new Set(report.departments.map((c) => c.id)),
    plan: new Set(report.plan.map((c) => c.id)),
  };
  for (const a of pending) {
    if (!namesWhat(a)) {
      at(
        a.places.entry,
        'warning',
        'amendment/unspecified',
        '',
        `Amendment \`${a.id}\` does not say what it amends, expected \`items\`, \`acts\`, \`departments\` or \`plan\` so that its changes can be checked and credited to it`,
      );
    }
    a.items.forEach((n, k) => {
      if (numbers.has(n) && !changedItems.has(n))
        at(
          a.places.items[k]!,
          'warning',
          'amendment/unchanged',
          `items[${k}]`,
          `Amendment \`${a.id}\` names item ${n}, which did not change since ${since}, expected only the items it amends`,
          { found: String(n) },
        );
    });
    for (const key of ['acts', 'departments', 'plan'] as const) {
      a[key].forEach((id, k) => {
        if (!changedIn[key].has(id))
          at(
            a.places[key][k]!,
            'warning',
            'amendment/unchanged',
            `${key}[${k}]`,
            `Amendment \`${a.id}\` names ${key === 'plan' ? 'plan.yaml field' : key === 'acts' ? 'act' : 'unit'} \`${id}\`, which did not change since ${since}, expected only what it amends`,
            { found: id },
          );
      });
    }
  }
  return sortDiagnostics(out);
}

/** At `release` an unrecorded or mis-recorded edit is an error: what goes out must say what it rests on. */
export const asErrors = (list: Diagnostic[]) => list.map((d) => ({ ...d, severity: 'error' as const }));
