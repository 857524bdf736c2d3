// text/mixed-script: letters of another script inside a word (Latin or Arabic letters in a Cyrillic word,
// a Cyrillic letter in a Latin name, letters of other Cyrillic alphabets such as Һ, Ӯ, Ҡ, і, ң).
// Whole Latin words (E-Anticor.uz, ROLACC, Open data) are fine.
import { placeIn, textFix, type Text } from '../context.js';
import { allLookAlike, counterpart, SCRIPT_NAME, scriptOf, type Script } from '../../uz/script.js';
import { defineRule, type Finding, type ValueEdit } from '../types.js';
import { remembered } from '../../memo.js';

// ʻ (U+02BB) and ʼ (U+02BC) are the Uzbek Latin oʻ/gʻ mark and tutuq belgisi: they join a word, like ’.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-.'’ʼʻ][\p{L}\p{M}\p{N}]+)*/gu;

interface Letter {
  ch: string;
  at: number;
  script: Script;
}

/** The letters of a word that do not belong to it, and the script the word is written in. */
function strangers(token: string, at: number): { letters: Letter[]; target: Script } | null {
  const segments: Letter[][] = [];
  let seg: Letter[] = [];
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    if (/[-.'’ʼʻ]/.test(ch)) {
      segments.push(seg);
      seg = [];
      continue;
    }
    const script = scriptOf(ch);
    if (script) seg.push({ ch, at: at + i, script });
  }
  segments.push(seg);
  const count = (list: Letter[], s: Script) =>
    list.filter((l) => (s === 'cyrillic' ? l.script === 'cyrillic' || l.script === 'foreign-cyrillic' : l.script === s)).length;
  const all = segments.flat();
  const foreign = all.filter((l) => l.script === 'foreign-cyrillic');
  const scripts = new Set(all.map((l) => (l.script === 'foreign-cyrillic' ? 'cyrillic' : l.script)));
  if (scripts.size <= 1) return foreign.length ? { letters: foreign, target: 'cyrillic' } : null;

  // A segment mixed inside itself: the minority letters are strangers (a tie counts as Cyrillic, the plan's script).
  const mixed = segments.filter((s) => new Set(s.map((l) => (l.script === 'foreign-cyrillic' ? 'cyrillic' : l.script))).size > 1);
  if (mixed.length) {
    const letters: Letter[] = [];
    let target: Script = 'cyrillic';
    for (const s of mixed) {
      target = count(s, 'latin') > count(s, 'cyrillic') ? 'latin' : 'cyrillic';
      letters.push(...s.filter((l) => (target === 'cyrillic' ? l.script !== 'cyrillic' : l.script !== 'latin')));
    }
    return { letters, target };
  }
  // Segments each in one script ("Е-Anticor.uz"): a short segment of look-alike letters beside a long one.
  const lat = count(all, 'latin');
  const cyr = count(all, 'cyrillic');
  const [target, minority]: [Script, Letter[]] =
    lat > cyr ? ['latin', all.filter((l) => l.script !== 'latin')] : ['cyrillic', all.filter((l) => l.script === 'latin')];
  if (
    minority.length <= 2 &&
    all.length - minority.length >= 3 &&
    allLookAlike(
      minority.map((l) => l.ch),
      target,
    )
  )
    return { letters: minority, target };
  return null;
}

/** `strangers` of each word, remembered (at offset 0): a plan repeats its words thousands of times, most clean. */
const known = new Map<string, ReturnType<typeof strangers>>();
function strangersIn(token: string, at: number): ReturnType<typeof strangers> {
  const found = remembered(known, token, () => strangers(token, 0), 100_000);
  return found && { target: found.target, letters: found.letters.map((l) => ({ ...l, at: l.at + at })) };
}

function describe(letters: Letter[]): string {
  const byScript = new Map<Script, string[]>();
  for (const l of letters) {
    const list = byScript.get(l.script) ?? [];
    if (!list.includes(l.ch)) list.push(l.ch);
    byScript.set(l.script, list);
  }
  return [...byScript].map(([s, chs]) => `${SCRIPT_NAME[s]} ${chs.map((c) => `\`${c}\``).join(', ')}`).join(' and ');
}

const SCRIPT_UZ: Record<Script, string> = {
  cyrillic: 'кирилл',
  latin: 'лотин',
  arabic: 'араб',
  'foreign-cyrillic': 'бошқа кирилл алифбоси',
  other: 'бошқа ёзув',
};

function describeUz(letters: Letter[]): string {
  return [...new Set(letters.map((l) => l.script))]
    .map((s) => `${SCRIPT_UZ[s]}: ${[...new Set(letters.filter((l) => l.script === s).map((l) => `\`${l.ch}\``))].join(', ')}`)
    .join('; ');
}

function check(text: Text): Finding[] {
  const out: Finding[] = [];
  for (const m of text.value.matchAll(TOKEN)) {
    const found = strangersIn(m[0], m.index);
    if (!found) continue;
    const { letters, target } = found;
    const edits: ValueEdit[] = [];
    for (const l of letters) {
      const c = counterpart(l.ch, target);
      if (c) edits.push({ start: l.at, end: l.at + l.ch.length, text: c });
    }
    const complete = edits.length === letters.length;
    let expected = m[0];
    for (const e of [...edits].reverse()) expected = expected.slice(0, e.start - m.index) + e.text + expected.slice(e.end - m.index);
    const fix = complete ? textFix(text, edits) : undefined;
    out.push({
      ...placeIn(text, letters[0]!.at),
      field: text.field,
      message: `Unexpected ${describe(letters)} in ${SCRIPT_NAME[target]} word \`${m[0]}\`, expected ${complete ? `\`${expected}\`` : `${SCRIPT_NAME[target]} letters only`}`,
      uz: `\`${m[0]}\` сўзида бошқа ёзувнинг ҳарфлари бор (${describeUz(letters)})${complete ? `, \`${expected}\` бўлиши керак` : ''}`,
      found: m[0],
      ...(complete ? { expected } : {}),
      ...(fix ? { fix } : {}),
    });
  }
  return out;
}

export const mixedScript = defineRule({
  id: 'text/mixed-script',
  summary: 'Letters of another script inside a word (Latin, Arabic, other Cyrillic alphabets); fixable where the meant letter is clear',
  defaultLevel: 'error',
  fixable: true,
  check: (ctx) => ctx.texts.flatMap(check),
});
