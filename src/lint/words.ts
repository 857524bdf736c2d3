// Words of a text for the spelling rules: runs of Uzbek Cyrillic letters (a hyphenated word gives its parts),
// with their positions, and the key under which a word compares equal to itself typed without ў/қ/ғ/ҳ.
import type { LintContext, Text } from './context.js';
import type { Finding } from './types.js';

export interface Word {
  word: string;
  /** Index in the text's value. */
  at: number;
}

const CYRILLIC_WORD = /(?<![\p{L}\p{M}\p{N}’ʼʻ'`])[А-яЁёЎўҚқҒғҲҳ]+(?![\p{L}\p{M}\p{N}’ʼʻ'`])/gu;

/** The Cyrillic words of a text; a word touching Latin letters, digits or apostrophes is left out. */
export function cyrillicWords(value: string): Word[] {
  return [...value.matchAll(CYRILLIC_WORD)].map((m) => ({ word: m[0], at: m.index }));
}

/** A word in lower case with ў, қ, ғ, ҳ read as у, к, г, х. */
export function foldLetters(word: string): string {
  return word.toLowerCase().replace(/ў/g, 'у').replace(/қ/g, 'к').replace(/ғ/g, 'г').replace(/ҳ/g, 'х');
}

/** How many of ў, қ, ғ, ҳ a word has. */
export function markedLetters(word: string): number {
  return (word.match(/[ЎўҚқҒғҲҳ]/gu) ?? []).length;
}

/** Printed texts (not source notes) of the content. */
export function printed(ctx: LintContext): Text[] {
  return ctx.texts.filter((t) => t.kind !== 'note');
}

/** `word` with the case of `like` (capitalised or all capitals). */
export function withCaseOf(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  return like[0] === like[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/**
 * The characters `start`–`end` of a text, widened to whole words, with `before` more words before them and
 * `after` after them.
 */
export function excerpt(value: string, start: number, end: number, before = 1, after = 1): string {
  let s = start;
  while (s > 0 && !/\s/u.test(value[s - 1]!)) s--;
  for (let n = 0; n < before; n++) {
    while (s > 0 && /\s/u.test(value[s - 1]!)) s--;
    while (s > 0 && !/\s/u.test(value[s - 1]!)) s--;
  }
  let e = end;
  while (e < value.length && !/\s/u.test(value[e]!)) e++;
  for (let n = 0; n < after; n++) {
    while (e < value.length && /\s/u.test(value[e]!)) e++;
    while (e < value.length && !/\s/u.test(value[e]!)) e++;
  }
  return value.slice(s, e).trim();
}

/** The findings of `check` on every match of `pattern` (global) in every printed text. */
export function checkMatches(ctx: LintContext, pattern: RegExp, check: (text: Text, m: RegExpExecArray) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (const text of printed(ctx)) {
    for (const m of text.value.matchAll(pattern)) {
      const f = check(text, m as RegExpExecArray);
      if (f) out.push(f);
    }
  }
  return out;
}

/** The findings of `check` on every Cyrillic word of every printed text (the shape of the spelling rules). */
export function checkWords(ctx: LintContext, check: (text: Text, word: Word) => Finding | undefined): Finding[] {
  return checkMatches(ctx, CYRILLIC_WORD, (text, m) => check(text, { word: m[0], at: m.index }));
}
