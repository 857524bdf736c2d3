// The change report as a person reads it in the terminal.
import type { ChangeReport, FieldChange } from './diff.js';
import { formatWordDiff } from './words.js';

const indent = (text: string, by = '      ') => text.split('\n').map((l) => by + l).join('\n');

function field(change: FieldChange): string {
  if (change.words) return `    ${change.field}: ${formatWordDiff(change.words)}`;
  return `    ${change.field}:\n${indent(`- ${change.before.split('\n').join('\n  ')}`)}\n${indent(`+ ${change.after.split('\n').join('\n  ')}`)}`;
}

export function formatReport(report: ChangeReport): string {
  const lines: string[] = [`Changes since ${report.since}:`];
  if (!report.items.length) lines.push('  none: the plan reads as issued.');
  for (const c of report.items) {
    if (c.status === 'added') lines.push(`  item ${c.number}: added — ${c.item.measure}`);
    else if (c.status === 'withdrawn') lines.push(`  item ${c.number}: withdrawn — ${c.item.measure}`);
    else lines.push(`  item ${c.number}: changed ${c.fields.map((f) => f.field).join(', ')}`, ...c.fields.map(field));
  }
  lines.push('', 'Departments affected (they receive a new extract and a change sheet):');
  if (!report.affected.length) lines.push('  none');
  for (const d of report.affected) {
    const parts = [
      d.added.length ? `added ${d.added.join(', ')}` : '',
      d.removed.length ? `taken away ${d.removed.join(', ')}` : '',
      d.changed.length ? `changed ${d.changed.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`  ${d.id.padEnd(18)} ${parts.join('; ')}`);
  }
  lines.push('', `Not affected: ${report.unaffected.map((d) => d.id).join(', ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}
