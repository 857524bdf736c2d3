// The executors cell read back into department references: names split (lib: splitExecutors), the same unit
// written in several ways declared once (compared by nameKey: case, quotes and қ/к ҳ/х ғ/г ў/у do not count),
// with the spelling that keeps the Uzbek letters, else the most used one, else the first.
import { splitExecutors } from '../lint/executors.js';
import { nameKey, slug } from '../uz/words.js';

export interface DepartmentOut {
  id: string;
  name: string;
  short: string;
  kind: 'department' | 'group' | 'mention';
  members?: 'all';
  /** Every spelling met, with the items it was met in. */
  spellings: Map<string, string[]>;
}

const uzbekLetters = (s: string) => (s.match(/[қғҳўҚҒҲЎ]/gu) ?? []).length;

function kindOf(name: string): Pick<DepartmentOut, 'kind' | 'members'> {
  if (/^барча\s/iu.test(name)) return { kind: 'group', members: 'all' };
  const words = name.split(/\s+/);
  if (words.length <= 2 && /^(масъул|тегишли)$/iu.test(words[0]!)) return { kind: 'mention' };
  return { kind: 'department' };
}

export class DepartmentRegistry {
  private readonly byKey = new Map<string, DepartmentOut>();

  /** The departments an executors cell names, in order: each id with the name as the cell spells it. */
  read(cell: string, item: string): { id: string; name: string }[] {
    return splitExecutors(cell).map((name) => {
      const key = nameKey(name);
      let dept = this.byKey.get(key);
      if (!dept) {
        const base = slug(name) || 'unit';
        const taken = new Set([...this.byKey.values()].map((d) => d.id));
        let id = base;
        for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
        dept = { id, name, short: name, ...kindOf(name), spellings: new Map() };
        this.byKey.set(key, dept);
      }
      dept.spellings.set(name, [...(dept.spellings.get(name) ?? []), item]);
      return { id: dept.id, name };
    });
  }

  /** The registry, each name chosen among its spellings. */
  list(): DepartmentOut[] {
    return [...this.byKey.values()].map((d) => {
      const ranked = [...d.spellings].sort((a, b) => uzbekLetters(b[0]) - uzbekLetters(a[0]) || b[1].length - a[1].length);
      const name = ranked[0]![0];
      return { ...d, name, short: name };
    });
  }
}
