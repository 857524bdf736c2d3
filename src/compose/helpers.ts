// Handlebars helpers for Uzbek official text. Each returns plain text; Handlebars escapes it for the markup.
import type Handlebars from 'handlebars';
import type { AmendmentBasis, Deadline, LegalAct } from '../domain/types.js';
import type { YearMonth } from '../domain/types.js';
import { amendmentBases, amendmentBasis, citation, datedAct, deadlineText, longDate, monthName, shortDate } from '../uz/format.js';
import type { Locale } from '../uz/locale.js';

type Options = Handlebars.HelperOptions;

/**
 * `make(value)` worked out once per value object: the plan's values are read-only once loaded, and the extracts
 * cite the same acts and deadlines (the same objects) as the plan.
 */
function byObject<T extends object, R>(make: (value: T) => R): (value: T) => R {
  const known = new WeakMap<T, R>();
  return (value) => {
    if (typeof value !== 'object' || value === null) return make(value);
    let result = known.get(value);
    if (result === undefined) known.set(value, (result = make(value)));
    return result;
  };
}

export function registerHelpers(hb: typeof Handlebars, locale: Locale): void {
  const deadlineWords = byObject((d: Deadline) => deadlineText(d, locale));
  const citations = { comma: byObject((acts: LegalAct[]) => citation(acts, locale, false)), and: byObject((acts: LegalAct[]) => citation(acts, locale, true)) };
  /** {{uzDate iso}} → "2024 йил 4 январь"; pad=true → "04"; style="short" → "04.01.2024 й." */
  hb.registerHelper('uzDate', (iso: string, options: Options) => {
    const { style = 'long', pad = false } = options.hash as { style?: string; pad?: boolean };
    return style === 'short' ? shortDate(iso, locale) : longDate(iso, locale, pad);
  });
  /** {{datedAct act}} → "2021 йил 1 апрелдаги ПФ-6199-сон": an act named by its date and number, before its noun. */
  hb.registerHelper('datedAct', (act: LegalAct) => datedAct(act, locale));
  /** {{year iso}} → "2024" */
  hb.registerHelper('year', (iso: string) => String(iso).slice(0, 4));
  /** {{deadlineText value}} → "2024 йил январь–март", "Ҳар чоракда", … */
  hb.registerHelper('deadlineText', deadlineWords);
  /** {{citation acts}} → "Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон Фармони" */
  hb.registerHelper('citation', (acts: LegalAct[], options?: { hash?: { join?: string } }) =>
    (options?.hash?.join === 'and' ? citations.and : citations.comma)(acts),
  );
  /** {{amendmentBasis basis}} → "Агентлик директорининг 15.03.2024 й. 45-сон буйруғи" */
  hb.registerHelper('amendmentBasis', (basis: AmendmentBasis) => amendmentBasis(basis, locale));
  /** {{amendmentBases amendments}} → "Агентлик директорининг 15.03.2024 й. 52-сон ва 60-сон буйруқлари" (records or bases) */
  hb.registerHelper('amendmentBases', (list: ({ basis: AmendmentBasis } | AmendmentBasis)[]) =>
    amendmentBases(
      list.map((a) => ('basis' in a ? a.basis : a)),
      locale,
    ),
  );
  /** {{fieldName "deadline"}} → "Ижро муддати": an item field's name, from locale.yaml. */
  hb.registerHelper('fieldName', (field: keyof Locale['fields']) => locale.fields[field] ?? field);
  /** {{monthName m}} → "январь" for a month of the period. */
  hb.registerHelper('monthName', (m: YearMonth) => monthName(m, locale));
  /** {{join list ", "}} → the list's entries joined by the separator. */
  hb.registerHelper('join', (list: unknown[], separator: unknown) => list.join(typeof separator === 'string' ? separator : ', '));
  /** {{oneLine text}} → a multi-line value on one line. */
  hb.registerHelper('oneLine', (text: string) => String(text).split('\n').join(' '));
  /** {{#each (lines text)}} → the lines of a multi-line value. */
  hb.registerHelper('lines', (text: string) => String(text).split('\n'));
  /** {{upper text}} */
  hb.registerHelper('upper', (text: string) => String(text).toLocaleUpperCase('uz'));
  /** {{#if (eq a b)}} */
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}
