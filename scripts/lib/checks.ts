// The checks on one PDF: each returns a verdict with a one-line reason, never throws for a bad file.
import type { Edition, ExpectedDocument } from './expected.js';
import { expectedLetters } from './expected.js';
import { checkedWords, itemNumbers, letterCounts, missingInOrder, overlappingLines, pagesWithoutHeader, wordStream, type PdfPage } from './pdf-text.js';
import { lastLine, run } from './programs.js';

export interface Verdict {
  ok: boolean;
  /** Why it failed, or a short note of what was seen when it passed. */
  note: string;
}

const pass = (note = ''): Verdict => ({ ok: true, note });
const fail = (note: string): Verdict => ({ ok: false, note });

/** Lists at most `n` things, saying how many more there are. */
export function some(list: string[], n = 6): string {
  return list.length <= n ? list.join(', ') : `${list.slice(0, n).join(', ')} … (${list.length - n} more)`;
}

export async function qpdfCheck(file: string): Promise<Verdict> {
  const r = await run('qpdf', ['--check', file]);
  // Exit 0: clean; 3: warnings only; 2: errors. A warning means qpdf had to repair something: not clean.
  if (r.code === 0) return pass();
  return fail(`exit ${r.code}: ${lastLine(r.stderr) || lastLine(r.stdout)}`);
}

/** Every font the PDF uses is embedded (`pdffonts` column emb = yes). */
export async function fontsEmbedded(file: string): Promise<Verdict> {
  const r = await run('pdffonts', [file]);
  if (r.code !== 0) return fail(`pdffonts exit ${r.code}: ${lastLine(r.stderr)}`);
  const lines = r.stdout.split('\n');
  const rule = lines.findIndex((l) => /^-+( -+)+\s*$/.test(l));
  if (rule < 0) return fail('pdffonts printed no font table');
  // Column ranges from the dashes under the header: names and types may hold spaces ("CID TrueType").
  const columns = [...lines[rule]!.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const [nameCol, embCol] = [columns[0]!, columns[3]!];
  const fonts = lines
    .slice(rule + 1)
    .filter((l) => l.trim())
    .map((l) => ({ name: l.slice(...nameCol).trim(), emb: l.slice(...embCol).trim() }));
  if (!fonts.length) return fail('no fonts at all (text drawn as outlines or missing)');
  const bare = fonts.filter((f) => f.emb !== 'yes');
  if (bare.length) return fail(`not embedded: ${some(bare.map((f) => f.name))}`);
  return pass(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).join(', '));
}

/** Exactly the document's item numbers, each once, in plan order, in the № column. */
export function numbersCheck(pages: PdfPage[], doc: ExpectedDocument): Verdict {
  const found = itemNumbers(pages).map((n) => n.number);
  const wanted = doc.items.map((i) => i.number);
  if (found.join(',') === wanted.join(',')) return pass(`${wanted.length} items: ${some(wanted.map(String), 12)}`);
  const missing = wanted.filter((n) => !found.includes(n));
  const extra = found.filter((n) => !wanted.includes(n));
  const twice = found.filter((n, i) => found.indexOf(n) !== i);
  const why = [
    missing.length ? `missing ${some(missing.map(String))}` : '',
    extra.length ? `not in this document ${some(extra.map(String))}` : '',
    twice.length ? `more than once ${some(twice.map(String))}` : '',
  ].filter(Boolean);
  return fail(why.length ? why.join('; ') : `out of order: ${some(found.map(String), 12)}`);
}

/**
 * Every checked word of every item, in order within each of its texts, after the item's number. Pieces are
 * compared whole after white space is normalised, so a changed letter, a lost word or a word moved to another item
 * fails; a word broken after a hyphen matches only as the two pieces pdftotext shows.
 */
export function wordsCheck(pages: PdfPage[], doc: ExpectedDocument, ed: Edition): Verdict {
  const stream = wordStream(pages, itemNumbers(pages));
  const missing: string[] = [];
  let total = 0;
  for (const item of doc.items) {
    const from = stream.numberAt.get(item.number) ?? 0;
    for (const words of item.texts.map((t) => checkedWords(ed.text(t)))) {
      total += words.length;
      for (const w of missingInOrder(stream, words, from)) missing.push(`item ${item.number}: “${w}”`);
    }
  }
  if (missing.length) return fail(`${missing.length} of ${total} words not found in order: ${some(missing, 5)}`);
  return pass(`${total} words of ${doc.items.length} items`);
}

/**
 * The edition's own letters come back as themselves (a font without them, or a broken ToUnicode map, loses them
 * first), at least as often as the items' texts hold them; a Latin edition has no Cyrillic letter left.
 */
export function lettersCheck(pages: PdfPage[], doc: ExpectedDocument, ed: Edition): Verdict {
  const wanted = expectedLetters(doc, ed);
  const seen = letterCounts(pages, ed.letters);
  const short = ed.letters.filter((c) => seen.get(c)! < wanted.get(c)!);
  if (short.length) return fail(short.map((c) => `${c} ${seen.get(c)} of ${wanted.get(c)}`).join(', '));
  if (ed.latinOnly) {
    const cyrillic = pages.flatMap((p) => p.words.filter((w) => /\p{Script=Cyrillic}/u.test(w.text)).map((w) => `p. ${p.number} “${w.text}”`));
    if (cyrillic.length) return fail(`Cyrillic left in the Latin edition: ${some(cyrillic, 4)}`);
  }
  const unused = ed.letters.filter((c) => wanted.get(c) === 0 && seen.get(c) === 0);
  const shown = ed.letters.filter((c) => seen.get(c)! > 0).map((c) => `${c} ${seen.get(c)}`);
  return pass(`${shown.join(' ')}${unused.length ? `; ${unused.join(' ')} not used by the content` : ''}`);
}

export function headerCheck(pages: PdfPage[], ed: Edition, headings: readonly string[]): Verdict {
  const problems = pagesWithoutHeader(pages, headings.map(ed.text));
  if (problems.length) return fail(some(problems, 4));
  return pass(`${pages.length} page${pages.length === 1 ? '' : 's'}`);
}

/** No line of text printed over another (line spacing smaller than the font, a frame over the text). */
export function overlapCheck(pages: PdfPage[]): Verdict {
  const found = overlappingLines(pages);
  return found.length ? fail(`${found.length} pairs of lines overlap: ${some(found, 2)}`) : pass();
}

/**
 * LibreOffice's page count close to ours. The two programs break lines slightly differently (different
 * justification and line-height rounding), and over a long table a few lines more per page add up to a page
 * every ten or so; a missing header repeat, a lost row or a wrong page size moves it far more. Allowed:
 * one page, or 15 % of our count when that is more.
 */
export function pageCountCheck(ours: number, theirs: number): Verdict {
  const allowed = Math.max(1, Math.round(ours * 0.15));
  const note = `${theirs} vs our ${ours} page${ours === 1 ? '' : 's'} (allowed ±${allowed})`;
  return Math.abs(ours - theirs) <= allowed ? pass(note) : fail(note);
}
