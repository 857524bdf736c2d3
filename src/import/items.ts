// One raw table item → the fields of items/NN.yaml, the texts the DOCX printed for the fields the program now
// generates (for source notes), and what could not be read.
import type { ActRegistry } from './basis.js';
import { columnParagraphs, columnText, firstRowOf, type PageBreakCapital } from './cells.js';
import { itemDeadlines } from './deadlines.js';
import type { DepartmentRegistry } from './departments.js';
import { splitMechanism, type Mechanism } from './mechanism.js';
import { COLUMNS, type Column, type RawItem } from './table.js';

export interface ImportedItem {
  /** As printed: "7", "1.2". */
  number: string;
  /** The id of the section it stands in (plan.yaml `sections`). */
  section?: string;
  measure: string;
  mechanism: Mechanism;
  deadline?: string;
  deadlines?: string[];
  basis: string[];
  result: string;
  responsible: string[];
  /** The executors' names as the cell spells them, in the order of `responsible`. */
  responsibleNames: string[];
  /** The cells as the DOCX printed them, for the fields the program generates. */
  printed: { deadlines: string[]; basis: string; responsible: string };
  problems: ItemProblem[];
}

export interface ItemProblem {
  ruleId: string;
  /** The item file's field the problem belongs to. */
  field: string;
  message: string;
  /** Where in the DOCX table: 1-based row and column. */
  row: number;
  column: number;
}

const FIELD: Record<Column, string> = {
  number: 'number',
  measure: 'measure',
  mechanism: 'mechanism',
  deadline: 'deadline',
  basis: 'basis',
  result: 'result',
  responsible: 'responsible',
};

/** The id the import gives the n-th section (0-based): `section-1`, `section-2`, … */
export const sectionId = (n: number) => `section-${n + 1}`;

export function readItem(raw: RawItem, acts: ActRegistry, departments: DepartmentRegistry): ImportedItem {
  const capitals: PageBreakCapital[] = [];
  const problems: ItemProblem[] = [];
  const problem = (ruleId: string, column: Column, message: string, row = firstRowOf(raw, column)) =>
    problems.push({ ruleId, field: FIELD[column], message, row, column: COLUMNS.indexOf(column) + 1 });
  const required = (column: Column, text: string) => {
    if (!text)
      problem('import/empty', column, `Unexpected empty cell in column ${COLUMNS.indexOf(column) + 1} of item ${raw.number}, expected text; wrote \`?\``);
    return text || '?';
  };

  const measure = required('measure', columnText(raw, 'measure', capitals));
  const mechanism = splitMechanism(columnParagraphs(raw, 'mechanism', capitals));
  if (!mechanism.intro && mechanism.steps.length === 0) mechanism.intro = required('mechanism', '');
  const result = required('result', columnText(raw, 'result', capitals));
  const basisCell = columnText(raw, 'basis', capitals);
  const basis = acts.read(basisCell, raw.number);
  for (const message of basis.problems) problem('import/basis', 'basis', message);
  const responsibleCell = columnText(raw, 'responsible', capitals, '\n');
  const named = departments.read(responsibleCell, raw.number);
  const responsible = named.map((n) => n.id);
  if (!responsible.length) problem('import/empty', 'responsible', `Unexpected empty executors cell of item ${raw.number}, expected at least one unit`);
  const deadlines = itemDeadlines(raw, mechanism.steps);
  for (const message of deadlines.problems) problem('import/deadline', 'deadline', message);
  for (const c of capitals) {
    problem(
      'import/page-break-capital',
      c.column,
      `Unexpected capital in \`${c.word}\` where the text goes on after a page break, expected lower case if the sentence runs on (kept as found)`,
      c.row,
    );
  }
  return {
    number: raw.number,
    ...(raw.section !== undefined ? { section: sectionId(raw.section) } : {}),
    measure,
    mechanism,
    ...(deadlines.deadline !== undefined ? { deadline: deadlines.deadline } : {}),
    ...(deadlines.deadlines !== undefined ? { deadlines: deadlines.deadlines } : {}),
    basis: basis.ids,
    result,
    responsible,
    responsibleNames: named.map((n) => n.name),
    printed: { deadlines: deadlines.texts, basis: basisCell, responsible: responsibleCell.replace(/\n/g, ' ') },
    problems,
  };
}
