// `import plan.docx`: the plan table of a DOCX → content YAML in our format (plan.yaml, departments.yaml,
// acts.yaml, items/NN.yaml), with a report, in the one diagnostic shape, of what it could not map or had to
// decide. Nothing is written here; the CLI writes the files through the output's one write path.
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostics.js';
import { CONTENT_FILES } from '../content/load.js';
import { formatPath, YamlSource } from '../content/yaml-source.js';
import { parseDeadline } from '../domain/deadline.js';
import type { LegalAct } from '../domain/types.js';
import { dottedDate } from '../uz/citations.js';
import { citation, deadlineText } from '../uz/format.js';
import type { Locale } from '../uz/locale.js';
import { ActRegistry } from './basis.js';
import { parseDeadlineText } from './deadlines.js';
import { DepartmentRegistry } from './departments.js';
import { readDocxBody } from './docx.js';
import { entry, file, flow, note, text } from './emit.js';
import { readAmendments, readHeader, type PlanHeader } from './header.js';
import { readItem, sectionId, type ImportedItem } from './items.js';
import { findPlanTable, readPlanTable } from './table.js';

export interface ImportOptions {
  /** The DOCX as messages name it. */
  source: string;
  /** The folder the files will be written to (messages name the files there). */
  outDir: string;
  locale: Locale;
}

export interface ImportResult {
  /** Path inside the output folder → YAML text. */
  files: Map<string, string>;
  report: Diagnostic[];
  items: number;
}

/** Raised when the DOCX has no plan table at all. */
export class ImportError extends Error {}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Pending {
  rel: string;
  field: (string | number)[];
  ruleId: string;
  message: string;
  docx?: { row: number; column: number };
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const found = findPlanTable(await readDocxBody(bytes));
  if (!found) throw new ImportError(`No plan table in ${options.source}, expected a table whose first row starts with "№"`);
  const pending: Pending[] = [];
  const { header, problems } = readHeader(found.before);
  for (const message of problems) pending.push({ rel: CONTENT_FILES.plan, field: [], ruleId: 'import/plan', message });
  const table = readPlanTable(found.rows);
  for (const s of table.stray) {
    pending.push({
      rel: CONTENT_FILES.plan,
      field: [],
      ruleId: 'import/stray',
      message: `Unexpected row outside any item: \`${s.text.slice(0, 60)}\`, expected it in a numbered item; left out`,
      docx: { row: s.row, column: 1 },
    });
  }
  const acts = new ActRegistry();
  const departments = new DepartmentRegistry();
  const items = table.items.map((raw) => readItem(raw, acts, departments));
  if (header.period.phrase !== '?' && header.period.start === '2000-01') periodFromDeadlines(header, items, pending);

