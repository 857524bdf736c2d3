// Where each character of a YAML scalar's value stands in the file's text, so that a finding inside a long
// folded (`>-`) text points at its own line and column, and a fix can splice the file at that exact spot.
import { Scalar } from 'yaml';

/**
 * Source offset of every character of `node`'s value, plus one entry for the end. A character that the
 * parser made out of several source characters (a folded line break with the next line's indentation, a
 * quoted `''`) spans from its offset to the next one.
 */
export function valueOffsets(source: string, node: Scalar, value: string): number[] {
  const [start, end] = node.range ?? [0, source.length];
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  let s = block ? source.indexOf('\n', start) + 1 : quoted ? start + 1 : start;
  const limit = Math.min(end, source.length);
  const offsets: number[] = [];
  const skipIndent = () => {
    while (s < limit && (source[s] === ' ' || source[s] === '\t')) s++;
  };
  if (block) skipIndent();
  for (const c of value) {
    // A line break in the source that the value shows as a space (folding) or as a line break.
    if ((c === ' ' || c === '\n') && (source[s] === '\n' || source[s] === '\r')) {
      offsets.push(s);
      if (source[s] === '\r') s++;
      s++;
      skipIndent();
      continue;
    }
    let t = s;
    while (t < limit && source[t] !== c) t++;
    if (t >= limit) {
      // Not found literally (an escape): keep the position, so the mapping stays monotonic.
      offsets.push(s);
      continue;
    }
    offsets.push(t);
    s = t + c.length;
  }
  offsets.push(s);
  // A value of astral characters: `for…of` walks code points, offsets index UTF-16 units; spread to match.
  if (offsets.length !== value.length + 1) return spreadToUnits(offsets, value);
  return offsets;
}

function spreadToUnits(perCodePoint: number[], value: string): number[] {
  const out: number[] = [];
  let k = 0;
  for (const c of value) {
    out.push(perCodePoint[k]!);
    if (c.length === 2) out.push(perCodePoint[k]! + 1);
    k++;
  }
  out.push(perCodePoint[k]!);
  return out;
}
