// Reads content/ into a Plan: parse YAML, validate every file, resolve every reference.
// Collects every problem in every file before giving up, so one run shows them all.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { numberKey, numberLabel } from '../domain/shape.js';
import type { Item, Plan, WithdrawnItem } from '../domain/types.js';
import { checkFolder, filesIn } from '../folders.js';
import { ContentError, sortDiagnostics, type Place } from './diagnostics.js';
import { Collector, declaredColumns, declaredIds, parseFile, rawScalar, type Parsed } from './parse-file.js';
import { resolveItem, responsibleIds } from './resolve-item.js';
import { checkSectionOrder, resolveShape } from './resolve-plan.js';
import { resolveActs, resolveAmendments, resolveDepartments } from './resolve-registries.js';
import { actsFileSchema, amendmentsFileSchema, departmentsFileSchema, itemSchemaFor, planFileSchema, type ItemFile } from './schema.js';
import type { SourceReader } from './sources.js';
import { readYamlFile } from './yaml-source.js';

export const CONTENT_FILES = {
  plan: 'plan.yaml',
  departments: 'departments.yaml',
  acts: 'acts.yaml',
  items: 'items/*.yaml',
  /** Optional: absent means no amendments. */
  amendments: 'amendments.yaml',
} as const;

/** The item files of a content folder (CONTENT_FILES.items), relative to it, sorted. */
export async function itemFilesIn(root: string): Promise<string[]> {
  return (await filesIn(path.join(root, 'items')))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `items/${f}`)
    .sort();
}

/**
 * Messages name files relative to the working directory (`content/items/05.yaml`), so they can be opened from there.
 * `read`: how files are read (a build passes its cache, so lint gets the same parsed files).
 */
export async function loadPlan(contentDir: string, read: SourceReader = readYamlFile): Promise<Plan> {
  await checkFolder('content', contentDir);
  const root = path.resolve(contentDir);
  const diags = new Collector();

  const itemFiles = await itemFilesIn(root);
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