  const files = new Map<string, string>();
  files.set(
    CONTENT_FILES.plan,
    planYaml(
      header,
      path.basename(options.source),
      table.sections.map((s) => s.heading),
    ),
  );
  const amendments = readAmendments(found.before);
  if (amendments.length) {
    files.set(
      CONTENT_FILES.amendments,
      file([
        'amendments:',
        ...amendments.map((a) => [
          `  - date: ${a.date}`,
          '    basis:',
          text('issuer', a.basis.issuer, '      ', false),
          text('kind', a.basis.kind, '      ', false),
          `      number: "${a.basis.number}"`,
          `      date: ${a.basis.date}`,
          text('summary', `${options.source}: ўзгартириш мазмуни ҳужжатда кўрсатилмаган`, '    ', false),
        ]),
      ]),
    );
    amendments.forEach((_, i) =>
      pending.push({
        rel: CONTENT_FILES.amendments,
        field: ['amendments', i, 'summary'],
        ruleId: 'import/amendment',
        message: 'Unexpected amendment without a summary (the DOCX names only its basis), expected one line on what it changed; write it',
      }),
    );
  }
  const deptList = departments.list();
  files.set(
    CONTENT_FILES.departments,
    file([
      'departments:',
      ...deptList.map((d) => [
        `  - id: ${d.id}`,
        text('name', d.name, '    ', false),
        text('short', d.short, '    ', false),
        `    kind: ${d.kind}`,
        ...(d.members ? [`    members: ${d.members}`] : []),
      ]),
    ]),
  );
  deptList.forEach((d, i) => {
    const [chosen, ...others] = [...d.spellings].sort((a, b) => (a[0] === d.name ? -1 : b[0] === d.name ? 1 : 0));
    for (const [spelling, where] of others) {
      pending.push({
        rel: CONTENT_FILES.departments,
        field: ['departments', i, 'name'],
        ruleId: 'import/department-spelling',
        message: `Unexpected spelling \`${spelling}\` (items ${where.join(', ')}) of the unit declared as \`${chosen![0]}\` (items ${chosen![1].join(', ')}), expected one spelling; check the name`,
      });
    }
  });
  files.set(CONTENT_FILES.acts, actsYaml(acts));
  acts.acts.forEach((a, i) => {
    const dates = [...new Set(a.cited.map((c) => c.date))];
    if (dates.length < 2) return;
    const list = dates
      .map(
        (d) =>
          `${dottedDate(d)} (items ${a.cited
            .filter((c) => c.date === d)
            .map((c) => c.item)
            .join(', ')})`,
      )
      .join(' and ');
    pending.push({
      rel: CONTENT_FILES.acts,
      field: ['acts', i, 'date'],
      ruleId: 'import/act-date',
      message: `Unexpected act \`${acts.kinds.find((k) => k.id === a.kind)?.code}-${a.number}\` cited with ${dates.length} dates: ${list}, expected one; declared with the first, check it`,
    });
  });

  const legal = legalActs(acts);
  const names = new Map(deptList.map((d) => [d.id, d.name]));
  const taken = new Set<string>();
  for (const item of items) {
    const stem = fileStem(item.number);
    let rel = `items/${stem}.yaml`;
    for (let k = 2; taken.has(rel); k++) rel = `items/${stem}-${k}.yaml`;
    taken.add(rel);
    // The signed plan joins some acts of one kind with "ва": that is the item's basisJoin, not a source note.
    const cited = item.basis.map((id) => legal.get(id)!);
    const joinedByAnd =
      item.basis.length > 1 &&
      norm(item.printed.basis) !== citation(cited, options.locale) &&
      norm(item.printed.basis) === citation(cited, options.locale, true);
    const notes = {
      deadline: item.printed.deadlines.some((t) => norm(t) !== printedDeadlines(t, options.locale)) ? item.printed.deadlines.join(' | ') : undefined,
      basis: item.basis.length && !joinedByAnd && norm(item.printed.basis) !== citation(cited, options.locale) ? item.printed.basis : undefined,
      responsible: item.responsible.some((id, k) => names.get(id) !== item.responsibleNames[k]) ? item.printed.responsible : undefined,
    };
    files.set(rel, itemYaml(item, notes, joinedByAnd));
    for (const p of item.problems) {
      const field = p.field === 'deadline' ? (item.deadlines ? 'deadlines' : 'deadline') : p.field;
      pending.push({ rel, field: [field], ruleId: p.ruleId, message: p.message, docx: { row: p.row, column: p.column } });
    }
  }

  const report = pending.map((p): Diagnostic => {
    const display = path.relative(process.cwd(), path.join(options.outDir, p.rel)).split(path.sep).join('/');
    const place = new YamlSource(display, files.get(p.rel)!).placeOf(p.field);
    return {
      ...place,
      severity: 'warning',
      ruleId: p.ruleId,
      field: formatPath(p.field),
      message: p.message,
      ...(p.docx
        ? {
            related: {
              file: options.source,
              line: p.docx.row,
              column: p.docx.column,
              message: `in the DOCX: table row ${p.docx.row}, column ${p.docx.column}`,
            },
          }
        : {}),
    };
  });
  return { files, report, items: items.length };
}

/** What the program prints for the deadlines a cell holds, to compare with the cell. */
function printedDeadlines(cell: string, locale: Locale): string {
  return parseDeadlineText(cell)
    .values.map((v) => deadlineText(parseDeadline(v)!, locale))
    .join(' ');
}

