// An amended plan for the checks: a copy of the content with one recorded order that moves the second deadline of
// item 5 from March to May, so CI builds and verifies a plan as amended (the "as amended" line under the title,
// a changed deadline) as well as the plan as approved.
//
//   npx tsx scripts/amended-example.ts DIR      # writes DIR/ (a content folder)
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npx tsx scripts/amended-example.ts DIR');
  process.exit(2);
}
await cp('content', dir, { recursive: true });
const edit = async (file: string, from: string, to: string) => {
  const full = path.join(dir, file);
  const text = await readFile(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file}: expected to find ${from}`);
  await writeFile(full, text.replace(from, to));
};
await edit('items/05.yaml', 'deadlines: [2024-02, 2024-03, 2024-04]', 'deadlines: [2024-02, 2024-05, 2024-04]');
await edit(
  'amendments.yaml',
  'amendments: []',
  [
    'amendments:',
    '  - id: order-45',
    '    date: 2024-03-15',
    '    basis:',
    '      issuer: Агентлик директорининг',
    '      kind: буйруғи',
    '      number: "45"',
    '      date: 2024-03-15',
    '    summary: 5-банднинг иккинчи қадами ижро муддати ўзгартирилди.',
    '    items: [5]',
  ].join('\n'),
);
console.log(`wrote an amended copy of content/ to ${dir}`);
