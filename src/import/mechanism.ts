// The mechanism cell as an intro and steps: numbered steps ("1. … 2. …", whether each is its own paragraph or
// they run on in one), or unnumbered ones (paragraphs, or clauses that end with ";" before a capital), with an
// intro where the text before them ends with ":". A single text without steps stays one text.
import { rowAt, type Para } from './cells.js';

export interface Step {
  text: string;
  /** The table row where the step starts. */
  row: number;
}

export interface Mechanism {
  intro?: string;
  numbered: boolean;
  steps: Step[];
}

const LABEL = /(?:^|(?<=[.;:!?»”)]\s+))(\d{1,2})\.\s+/gu;
const STARTS = /^[\p{Lu}«“"]/u;

interface Label {
  p: number;
  at: number;
  end: number;
}

/** Labels 1, 2, 3, … in order: at a paragraph's start, or after a sentence's end before a capital. */
function labels(paras: Para[]): Label[] {
  const found: Label[] = [];
  let expected = 1;
  paras.forEach((para, p) => {
    for (const m of para.text.matchAll(LABEL)) {
      const end = m.index + m[0].length;
      if (Number(m[1]) !== expected || (m.index > 0 && !STARTS.test(para.text.slice(end)))) continue;
      found.push({ p, at: m.index, end });
      expected++;
    }
  });
  return found.length >= 2 || (found.length === 1 && found[0]!.at === 0) ? found : [];
}

/** Text from (p1, a) to (p2, b), paragraphs joined with a space. */
function slice(paras: Para[], p1: number, a: number, p2: number, b: number): string {
  if (p1 === p2) return paras[p1]!.text.slice(a, b).trim();
  const parts = [paras[p1]!.text.slice(a), ...paras.slice(p1 + 1, p2).map((p) => p.text), paras[p2]?.text.slice(0, b) ?? ''];
  return parts
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

export function splitMechanism(paras: Para[]): Mechanism {
  const found = labels(paras);
  if (found.length) {
    const intro = slice(paras, 0, 0, found[0]!.p, found[0]!.at);
    const steps = found.map((l, k) => {
      const next = found[k + 1];
      const text = next ? slice(paras, l.p, l.end, next.p, next.at) : slice(paras, l.p, l.end, paras.length - 1, Infinity);
      return { text, row: rowAt(paras[l.p]!, l.at) };
    });
    return { ...(intro ? { intro } : {}), numbered: true, steps };
  }
  const pieces: Step[] = [];
  paras.forEach((para, p) => {
    const cuts = [0];
    if (p === 0) {
      const colon = /(?<=:)\s+(?=[\p{Lu}«“"])/u.exec(para.text);
      if (colon) cuts.push(colon.index);
    }
    for (const m of para.text.matchAll(/(?<=;)\s+(?=[\p{Lu}«“"])/gu)) cuts.push(m.index);
    const sorted = [...new Set(cuts)].sort((a, b) => a - b);
    sorted.forEach((at, k) => {
      const text = para.text.slice(at, sorted[k + 1] ?? para.text.length).trim();
      if (text) pieces.push({ text, row: rowAt(para, at) });
    });
  });
  if (pieces.length <= 1) return { ...(pieces[0] ? { intro: pieces[0].text } : {}), numbered: false, steps: [] };
  const intro = pieces[0]!.text.endsWith(':') ? pieces.shift()!.text : undefined;
  return { ...(intro ? { intro } : {}), numbered: false, steps: pieces };
}
