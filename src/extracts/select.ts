// Which items each department receives in its extract, and the checks that no item is lost on the way.
import type { Diagnostic } from '../content/diagnostics.js';
import type { Department, Item, Plan } from '../domain/types.js';

export type Role = 'lead' | 'shared';

export interface Extract {
  department: Department;
  /** The department's items, in plan order, with their plan numbers. */
  items: Item[];
  roles: Map<number, Role>;
}

/**
 * How an item reaches a department: `lead` when the department is named first, `shared` when it is named
 * later or belongs to a group the item names ("Барча таркибий тармоқлар"). A mention such as
 * "Масъул тармоқлар" reaches nobody.
 */
export function roleOf(item: Pick<Item, 'responsible'> & Partial<Pick<Item, 'leads'>>, department: Department): Role | null {
  const leads = item.responsible.slice(0, item.leads ?? 1);
  if (leads.some((d) => d.id === department.id)) return 'lead';
  for (const r of item.responsible) {
    if (r.id === department.id) return 'shared';
    if (r.kind === 'group' && r.members.includes(department.id)) return 'shared';
  }
  return null;
}

/** The entries that receive an extract: the body's departments, and any outside body or official the plan says does. */
export function departmentsReceiving(plan: Plan): Department[] {
  return plan.departments.filter((d) => d.receivesExtract);
}

export function extractFor(plan: Plan, department: Department): Extract {
  const roles = new Map<number, Role>();
  const items = plan.items.filter((item) => {
    const role = roleOf(item, department);
    if (role) roles.set(item.number, role);
    return role !== null;
  });
  return { department, items, roles };
}

export function selectExtracts(plan: Plan): Extract[] {
  return departmentsReceiving(plan).map((d) => extractFor(plan, d));
}

/**
 * Integrity of the cut: every item lands in at least one extract, every department an item names has an
 * extract holding it, and the extracts together hold exactly the plan's items.
 */
export function checkExtracts(plan: Plan, extracts: Extract[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (item: Item, message: string): Diagnostic => ({
    ...item.places.responsible,
    severity: 'error',
    ruleId: 'extract/integrity',
    field: 'responsible',
    message,
  });
  const byDepartment = new Map(extracts.map((e) => [e.department.id, e]));
  const union = new Set(extracts.flatMap((e) => e.items.map((i) => i.number)));
  for (const item of plan.items) {
    if (!union.has(item.number)) {
      const names = item.responsible.map((d) => `\`${d.id}\``).join(', ');
      problems.push(
        at(item, `Item ${item.number} reaches no department's extract (responsible: ${names}), expected at least one department or a group of departments`),
      );
    }
    for (const d of item.responsible) {
      if (d.receivesExtract && !byDepartment.get(d.id)?.items.includes(item))
        problems.push(at(item, `Item ${item.number} names \`${d.id}\` but is missing from its extract`));
    }
  }
  const planNumbers = new Set(plan.items.map((i) => i.number));
  for (const e of extracts) {
    for (const item of e.items) {
      if (!planNumbers.has(item.number)) problems.push(at(item, `The extract of \`${e.department.id}\` holds item ${item.number}, which is not in the plan`));
    }
  }
  return problems;
}