function legalActs(acts: ActRegistry): Map<string, LegalAct> {
  return new Map(
    acts.acts.map((a) => [
      a.id,
      {
        id: a.id,
        issuer: acts.issuers.find((i) => i.id === a.issuer) ?? { id: a.issuer, genitive: '' },
        kind: acts.kinds.find((k) => k.id === a.kind)!,
        number: a.number,
        date: a.date,
      },
    ]),
  );
}

function periodFromDeadlines(header: PlanHeader, items: ImportedItem[], pending: Pending[]): void {
  const months = items
    .flatMap((i) => [i.deadline, ...(i.deadlines ?? [])])
    .flatMap((d) => (d ? (d.match(/\d{4}-\d{2}/g) ?? []) : []))
    .sort();
  if (!months.length) return;
  header.period.start = months[0]!;
  header.period.end = months[months.length - 1]!;
  pending.push({
    rel: CONTENT_FILES.plan,
    field: ['period'],
    ruleId: 'import/plan',
    message: `Unexpected title without a period I could read, expected "YYYY йил I ярим йиллигига"; took ${header.period.start}..${header.period.end} from the deadlines`,
  });
}

/** "7" → "07", "1.2" → "01-2": an item's file name, two digits before the first dot as the standard plan has them. */
function fileStem(label: string): string {
  const [head, ...rest] = label.split('.');
  return [head!.padStart(2, '0'), ...rest].join('-');
}

function planYaml(h: PlanHeader, source: string, sections: string[]): string {
  return file([
    `# Imported from ${source} by \`plan-pipeline import\`. Where the DOCX worded a deadline, a legal basis or the`,
    "# executors otherwise than the program prints them, the item file keeps the DOCX's text in a comment line",
    '# above that field (a source note); `plan-pipeline lint` checks the notes. Delete each note once checked.',
    'agency:',
    text('name', h.agency.name, '  ', false),
    text('genitive', h.agency.genitive, '  ', false),
    'period:',
    `  start: ${h.period.start}`,
    `  end: ${h.period.end}`,
    text('phrase', h.period.phrase, '  ', false),
    'approval:',
    text('word', h.approval.word, '  ', false),
    text('position', h.approval.position, '  ', false),
    text('signer', h.approval.signer, '  ', false),
    `  date: ${h.approval.date}`,
    ...(sections.length ? ['sections:', ...sections.flatMap((heading, i) => [`  - id: ${sectionId(i)}`, text('heading', heading, '    ', false)])] : []),
  ]);
}

function actsYaml(acts: ActRegistry): string {
  return file([
    'issuers:',
    ...acts.issuers.map((i) => [`  - id: ${i.id}`, text('genitive', i.genitive, '    ', false)]),
    'kinds:',
    ...acts.kinds.map((k) => [`  - id: ${k.id}`, `    code: ${k.code}`, `    singular: ${k.singular}`, `    plural: ${k.plural}`]),
    `acts:${acts.acts.length ? '' : ' []'}`,
    ...acts.acts.map((a) => [`  - id: ${a.id}`, `    issuer: ${a.issuer}`, `    kind: ${a.kind}`, `    number: "${a.number}"`, `    date: ${a.date}`]),
  ]);
}

function itemYaml(item: ImportedItem, notes: { deadline?: string; basis?: string; responsible?: string }, basisJoinAnd = false): string {
  const m = item.mechanism;
  const mechanism =
    m.steps.length === 0
      ? [text('mechanism', m.intro ?? '?')]
      : [
          'mechanism:',
          ...(m.intro ? [text('intro', m.intro, '  ')] : []),
          ...(m.numbered ? [] : ['  numbered: false']),
          '  steps:',
          ...m.steps.map((s) => entry(s.text, '  ')),
        ];
  return file([
    item.number.includes('.') ? `number: "${item.number}"` : `number: ${item.number}`,
    item.section ? `section: ${item.section}` : [],
    text('measure', item.measure),
    mechanism,
    note(notes.deadline),
    item.deadlines ? flow('deadlines', item.deadlines) : item.deadline ? `deadline: ${item.deadline}` : [],
    note(notes.basis),
    flow('basis', item.basis),
    basisJoinAnd ? 'basisJoin: and' : [],
    text('result', item.result),
    note(notes.responsible),
    flow('responsible', item.responsible),
  ]);
}
