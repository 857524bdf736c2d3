// typography/quote-style: quotation marks of more than one style in the plan (« » beside “ ”, or ASCII ").
// `style: consistent` takes the style most used in the plan; `«»` or `“”` sets a house style. Only the outer
// pair counts: quotes inside quotes may use the other style. Fixable.
import * as z from 'zod';
import { placeIn, textFix, type Text } from '../context.js';
import { defineRule, type Finding } from '../types.js';

type Style = '«»' | '“”' | '""';
const OPEN: Record<string, Style> = { '«': '«»', '“': '“”' };
const CLOSE: Record<string, Style> = { '»': '«»', '”': '“”' };

interface Pair {
  style: Style;
  open: number;
  close: number;
}

/** The outermost quotation pairs of a text. */
function outerPairs(value: string): Pair[] {
  const pairs: Pair[] = [];
  const stack: { style: Style; at: number }[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const top = stack[stack.length - 1];
    let closed: { style: Style; at: number } | undefined;
    if (c === '"') {
      if (top?.style === '""') closed = stack.pop();
      else stack.push({ style: '""', at: i });
    } else if (OPEN[c]) stack.push({ style: OPEN[c], at: i });
    else if (CLOSE[c] && top?.style === CLOSE[c]) closed = stack.pop();
    if (closed && stack.length === 0) pairs.push({ style: closed.style, open: closed.at, close: i });
  }
  return pairs;
}

export const quoteStyle = defineRule({
  id: 'typography/quote-style',
  summary: 'Quotation marks of another style than the plan\'s (« » vs “ ”, or ASCII "); fixable',
  defaultLevel: 'warn',
  fixable: true,
  options: z.strictObject({ style: z.enum(['consistent', '«»', '“”']).default('consistent') }),
  check(ctx, { style }) {
    const texts = ctx.texts.filter((t) => t.kind !== 'note');
    const found = texts.map((t) => [t, outerPairs(t.value)] as [Text, Pair[]]);
    let house: Style = style === 'consistent' ? '“”' : style;
    if (style === 'consistent') {
      const count = (s: Style) => found.reduce((n, [, ps]) => n + ps.filter((p) => p.style === s).length, 0);
      if (count('«»') > count('“”')) house = '«»';
    }
    const out: Finding[] = [];
    for (const [text, pairs] of found) {
      for (const p of pairs.filter((p) => p.style !== house)) {
        const quoted = text.value.slice(p.open, p.close + 1);
        const shown = quoted.length > 40 ? `${quoted.slice(0, 20)}…${quoted.slice(-19)}` : quoted;
        const fix = textFix(text, [
          { start: p.open, end: p.open + 1, text: house[0]! },
          { start: p.close, end: p.close + 1, text: house[1]! },
        ]);
        out.push({
          ...placeIn(text, p.open),
          field: text.field,
          message: `Unexpected ${p.style[0]} ${p.style[1]} in \`${shown}\`, expected ${house[0]} ${house[1]}${style === 'consistent' ? ' as most of the plan has' : ' (the house style)'}`,
          uz: `\`${shown}\` ичида ${p.style[0]} ${p.style[1]} қўштирноқ, ${style === 'consistent' ? 'режанинг кўп жойидагидек' : 'белгиланган услубдагидек'} ${house[0]} ${house[1]} бўлиши керак`,
          found: p.style,
          expected: house,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
});
