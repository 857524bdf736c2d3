// zod schemas for every content file: the shape a non-programmer writes.
import { z } from 'zod';
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

export const deadlineSchema = z.union([
  z.string().refine((v) => parseDeadline(v) !== null, `expected a deadline: ${DEADLINE_SYNTAX}`),
  z.strictObject({ text }),
]);

export const planFileSchema = z.strictObject({
  agency: z.strictObject({ name: text, genitive: text }),
  editions: z
    .array(z.enum(['cyrl', 'latn']))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'expected each edition once')
    .default(['cyrl']),
  period: z.strictObject({ start: yearMonth, end: yearMonth, phrase: text }),
  approval: z.strictObject({ word: text, position: text, signer: text, date: isoDate }),
});

export const departmentsFileSchema = z.strictObject({
  departments: z
    .array(
      z.strictObject({
        id: fileId,
        name: text,
        short: text,
        kind: z.enum(['department', 'group', 'mention']),
        members: z.union([z.literal('all'), z.array(id).min(1)]).optional(),
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
      number: z.union([z.string().regex(/^[0-9A-Za-z/-]+$/, 'expected an act number such as 6013'), z.number().int().positive()]),
      date: isoDate,
    }),
  ),
});

const mechanismSchema = z.union([
  text,
  z.strictObject({
    intro: text.optional(),
    numbered: z.boolean().optional(),
    steps: z.array(text).optional(),
  }),
]);

export const itemFileSchema = z.strictObject({
  number: z.number().int().positive('expected a whole number from 1'),
  measure: text,
  mechanism: mechanismSchema,
  deadline: deadlineSchema.optional(),
  deadlines: z.array(deadlineSchema).min(1).optional(),
  basis: z.array(id).default([]),
  /** How the last two acts of one kind are joined: `comma` (default) or `and` ("… ва …"), as the signed plan has it. */
  basisJoin: z.enum(['comma', 'and']).optional(),
  result: text,
  responsible: z.array(id).min(1, 'expected at least one responsible department'),
  /** The id of the amendment that withdrew the item: the file stays, the plan keeps the number and says so. */
  withdrawn: id.optional(),
});

export const amendmentsFileSchema = z.strictObject({
  /** The nouns of the orders cited, singular and plural: "45-сон буйруғи", "45-сон ва 52-сон буйруқлари". */
  kinds: z.array(z.strictObject({ singular: text, plural: text })).default([]),
  amendments: z.array(
    z.strictObject({
      /** Stable id, cited by `withdrawn:` and recorded by each release (default: `<date>-<number>` of the order). */
      id: id.optional(),
      date: isoDate,
      basis: z.strictObject({ issuer: text, kind: text, number: z.union([text, z.number().int().positive()]), date: isoDate }),
      summary: text,
      /** What it amends, checked against the edits: item numbers, act ids, department ids, plan.yaml fields. */
      items: z.array(z.number().int().positive('expected an item number')).default([]),
      acts: z.array(id).default([]),
      departments: z.array(id).default([]),
      plan: z.array(z.string().regex(/^[a-z]+(\.[a-z]+)?$/, 'expected a plan.yaml field such as approval.signer')).default([]),
    }),
  ),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type DepartmentsFile = z.infer<typeof departmentsFileSchema>;
export type ActsFile = z.infer<typeof actsFileSchema>;
export type ItemFile = z.infer<typeof itemFileSchema>;
