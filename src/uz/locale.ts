// The words of one edition (templates/locale.yaml), validated like content.
import { z } from 'zod';

export const localeSchema = z.strictObject({
  months: z.array(z.string().min(1)).length(12),
  year: z.string().min(1),
  yearShort: z.string().min(1),
  numberSuffix: z.string(),
  quarterly: z.string().min(1),
  continuous: z.string().min(1),
  rangeSeparator: z.string().min(1),
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
