// The legal-basis cell read back into act references: "Ўзбекистон Республикаси Президентининг 29.06.2020 й.
// ПФ-6013-сон, 27.11.2023 й. ПФ-200-сон Фармонлари" → issuer `president`, acts `pf-6013`, `pf-200`. Acts are
// collected into one registry; an act cited with two dates is declared with the first and reported.
import { findCitations, KNOWN_CODES, KNOWN_NOUNS } from '../uz/citations.js';
import { slug } from '../uz/words.js';

export interface IssuerOut {
  id: string;
  genitive: string;
}
export interface KindOut {
  id: string;
  code: string;
  singular: string;
  plural: string;
}
export interface ActOut {
  id: string;
  issuer: string;
  kind: string;
  number: string;
  date: string;
  /** Every citation of it: item number and the date it was cited with. */
  cited: { item: string; date: string }[];
}

const KIND_IDS: Record<string, string> = { ПФ: 'decree', ПҚ: 'resolution', ВМҚ: 'cabinet-resolution', ЎРҚ: 'law' };
const ISSUER_IDS: [RegExp, string][] = [
  [/Президентининг$/u, 'president'],
  [/Вазирлар Маҳкамасининг$/u, 'cabinet'],
];

export class ActRegistry {
  readonly issuers: IssuerOut[] = [];
  readonly kinds: KindOut[] = [];
  readonly acts: ActOut[] = [];

  private issuer(genitive: string): string {
    const found = this.issuers.find((i) => i.genitive === genitive);
    if (found) return found.id;
    const id = ISSUER_IDS.find(([re]) => re.test(genitive))?.[1] ?? (slug(genitive.split(/\s+/).slice(-2).join(' ')) || 'issuer');
    this.issuers.push({ id: this.issuers.some((i) => i.id === id) ? `${id}-${this.issuers.length + 1}` : id, genitive });
    return this.issuers[this.issuers.length - 1]!.id;
  }

  private kind(code: string, noun: string | undefined): string {
    const found = this.kinds.find((k) => k.code === code);
    if (found) return found.id;
    const known = KNOWN_NOUNS[code];
    const written = noun ? noun[0]!.toUpperCase() + noun.slice(1) : 'Ҳужжати';
    const nouns =
      known ??
      (written.endsWith('лари')
        ? { singular: written.replace(/лари$/u, 'и'), plural: written }
        : { singular: written, plural: written.replace(/и$/u, 'лари') });
    this.kinds.push({ id: KIND_IDS[code] ?? slug(code), code, ...nouns });
    return this.kinds[this.kinds.length - 1]!.id;
  }

  /** The act ids a basis cell cites, in order, and what in it could not be read. */
  read(cell: string, item: string): { ids: string[]; problems: string[] } {
    const ids: string[] = [];
    const problems: string[] = [];
    let issuer = '';
    let rest = cell;
    for (const part of cell.split(/;\s*/u)) {
      const groups = findCitations(part, [...KNOWN_CODES, ...this.kinds.map((k) => k.code)]);
      if (!groups.length) continue;
      const first = groups[0]!.acts[0]!;
      const before = part
        .slice(0, first.date?.start ?? first.start)
        .replace(/[\s,;]+$/u, '')
        .trim();
      if (before) issuer = before;
      if (!issuer) problems.push(`Unexpected citation without an issuer in \`${part}\`, expected it to start with one ("… Президентининг")`);
      for (const group of groups) {
        for (const act of group.acts) {
          rest = rest.replace(act.date?.text ?? '', '').replace(act.text, '');
          if (!act.date) {
            problems.push(`Unexpected \`${act.text}\` without a date, expected "ДД.ММ.ЙЙЙЙ й. ${act.text}"; left out`);
            continue;
          }
          const kind = this.kind(act.code, group.noun?.text);
          const id = `${slug(act.code)}-${act.number}`.toLowerCase();
          let entry = this.acts.find((a) => a.id === id);
          if (!entry) {
            entry = { id, issuer: issuer ? this.issuer(issuer) : 'unknown', kind, number: act.number, date: act.date.iso, cited: [] };
            this.acts.push(entry);
          }
          entry.cited.push({ item, date: act.date.iso });
          if (!ids.includes(id)) ids.push(id);
        }
        if (group.noun) rest = rest.replace(group.noun.text, '');
      }
      if (before) rest = rest.replace(before, '');
    }
    const left = rest
      .replace(/[\s,;.]+/gu, ' ')
      .replace(/(^|\s)ва(?=\s|$)/gu, ' ')
      .trim();
    if (left) problems.push(`Unexpected \`${left}\` in the legal basis \`${cell}\`, expected only the issuer and the acts`);
    return { ids, problems };
  }
}
