// The words of one edition (templates/locale.yaml), validated like content.
import * as z from 'zod';

/** A pattern that must hold each of `names` once, like "{year} йил {day} {month}". */
const pattern = (...names: string[]) =>
  z.string().refine((p) => names.every((n) => p.includes(`{${n}}`)), `expected a pattern with ${names.map((n) => `{${n}}`).join(', ')}`);

export const localeSchema = z.strictObject({
  months: z.array(z.string().min(1)).length(12),
  // {day} is padded to two digits where a template asks (pad=true), {d} never is.
  date: pattern('year', 'month').refine((p) => p.includes('{day}') || p.includes('{d}'), 'expected a pattern with {day} or {d}'),
  shortDate: pattern('dd', 'mm', 'year'),
  monthOfYear: pattern('year', 'month'),
  quarterlyOfYear: pattern('year'),
  quarterly: z.string().min(1),
  continuous: z.string().min(1),
  /** The stems a month takes before an ending: "апрел" in "1 апрелдаги", "1 апрелгача" (not "апрель-"). */
  monthStems: z.array(z.string().min(1)).length(12),
  /** "2021 йил 1 июль"; {d} is the day, never padded. */
  day: pattern('year', 'd', 'month'),
  /** "2024 йил 1 мартгача": {stem} is the month's stem. */
  byDay: pattern('year', 'd', 'stem'),
  /** "2021 йил 1 апрелдаги": a date before the act it dates. */
  datedAttributive: pattern('year', 'd', 'stem'),
  /** "I чорак"; "2025 йил II чорак" ({roman}: I–IV). */
  quarter: pattern('roman'),
  quarterOfYear: pattern('year', 'roman'),
  /** "I ярим йиллик"; "2024 йил I ярим йиллик". */
  half: pattern('roman'),
  halfOfYear: pattern('year', 'roman'),
  /** "2024 йил давомида" */
  year: pattern('year'),
  /** "Белгиланган муддатда" */
  asSet: z.string().min(1),
  rangeSeparator: z.string().min(1),
  numberSuffix: z.string(),
  /** The conjunction before the last of several: "52-сон ва 60-сон буйруқлари", "ПҚ-81-сон ва … ПҚ-240-сон". */
  and: z.string().min(1).default('ва'),
  /** Added under the number of an item that a page break splits, on the page where it continues. */
  continued: z.string().min(1),
  fields: z.strictObject({
    measure: z.string().min(1),
    mechanism: z.string().min(1),
    deadline: z.string().min(1),
    basis: z.string().min(1),
    result: z.string().min(1),
    responsible: z.string().min(1),
    section: z.string().min(1),
  }),
});

export type Locale = z.infer<typeof localeSchema>;

/** Fills `{name}` placeholders. */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
