// out/index.md: every document the build wrote, with its department and item numbers.
import { headLine, titleLine } from '../compose/view.js';
import type { Plan } from '../domain/types.js';
import type { BuiltDocument } from './documents.js';

const links = (files: string[]) => files.map((f) => `[${f.split('.').pop()!.toUpperCase()}](${f})`).join(' · ');

export function indexMarkdown(plan: Plan, documents: BuiltDocument[], notices: string[]): string {
  const lines = [
    `# ${titleLine(plan)}`,
    '',
    `${headLine(plan)} ${plan.items.length} items.`,
    '',
    '| document | edition | department | items | files |',
    '|---|---|---|---|---|',
  ];
  // Items by their printed numbers ("1.2"), not the keys they are sorted by.
  const labels = new Map(plan.items.map((i) => [i.number, i.label]));
  for (const doc of documents) {
    const who = doc.department ? `${doc.department.name} (\`${doc.department.id}\`)` : 'all';
    const what = doc.kind === 'plan' ? 'plan' : doc.kind === 'extract' ? 'extract' : 'change sheet';
    const script = doc.edition === 'cyrl' ? 'Cyrillic' : 'Latin';
    lines.push(`| ${what} | ${script} | ${who} | ${doc.items.map((n) => labels.get(n) ?? String(n)).join(', ')} | ${links(doc.files)} |`);
  }
  if (notices.length) lines.push('', ...notices.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
