// Uzbek wording generated from structured data: dates, deadlines and legal-basis citations.
import type { AmendmentBasis, Deadline, LegalAct, YearMonth } from '../domain/types.js';
import { fill, type Locale } from './locale.js';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}

/** "2024 йил 4 январь" (or "04" with `padDay`, where the locale's pattern uses {day}). */
export function longDate(iso: string, locale: Locale, padDay = false): string {
  const [y, m, d] = isoParts(iso);
  return fill(locale.date, { year: y, day: padDay ? pad2(d) : d, d, month: locale.months[m - 1]! });
}

/** "27.11.2023 й." */
export function shortDate(iso: string, locale: Locale): string {
  const [y, m, d] = isoParts(iso);
  return fill(locale.shortDate, { dd: pad2(d), mm: pad2(m), year: y });
}

export function monthName(m: YearMonth, locale: Locale): string {
  return locale.months[m.month - 1]!;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A day in one of the locale's patterns that take the month's stem before an ending: "1 мартгача", "1 апрелдаги". */
function dayWithStem(iso: string, pattern: string, locale: Locale): string {
  const [y, m, d] = isoParts(iso);
  return fill(pattern, { year: y, d, stem: locale.monthStems[m - 1]!, month: locale.months[m - 1]! });
}

/** "2021 йил 1 апрелдаги": a date standing before what it dates. */
export function attributiveDate(iso: string, locale: Locale): string {
  return dayWithStem(iso, locale.datedAttributive, locale);
}

/** "I чорак" or "2025 йил II чорак", from the pattern without and with the year. */
function ofYear(year: number | undefined, n: number, bare: string, withYear: string): string {
  return year === undefined ? fill(bare, { roman: ROMAN[n - 1]! }) : fill(withYear, { year, roman: ROMAN[n - 1]! });
}

/** "2024 йил январь–март"; across years "2023 йил декабрь – 2024 йил февраль"; every form in the locale's words. */
export function deadlineText(d: Deadline, locale: Locale): string {
  switch (d.kind) {
    case 'day': {
      const [y, m, day] = isoParts(d.date);
      return fill(locale.day, { year: y, d: day, month: locale.months[m - 1]! });
    }
    case 'by':
      return dayWithStem(d.date, locale.byDay, locale);
    case 'quarter':
      return ofYear(d.year, d.quarter, locale.quarter, locale.quarterOfYear);
    case 'half':
      return ofYear(d.year, d.half, locale.half, locale.halfOfYear);
    case 'year':
      return fill(locale.year, { year: d.year });
    case 'as-set':
      return locale.asSet;
    case 'text':
      return d.text;
    case 'month':
      return fill(locale.monthOfYear, { year: d.month.year, month: monthName(d.month, locale) });
    case 'range':
      return d.from.year === d.to.year
        ? fill(locale.monthOfYear, { year: d.from.year, month: `${monthName(d.from, locale)}${locale.rangeSeparator}${monthName(d.to, locale)}` })
        : `${fill(locale.monthOfYear, { year: d.from.year, month: monthName(d.from, locale) })} ${locale.rangeSeparator} ${fill(locale.monthOfYear, { year: d.to.year, month: monthName(d.to, locale) })}`;
    case 'quarterly':
      return d.year === undefined ? locale.quarterly : fill(locale.quarterlyOfYear, { year: d.year });
    case 'continuous':
      return locale.continuous;
  }
}

/** "ПФ-200-сон" */
function actNumber(act: LegalAct, locale: Locale): string {
  return `${act.kind.code}-${act.number}${locale.numberSuffix}`;
}

/** "27.11.2023 й. ПФ-200-сон" */
export function actReference(act: LegalAct, locale: Locale): string {
  return `${shortDate(act.date, locale)} ${actNumber(act, locale)}`;
}

/** "2021 йил 1 апрелдаги ПФ-6199-сон": an act by its long date and number, standing before its noun. */
export function datedAct(act: LegalAct, locale: Locale): string {
  return `${attributiveDate(act.date, locale)} ${actNumber(act, locale)}`;
}

/** Groups keep the order in which their first member is cited. */
function groupBy<T>(list: T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return [...groups.values()];
}

/**
 * The legal-basis citation: acts grouped by issuer, then by kind, each kind group closed by its noun in the
 * right number: "Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон, 27.11.2023 й. ПФ-200-сон
 * Фармонлари, 12.01.2022 й. ПҚ-81-сон Қарори".
 */
export function citation(acts: LegalAct[], locale: Locale, withAnd = false): string {
  const list = (refs: string[]) => (withAnd ? enumerate(refs, locale) : refs.join(', '));
  return groupBy(acts, (a) => a.issuer.id)
    .map((byIssuer) => {
      const kinds = groupBy(byIssuer, (a) => a.kind.id).map((group) => {
        const noun = group.length === 1 ? group[0]!.kind.singular : group[0]!.kind.plural;
        return `${list(group.map((a) => actReference(a, locale)))} ${noun}`;
      });
      return `${byIssuer[0]!.issuer.genitive} ${kinds.join(', ')}`;
    })
    .join('; ');
}

/** "Агентлик директорининг 15.03.2024 й. 45-сон буйруғи" */
export function amendmentBasis(basis: AmendmentBasis, locale: Locale): string {
  return amendmentBases([basis], locale);
}

/** "a, b ва c" */
function enumerate(list: string[], locale: Locale): string {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} ${locale.and} ${list.at(-1)}`;
}

/**
 * Several orders cited together, like the act citations: grouped by issuer and kind, one date for the numbers of
 * one day, the plural noun after several: "Агентлик директорининг 15.03.2024 й. 52-сон ва 60-сон буйруқлари".
 * When a kind cited several times has no plural declared (amendments.yaml `kinds`), each order is cited in full,
 * separated by commas, as before there were plurals.
 */
export function amendmentBases(bases: AmendmentBasis[], locale: Locale): string {
  const one = (b: AmendmentBasis) => `${b.issuer} ${shortDate(b.date, locale)} ${b.number}${locale.numberSuffix} ${b.kind}`;
  const groups = groupBy(bases, (b) => b.issuer).map((byIssuer) => groupBy(byIssuer, (b) => b.kind));
  if (groups.some((kinds) => kinds.some((g) => g.length > 1 && !g.some((b) => b.plural)))) return bases.map(one).join(', ');
  return groups
    .map((kinds) => {
      const cited = kinds.map((group) => {
        const byDate = groupBy(group, (b) => b.date).map(
          (day) =>
            `${shortDate(day[0]!.date, locale)} ${enumerate(
              day.map((b) => `${b.number}${locale.numberSuffix}`),
              locale,
            )}`,
        );
        return `${enumerate(byDate, locale)} ${group.length === 1 ? group[0]!.kind : group.find((b) => b.plural)!.plural}`;
      });
      return `${kinds[0]![0]!.issuer} ${cited.join(', ')}`;
    })
    .join('; ');
}
