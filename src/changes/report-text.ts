// The change report as a person reads it in the terminal: in Uzbek (the secretariat's language) by default,
// in English with `--lang en`.
import type { ChangeReport, FieldChange, RegistryChange } from './diff.js';
import { formatWordDiff } from './words.js';

export type ReportLanguage = 'uz' | 'en';

const WORDS = {
  uz: {
    since: (s: string) =>
      s.startsWith('issued version ') ? `Берилган ${s.slice('issued version '.length)} таҳриридан бери ўзгаришлар:` : `${s} ҳолатидан бери ўзгаришлар:`,
    none: '  йўқ: режа берилган таҳрирдагидек.',
    amendments: 'Қайд этилган ўзгартиришлар:',
    noAmendments: '  йўқ (amendments.yaml да янги ёзув йўқ)',
    item: 'банд',
    added: 'қўшилди',
    withdrawn: 'чиқарилди',
    deleted: 'файли ўчирилди (`withdrawn:` ёзилмаган)',
    changed: 'ўзгартирилди',
    step: 'кичик банд',
    basedOn: 'асоси',
    unrecorded: 'ўзгартириш қайд этилмаган',
    plan: 'plan.yaml',
    act: 'ҳужжат',
    unit: 'бўлинма',
    status: { added: 'қўшилди', removed: 'чиқарилди', changed: 'ўзгартирилди' },
    affected: 'Ўзгариш тегишли бўлинмалар (янги кўчирма ва ўзгаришлар варағи оладилар):',
    noneAffected: '  йўқ',
    gets: 'берилди',
    takenAway: 'олинди',
    changedItems: 'ўзгарди',
    planFields: 'режа реквизитлари',
    unaffected: 'Ўзгариш тегишли бўлмаганлар',
  },
  en: {
    since: (s: string) => `Changes since ${s}:`,
    none: '  none: the plan reads as issued.',
    amendments: 'Amendments recorded since:',
    noAmendments: '  none (no new entry in amendments.yaml)',
    item: 'item',
    added: 'added',
    withdrawn: 'withdrawn',
    deleted: 'file deleted (no `withdrawn:`)',
    changed: 'changed',
    step: 'step',
    basedOn: 'rests on',
    unrecorded: 'no amendment recorded',
    plan: 'plan.yaml',
    act: 'act',
    unit: 'unit',
    status: { added: 'added', removed: 'removed', changed: 'changed' },
    affected: 'Departments affected (they receive a new extract and a change sheet):',
    noneAffected: '  none',
    gets: 'added',
    takenAway: 'taken away',
    changedItems: 'changed',
    planFields: 'plan fields',
    unaffected: 'Not affected',
  },
} as const;

const indent = (text: string, by = '      ') =>
  text
    .split('\n')
    .map((l) => by + l)
    .join('\n');

type FieldNames = Partial<Record<FieldChange['field'], string>>;

function field(change: FieldChange, w: (typeof WORDS)[ReportLanguage], names: FieldNames): string {
  const name = names[change.field] ?? change.field;
  if (change.steps?.length) return `    ${name}:\n${change.steps.map((s) => `      ${w.step} ${s.step}: ${s.before} → ${s.after}`).join('\n')}`;
  if (change.words) return `    ${name}: ${formatWordDiff(change.words)}`;
  return `    ${name}:\n${indent(`- ${change.before.split('\n').join('\n  ')}`)}\n${indent(`+ ${change.after.split('\n').join('\n  ')}`)}`;
}

/**
 * `fieldNames`: how the items' fields are called in Uzbek (the locale's), under the plan's own headings for its
 * columns (the report's `headings`); English uses the field ids.
 */
export function formatReport(report: ChangeReport, language: ReportLanguage = 'uz', fieldNames: FieldNames = {}): string {
  const w = WORDS[language];
  const names: FieldNames = language === 'uz' ? { ...fieldNames, ...(report.headings ?? {}) } : {};
  const basis = (ids: string[]) => (ids.length ? ` [${w.basedOn}: ${ids.join(', ')}]` : ` [${w.unrecorded}]`);
  const lines: string[] = [w.since(report.since)];
  const registry = (what: string, c: RegistryChange) =>
    `  ${what} ${c.id}: ${w.status[c.status]}${c.status === 'changed' ? ` — ${c.before.split('\n').join(' ')} → ${c.after.split('\n').join(' ')}` : ` — ${(c.after || c.before).split('\n').join(' ')}`}${what === w.act && c.status !== 'changed' ? '' : basis(c.amendments)}`;
  const nothing = !report.items.length && !report.plan.length && !report.acts.length && !report.departments.length;
  if (nothing) lines.push(w.none);
  for (const c of report.plan) lines.push(registry(w.plan, c));
  for (const c of report.acts) lines.push(registry(w.act, c));
  for (const c of report.departments) lines.push(registry(w.unit, c));
  for (const c of report.items) {
    if (c.status === 'added') lines.push(`  ${w.item} ${c.label}: ${w.added} — ${c.item.measure}${basis(c.amendments)}`);
    else if (c.status === 'withdrawn')
      lines.push(`  ${w.item} ${c.label}: ${c.withdrawnBy ? w.withdrawn : w.deleted} — ${c.item.measure}${basis(c.amendments)}`);
    else
      lines.push(
        `  ${w.item} ${c.label}: ${w.changed} ${c.fields.map((f) => names[f.field] ?? f.field).join(', ')}${basis(c.amendments)}`,
        ...c.fields.map((f) => field(f, w, names)),
      );
  }
  lines.push('', w.amendments);
  if (!report.amendments.length) lines.push(w.noAmendments);
  for (const a of report.amendments) lines.push(`  ${a.id}: ${a.basis} — ${a.summary}`);
  lines.push('', w.affected);
  if (!report.affected.length) lines.push(w.noneAffected);
  for (const d of report.affected) {
    const parts = [
      d.added.length ? `${w.gets} ${d.added.join(', ')}` : '',
      d.removed.length ? `${w.takenAway} ${d.removed.join(', ')}` : '',
      d.changed.length ? `${w.changedItems} ${d.changed.join(', ')}` : '',
      d.planFields.length ? `${w.planFields} ${d.planFields.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`  ${d.id.padEnd(18)} ${parts.join('; ')}`);
  }
  lines.push('', `${w.unaffected}: ${report.unaffected.map((d) => d.id).join(', ') || '—'}`);
  return `${lines.join('\n')}\n`;
}
