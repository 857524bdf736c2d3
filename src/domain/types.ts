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

export type DepartmentKind = 'department' | 'group' | 'mention';

export interface Department {
  id: string;
  name: string;
  short: string;
  /** `department`: a unit that receives an extract; `group`: stands for several units; `mention`: wording only. */
  kind: DepartmentKind;
  /** For a group: the departments it covers. */
  members: string[];
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
  number: number;
  measure: string;
  mechanism: Mechanism;
  deadlines: ItemDeadlines;
  basis: LegalAct[];
  /** The last two acts of one kind joined by "ва" instead of a comma. */
  basisJoin?: 'and';
  result: string;
  /** Lead first. */
  responsible: Department[];
  /** The content file it came from, relative to the working directory. */
  file: string;
  /** Where its fields stand, for messages about the item as a whole. */
  places: { number: SourcePlace; responsible: SourcePlace };
}

export interface Approval {
  word: string;
  position: string;
  signer: string;
  date: IsoDate;
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
  measure: string;
  amendment: Amendment;
  /** Those who held it (as its file still names them), to tell them. */
  responsible: Department[];
  file: string;
  places: { number: SourcePlace; withdrawn: SourcePlace };
}

export interface Plan {
  agency: { name: string; genitive: string };
  /** Scripts to publish in: `cyrl` (the original) and/or `latn` (transliterated). */
  editions: ('cyrl' | 'latn')[];
  period: { start: YearMonth; end: YearMonth; phrase: string };
  approval: Approval;
  departments: Department[];
  acts: LegalAct[];
  items: Item[];
  /** Items withdrawn by an amendment (not in `items`), by number. */
  withdrawn: WithdrawnItem[];
  /** Oldest first; empty for a plan as first approved. */
  amendments: Amendment[];
}
