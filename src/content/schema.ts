// zod schemas for every content file: the shape a non-programmer writes.
import * as z from 'zod';
import { DEADLINE_SYNTAX, isRealDate, parseDeadline, parseYearMonth } from '../domain/deadline.js';

const text = z.string().trim().min(1, 'expected non-empty text');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an id of lowercase Latin letters, digits and single hyphens');

export { isRealDate };

/** Names Windows refuses for a file, whatever follows the first dot (`con.cyrl.docx` is refused too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Ids longer than this would make file names some disks and archive tools refuse. */
export const MAX_ID_LENGTH = 64;

/** A department id, which names files (`extracts/<id>.cyrl.docx`): it must be a file name Windows and macOS allow. */
const fileId = id
  .max(MAX_ID_LENGTH, `expected an id of at most ${MAX_ID_LENGTH} characters (it names the department's files)`)
  .refine((v) => !WINDOWS_RESERVED.test(v), 'expected an id that is not a name Windows reserves for a device (con, prn, aux, nul, com1–9, lpt1–9): it names the extract file');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(isRealDate, 'expected a date that exists in the calendar');

const yearMonth = z.string().refine((v) => parseYearMonth(v) !== null, 'expected a month written YYYY-MM');

export const deadlineSchema = z.union(
  [
    z.string().refine((v) => parseDeadline(v) !== null, `expected a deadline: ${DEADLINE_SYNTAX}`),
    // A year written bare (`deadline: 2025`) reads as a number.
    z.number().int().min(1000).max(9999).transform(String),
    z.strictObject({ text }),
  ],
  { error: `expected a deadline: ${DEADLINE_SYNTAX}` },
);

/** The fields the program fills a table column from; any other column id names a text field the items carry. */
export const BUILTIN_FIELDS = ['number', 'measure', 'mechanism', 'deadline', 'basis', 'result', 'responsible'] as const;

const columnSchema = z.strictObject({
  /** A built-in field (`number`, `measure`, …) or the id of a text field each item carries (`financing`). */
  field: id,
  heading: text,
  /** Relative to the other columns' widths. */
  width: z.number().positive('expected a positive relative width'),
  align: z.enum(['left', 'center', 'right', 'justify']).optional(),
  /** For an item field of the plan's own: whether every item must fill it (default true). */
  required: z.boolean().optional(),
});

const sectionSchema = z.strictObject({
  id,
  heading: text,
  /** The id of the section this one is a sub-section of. */
  parent: id.optional(),
});

export const planFileSchema = z.strictObject({
  agency: z.strictObject({ name: text, genitive: text.optional() }),
  /** The script the content is written in: the edition in it is the original, the other a transliteration. */
  script: z.enum(['cyrl', 'latn']).default('cyrl'),
  editions: z
    .array(z.enum(['cyrl', 'latn']))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'expected each edition once')
    .optional(),
  period: z.strictObject({ start: yearMonth, end: yearMonth, phrase: text.optional() }).optional(),
  /** The title's lines; `{agency.name}`, `{agency.genitive}`, `{period.phrase}` are filled in. */
  title: z.array(text).min(1).optional(),
  /** An extract's heading lines (default: the title's lines, then the word for an extract). */
  extractTitle: z.array(text).min(1).optional(),
  approval: z.strictObject({ word: text, position: text, signer: text, date: isoDate.optional() }).optional(),
  /** The plan as an annex to an act of acts.yaml: "… 2021 йил 1 апрелдаги ПФ-6199-сон Фармонига 1-илова". */
  annex: z.strictObject({ act: id, words: text, number: z.number().int().positive().optional() }).optional(),
  /** The documents' date when no approval date gives it. */
  date: isoDate.optional(),
  /** The table's columns in order (default: the standard seven of a work plan). */
  columns: z.array(columnSchema).min(1).optional(),
  sections: z.array(sectionSchema).optional(),
});

export const departmentsFileSchema = z.strictObject({
  departments: z
    .array(
      z.strictObject({
        id: fileId,
        name: text,
        short: text,
        kind: z.enum(['department', 'group', 'mention', 'body', 'official']),
        members: z.union([z.literal('all'), z.array(id).min(1)], { error: 'expected `all` or a list of department ids' }).optional(),
        /** Whether it receives an extract (default: a department does, a body or an official does not). */
        extract: z.boolean().optional(),
      }),
    )
    .min(1),
});

export const actsFileSchema = z.strictObject({
  issuers: z.array(z.strictObject({ id, genitive: text })).min(1),
  kinds: z.array(z.strictObject({ id, code: text, singular: text, plural: text })).min(1),
  acts: z.array(
    z.strictObject({
      id,
      issuer: id,
      kind: id,
      number: z.union([z.string().regex(/^[0-9A-Za-z/-]+$/, 'expected an act number such as 6013'), z.number().int().positive()], { error: 'expected an act number such as 6013' }),
      date: isoDate,
    }),
  ),
});

