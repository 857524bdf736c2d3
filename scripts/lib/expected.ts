// What the built documents must hold, computed from the content with the engine's own loader and selection
// (not from the built files): the documents, their item numbers, and the texts of every item.
import { extractName } from '../../src/pipeline/build.js';
import { loadPlan } from '../../src/content/load.js';
import { columnFlags } from '../../src/domain/shape.js';
import type { Item, Plan } from '../../src/domain/types.js';
import { selectExtracts } from '../../src/extracts/select.js';

/** The seven column headings of the standard plan's header row (a plan that declares `columns` has its own). */
export const HEADINGS = [
  '№',
  'Чора-тадбирлар номи',
  'Амалга ошириш механизми',
  'Ижро муддати',
  'Норматив-ҳуқуқий асоси',
  'Мақсад (кутилаётган натижа)',
  'Масъул ижрочилар',
] as const;

/** The letters of Uzbek Cyrillic that Russian lacks: the ones a wrong font or encoding loses first. */
export const UZBEK_LETTERS = ['ў', 'қ', 'ғ', 'ҳ', 'Ў', 'Қ', 'Ғ', 'Ҳ'] as const;

export interface ExpectedItem {
  /** As printed: "3", "1.2". */
  number: string;
  /** The texts the item's row prints from content: measure, mechanism, result, executors' names. */
  texts: string[];
}

export interface ExpectedDocument {
  /** As build() names it, without edition or extension: `plan`, `extracts/monitoring`. */
  name: string;
  kind: 'plan' | 'extract';
  items: ExpectedItem[];
  /** The table's shape: its headings, the deadline column and the running-text columns (1-based), as the plan declares. */
  shape: TableShape;
}

export interface TableShape {
  headings: string[];
  deadlineColumn: number;
  raggedColumns: number[];
}

function tableShape(plan: Plan): TableShape {
  return {
    headings: plan.columns.map((c) => c.heading),
    deadlineColumn: plan.columns.findIndex((c) => c.field === 'deadline') + 1,
    // The standard plan's audited columns are the measure and the result (2 and 6): running text, narrow.
    raggedColumns: columnFlags(plan.columns).hyphenate.filter((k) => plan.columns[k - 1]!.field !== 'mechanism'),
  };
}

function expectedItem(item: Item): ExpectedItem {
  const { intro, numbered, steps } = item.mechanism;
  return {
    number: item.label,
    texts: [
      item.measure,
      [...(intro ? [intro] : []), ...steps.map((s, i) => (numbered ? `${i + 1}. ${s}` : s))].join(' '),
      item.result,
      ...Object.values(item.fields),
      item.responsible.map((d) => d.name).join(' '),
    ].filter(Boolean),
  };
}

/** The plan, then one extract per department that has items (a department without items gets no file). */
export async function expectedDocuments(contentDir: string): Promise<ExpectedDocument[]> {
  const plan = await loadPlan(contentDir);
  const extracts = selectExtracts(plan).filter((e) => e.items.length > 0);
  const shape = tableShape(plan);
  return [
    { name: 'plan', kind: 'plan', items: plan.items.map(expectedItem), shape },
    ...extracts.map((e) => ({ name: extractName(e.department), kind: 'extract' as const, items: e.items.map(expectedItem), shape })),
  ];
}

/** How an edition of a document prints the content's (Cyrillic) texts, and which letters must survive in it. */
export interface Edition {
  /** `cyrl`, `latn`, or null for files named without an edition. */
  id: string | null;
  text: (cyrillic: string) => string;
  /** Letters whose count in the PDF must reach their count in the items' texts. */
  letters: readonly string[];
  /** Whether any Cyrillic letter in the PDF is a fault (a Latin edition). */
  latinOnly: boolean;
}

/**
 * The edition named in a file name (`plan.cyrl.pdf`, `plan.latn.pdf`, or `plan.pdf`), or null when verify cannot
 * know its text: a Latin edition is checked through the engine's own transliteration if the engine has it.
 */
export async function edition(id: string | null): Promise<Edition | null> {
  if (id === null || id === 'cyrl') return { id, text: (s) => s, letters: UZBEK_LETTERS, latinOnly: false };
  if (id !== 'latn') return null;
  try {
    const [{ transliterate }, { hyphenateNumerals }] = await Promise.all([import('../../src/uz/translit.js'), import('../../src/editions/editions.js')]);
    return { id, text: (s: string) => transliterate(hyphenateNumerals(s)), letters: ['\u02BB', '\u02BC'], latinOnly: true };
  } catch {
    return null;
  }
}

/** How often each of the edition's letters occurs in the items' texts: the PDF must show at least as many. */
export function expectedLetters(doc: ExpectedDocument, ed: Edition): Map<string, number> {
  const counts = new Map<string, number>(ed.letters.map((c) => [c, 0]));
  for (const item of doc.items) for (const text of item.texts) for (const ch of ed.text(text)) if (counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  return counts;
}
