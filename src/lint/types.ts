// The shapes every lint rule shares: a rule looks at the content and reports findings; the runner stamps
// each finding with the rule's id and the severity lint.yaml gives it (a rule never decides either).
import type { z } from 'zod';
import type { Place } from '../content/diagnostics.js';
import type { LintContext } from './context.js';

/** How seriously lint.yaml takes a rule. */
export type Level = 'off' | 'warn' | 'error';

/** One replacement in a content file, in offsets of its source text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A replacement of characters `start`–`end` of a scalar's value. */
export interface ValueEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * A mechanical correction of one scalar: its edits in value positions (to know what the value must read
 * after them) and the same edits in offsets of the file's text (to splice the file without touching its layout).
 */
export interface Fix {
  /** Path inside the content folder: `items/05.yaml`. */
  file: string;
  path: (string | number)[];
  before: string;
  edits: ValueEdit[];
  sourceEdits: Edit[];
}

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