const mechanismSchema = z.union(
  [
    text,
    z.strictObject({
      intro: text.optional(),
      numbered: z.boolean().optional(),
      steps: z.array(text).optional(),
    }),
  ],
  { error: 'expected text, or a map with intro, numbered and steps' },
);

/** An item number: a whole number, or a sub-number such as `1.1` or `2.3.1` (best written in quotes). */
export const itemNumberSchema = z.union(
  [
    z.number().int().positive('expected a whole number from 1'),
    z.string().regex(/^[1-9]\d*(\.[1-9]\d*){0,2}$/, 'expected an item number such as 3 or "1.2"'),
    // `1.2` unquoted reads as a decimal number; load.ts takes the digits as written.
    z.number().positive(),
  ],
  { error: 'expected an item number such as 3 or "1.2"' },
);

const itemBase = {
  number: itemNumberSchema,
  measure: text,
  deadline: deadlineSchema.optional(),
  deadlines: z.array(deadlineSchema).min(1).optional(),
  basis: z.array(id).default([]),
  /** How the last two acts of one kind are joined: `comma` (default) or `and` ("… ва …"), as the signed plan has it. */
  basisJoin: z.enum(['comma', 'and']).optional(),
  /** Lead first; or the lead executor(s) and the co-executors apart. */
  responsible: z.union(
    [
      z.array(id).min(1, 'expected at least one responsible department'),
      z.strictObject({ lead: z.array(id).min(1, 'expected at least one lead executor'), co: z.array(id).default([]) }),
    ],
    { error: 'expected a list of executor ids, lead first, or `lead:` and `co:` lists' },
  ),
  /** The section of plan.yaml the item stands in. */
  section: id.optional(),
  /** The id of the amendment that withdrew the item: the file stays, the plan keeps the number and says so. */
  withdrawn: id.optional(),
};

/**
 * The item file of a plan whose table has `columns`: the mechanism, legal basis and result only where their columns
 * are declared (then the mechanism and result are required), and each field of the plan's own as declared.
 */
export function itemSchemaFor(columns: readonly { field: string; required?: boolean }[]) {
  const declared = new Set(columns.map((c) => c.field));
  const own = Object.fromEntries(
    columns.filter((c) => !(BUILTIN_FIELDS as readonly string[]).includes(c.field)).map((c) => [c.field, c.required === false ? text.optional() : text]),
  );
  const { basis, basisJoin, ...base } = itemBase;
  return z.strictObject({
    ...base,
    ...(declared.has('basis') ? { basis, basisJoin } : {}),
    ...(declared.has('mechanism') ? { mechanism: mechanismSchema } : {}),
    ...(declared.has('result') ? { result: text } : {}),
    ...own,
  });
}

/** What an item file may hold, whichever columns its plan declares (the plan's own fields by their ids). */
export type ItemFile = Omit<{ [K in keyof typeof itemBase]: z.infer<(typeof itemBase)[K]> }, 'basis'> & {
  basis?: string[];
  mechanism?: z.infer<typeof mechanismSchema>;
  result?: string;
} & Record<string, unknown>;

/** An item file of a plan with the standard columns. */

export const amendmentsFileSchema = z.strictObject({
  /** The nouns of the orders cited, singular and plural: "45-сон буйруғи", "45-сон ва 52-сон буйруқлари". */
  kinds: z.array(z.strictObject({ singular: text, plural: text })).default([]),
  amendments: z.array(
    z.strictObject({
      /** Stable id, cited by `withdrawn:` and recorded by each release (default: `<date>-<number>` of the order). */
      id: id.optional(),
      date: isoDate,
      basis: z.strictObject({ issuer: text, kind: text, number: z.union([text, z.number().int().positive()], { error: 'expected the order\'s number' }), date: isoDate }),
      summary: text,
      /** What it amends, checked against the edits: item numbers, act ids, department ids, plan.yaml fields. */
      items: z.array(itemNumberSchema).default([]),
      acts: z.array(id).default([]),
      departments: z.array(id).default([]),
      plan: z.array(z.string().regex(/^[a-z]+(\.[a-z]+)?$/, 'expected a plan.yaml field such as approval.signer')).default([]),
    }),
  ),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type DepartmentsFile = z.infer<typeof departmentsFileSchema>;
export type ActsFile = z.infer<typeof actsFileSchema>;
export type ColumnFile = z.infer<typeof columnSchema>;
