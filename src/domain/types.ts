// The plan as the domain sees it, after content is read and every reference resolved.

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export type Deadline =
  /** "2021 йил 1 июль" */
  | { kind: 'day'; date: IsoDate }
  /** "2024 йил 1 мартгача" */
  | { kind: 'by'; date: IsoDate }
  | { kind: 'month'; month: YearMonth }
  | { kind: 'range'; from: YearMonth; to: YearMonth }
  /** "2025 йил II чорак", "I чорак" */
  | { kind: 'quarter'; quarter: 1 | 2 | 3 | 4; year?: number }
  | { kind: 'quarterly'; year?: number }
  /** "2024 йил I ярим йиллик" */
  | { kind: 'half'; half: 1 | 2; year?: number }
  /** "2024 йил давомида" */
  | { kind: 'year'; year: number }
  | { kind: 'continuous' }
  /** "Белгиланган муддатда" */
  | { kind: 'as-set' }
  /** Wording no other form fits, printed as written. */
  | { kind: 'text'; text: string };

/** A deadline for the whole item, or one deadline per step (same order as the steps). */
export type ItemDeadlines = { scope: 'item'; deadline: Deadline } | { scope: 'steps'; perStep: Deadline[] };

/** `body`: an outside ministry, agency or organisation; `official`: a named official. */
export type DepartmentKind = 'department' | 'group' | 'mention' | 'body' | 'official';

export interface Department {
  id: string;
  name: string;
  short: string;
  /** `department`: a unit that receives an extract; `group`: stands for several units; `mention`: wording only. */
  kind: DepartmentKind;
  /** For a group: the departments it covers. */
  members: string[];
  /** Whether it receives an extract of the items it is named in (by default a department does). */
  receivesExtract: boolean;
}

/** A column of the plan's table, in order. */
export interface Column {
  /** A built-in field (`number`, `measure`, `mechanism`, `deadline`, `basis`, `result`, `responsible`) or one of the plan's own. */
  field: string;
  heading: string;
  width: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** For a field of the plan's own: whether every item fills it. */
  required?: boolean;
  builtin: boolean;
}

/** A heading row of the table over the items that stand in it ("I. Биотехнологияларни ривожлантириш соҳасида"). */
export interface Section {
  id: string;
  heading: string;
  /** The section it is a sub-section of. */
  parent?: string;
}

export interface Issuer {
  id: string;
  /** "Ўзбекистон Республикаси Президентининг" */
  genitive: string;
}

export interface ActKind {
  id: string;
  /** "ПФ", "ПҚ" */
  code: string;
  /** "Фармони" */
  singular: string;
  /** "Фармонлари" */
  plural: string;
}

export interface LegalAct {
  id: string;
  issuer: Issuer;
  kind: ActKind;
  number: string;
  date: IsoDate;
}

export interface Mechanism {
  intro?: string;
  numbered: boolean;
  steps: string[];
}

/** Where a value stands in a content file (1-based line and column). */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

export interface Item {
  /** The sortable key the item is known by (see domain/shape.ts); the number itself for a plan numbered 1, 2, 3. */
  number: number;
  /** The number as printed: "3", "1.2". */
  label: string;
  /** The section it stands in. */
  section?: string;
  /** The values of the plan's own columns (`financing`, …), by field id. */
  fields: Record<string, string>;
  measure: string;
  mechanism: Mechanism;
  deadlines: ItemDeadlines;
  basis: LegalAct[];
  /** The last two acts of one kind joined by "ва" instead of a comma. */
  basisJoin?: 'and';
  result: string;
  /** Lead first. */
  responsible: Department[];
  /** How many of `responsible` are lead executors; the rest are co-executors. */
  leads: number;
  /** Whether the item stated its co-executors apart (`responsible: { lead, co }`): the cell then names them so. */
  coNamed: boolean;
  /** The content file it came from, relative to the working directory. */
  file: string;
  /** Where its fields stand, for messages about the item as a whole. */
  places: { number: SourcePlace; responsible: SourcePlace };
}

export interface Approval {
  word: string;
  position: string;
  signer: string;
  /** Absent where the plan leaves the date to be written by hand. */
  date?: IsoDate;
}

/** The head of a plan that is an annex to an act: "… 2021 йил 1 апрелдаги ПФ-6199-сон Фармонига 1-илова". */
export interface AnnexHead {
  act: LegalAct;
  /** The act's noun in the dative: "Фармонига". */
  words: string;
  number?: number;
}

/** A document that amends the plan (the director's order), cited like a legal act. */
export interface AmendmentBasis {
  /** "Агентлик директорининг" */
  issuer: string;
  /** "буйруғи" */
  kind: string;
  /** "буйруқлари", for citing several orders of this kind together (from amendments.yaml `kinds`). */
  plural?: string;
  number: string;
  date: IsoDate;
}

/** A recorded amendment: the items themselves are edited in place; this keeps when, why and what. */
export interface Amendment {
  /** Stable id: releases record which amendments they include by it; `withdrawn:` cites it. */
  id: string;
  date: IsoDate;
  basis: AmendmentBasis;
  summary: string;
  /** What it says it amends (checked against the edits): item numbers, act ids, department ids, plan.yaml fields. */
  items: number[];
  acts: string[];
  departments: string[];
  plan: string[];
  /** Where the record stands in amendments.yaml, for messages: its id (or first key), and each `items` entry. */
  places: { entry: SourcePlace; items: SourcePlace[]; acts: SourcePlace[]; departments: SourcePlace[]; plan: SourcePlace[] };
}

/** An item withdrawn by an amendment: the plan keeps its number and prints that it was withdrawn. */
export interface WithdrawnItem {
  number: number;
  label: string;
  section?: string;
  measure: string;
  amendment: Amendment;
  /** Those who held it (as its file still names them), to tell them. */
  responsible: Department[];
  file: string;
  places: { number: SourcePlace; withdrawn: SourcePlace };
}

export interface Plan {
  agency: { name: string; genitive?: string };
  /** The script the content is written in: that edition is the original, the other a transliteration. */
  script: 'cyrl' | 'latn';
  /** Scripts to publish in. */
  editions: ('cyrl' | 'latn')[];
  /** Absent for a plan without a period of months (then extracts have no month grid). */
  period?: { start: YearMonth; end: YearMonth; phrase?: string };
  /** The title's lines when plan.yaml states them (placeholders filled); absent: the templates' standard title. */
  title?: string[];
  extractTitle?: string[];
  /** The head of the document: an approval block, an annex header, or neither. */
  approval?: Approval;
  annex?: AnnexHead;
  /** The date the documents carry before any amendment: the approval's, else plan.yaml `date`. */
  date: IsoDate;
  columns: Column[];
  /** Declared order; empty for a plan without sections. */
  sections: Section[];
  /** Whether items are numbered "1.2" (then `number` is a packed key and `label` is printed). */
  subNumbered: boolean;
  departments: Department[];
  acts: LegalAct[];
  items: Item[];
  /** Items withdrawn by an amendment (not in `items`), by number. */
  withdrawn: WithdrawnItem[];
  /** Oldest first; empty for a plan as first approved. */
  amendments: Amendment[];
}
