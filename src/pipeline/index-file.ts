// out/index.md: every document the build wrote, with its department and item numbers.
import type { Plan } from '../domain/types.js';
import type { BuiltDocument } from './documents.js';

const links = (files: string[]) => files.map((f) => `[${f.split('.').pop()!.toUpperCase()}](${f})`).join(' · ');

export function indexMarkdown(plan: Plan, documents: BuiltDocument[], notices: string[]): string {
  const lines = [
    `# ${plan.agency.genitive} ${plan.period.phrase} иш режаси`,
    '',
    `Approved ${plan.approval.date} by ${plan.approval.position.split('\n').join(' ')} ${plan.approval.signer}. ${plan.items.length} items.`,
    '',
    '| document | edition | department | items | files |',
    '|---|---|---|---|---|',
  ];
  for (const doc of documents) {
    const who = doc.department ? `${doc.department.name} (\`${doc.department.id}\`)` : 'all';
    const what = doc.kind === 'plan' ? 'plan' : doc.kind === 'extract' ? 'extract' : 'change sheet';
    const script = doc.edition === 'cyrl' ? 'Cyrillic' : 'Latin';
    lines.push(`| ${what} | ${script} | ${who} | ${doc.items.join(', ')} | ${links(doc.files)} |`);
  }
  if (notices.length) lines.push('', ...notices.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
