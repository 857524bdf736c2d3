// The words of one edition (templates/locale.yaml), validated like content.
import { z } from 'zod';

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
  rangeSeparator: z.string().min(1),
  numberSuffix: z.string(),
  /** The conjunction before the last of several: "52-сон ва 60-сон буйруқлари". */
  and: z.string().min(1).default('ва'),
  fields: z.strictObject({
    measure: z.string().min(1),
    mechanism: z.string().min(1),
    deadline: z.string().min(1),
    basis: z.string().min(1),
    result: z.string().min(1),
    responsible: z.string().min(1),
  }),
});

export type Locale = z.infer<typeof localeSchema>;

/** Fills `{name}` placeholders. */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
