// `departments`: who receives which items, and the extract files.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS, extractName } from '../../pipeline/build.js';
import { loadPlan } from '../../content/load.js';
import { selectExtracts } from '../../extracts/select.js';
import { EXIT, type Command } from '../command.js';

export const departmentsCommand: Command = {
  name: 'departments',
  summary: 'List the departments, their items and extract files (also: --list)',
  usage: "  --content DIR    content folder (default: the project's content/)",
  async run(args, { out }) {
    const { values } = parseArgs({ args, options: { content: { type: 'string' } } });
    const plan = await loadPlan(values.content ?? DEFAULT_DIRS.contentDir);
    for (const e of selectExtracts(plan)) {
      const items = e.items.length ? `items ${e.items.map((i) => i.number).join(', ')}` : 'no items';
      const files = e.items.length ? plan.editions.map((ed) => `${extractName(e.department)}.${ed}.{docx,pdf}`).join(', ') : 'no extract';
      out.write(`${e.department.id.padEnd(18)} ${e.department.name}\n${' '.repeat(19)}${items}; ${files}\n`);
    }
    return EXIT.ok;
  },
};
