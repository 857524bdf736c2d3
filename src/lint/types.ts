// The shapes every lint rule shares: a rule looks at the content and reports findings; the runner stamps
// each finding with the rule's id and the severity lint.yaml gives it (a rule never decides either).
import type * as z from 'zod';
import type { Place } from '../content/diagnostics.js';
import type { LintContext } from './context.js';

/** How seriously lint.yaml takes a rule. */
export type Level = 'off' | 'warn' | 'error';

import type { Fix } from './edits.js';

export type { Edit, Fix, ValueEdit } from './edits.js';

/** What a rule reports; the runner turns it into a Diagnostic. */
export interface Finding extends Place {
  field: string;
  /** In English. */
  message: string;
  /** The same in Uzbek Cyrillic (what `lint` prints unless asked for English). */
  uz?: string;
  expected?: string;
  found?: string;
  related?: Place & { message: string; uz?: string };
  fix?: Fix;
}

export interface Rule<O = unknown> {
  id: string;
  /** One line for `lint --help` and the lint.yaml comment. */
  summary: string;
  defaultLevel: Level;
  /** Its findings carry fixes that `lint --fix` may apply. */
  fixable: boolean;
  /** Options beside `level` in lint.yaml; a schema with defaults for every option. */
  options?: z.ZodType<O>;
  check(ctx: LintContext, options: O): Finding[];
}

/** Declares a rule with its options' type inferred from its schema. */
export function defineRule<O = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}
