// typography/balance: quotation marks and brackets that do not pair up in a text: an opening « “ ( [ never
// closed, a closing one never opened, or a pair of two styles («…”), and an odd number of ASCII ".
import { placeIn } from '../context.js';
import { printed } from '../words.js';
import { defineRule, type Finding } from '../types.js';

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '(': ')', '[': ']' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

export const balance = defineRule({
  id: 'typography/balance',
  summary: 'Quotation marks or brackets that are not closed, not opened, or closed by another kind',
  defaultLevel: 'warn',
  fixable: false,
  check(ctx) {
    const out: Finding[] = [];
    for (const text of printed(ctx)) {
      const stack: { ch: string; at: number }[] = [];
      const report = (at: number, message: string, uz: string, found: string) => out.push({ ...placeIn(text, at), field: text.field, message, uz, found });
      const ascii: number[] = [];
      for (let i = 0; i < text.value.length; i++) {
        const c = text.value[i]!;
        if (c === '"') ascii.push(i);
        else if (PAIRS[c]) stack.push({ ch: c, at: i });
        else if (CLOSERS.has(c)) {
          const open = CLOSERS.get(c)!;
          const top = stack[stack.length - 1];
          if (top?.ch === open) stack.pop();
          else if (top && !stack.some((s) => s.ch === open) && (top.ch === '«' || top.ch === '“') && (c === '»' || c === '”')) {
            stack.pop();
            report(
              top.at,
              `Unexpected \`${top.ch}\` closed by \`${c}\`, expected \`${PAIRS[top.ch]}\``,
              `\`${top.ch}\` қўштирноғи \`${c}\` билан ёпилган, \`${PAIRS[top.ch]}\` бўлиши керак`,
              `${top.ch}…${c}`,
            );
          } else {
            const k = stack.map((s) => s.ch).lastIndexOf(open);
            if (k >= 0) stack.splice(k, 1);
            else report(i, `Unexpected closing \`${c}\` without its \`${open}\``, `\`${c}\` ёпилган, лекин \`${open}\` очилмаган`, c);
          }
        }
      }
      for (const s of stack)
        report(s.at, `Unexpected \`${s.ch}\` never closed, expected \`${PAIRS[s.ch]}\``, `\`${s.ch}\` очилган, лекин \`${PAIRS[s.ch]}\` билан ёпилмаган`, s.ch);
      if (ascii.length % 2 === 1) report(ascii.at(-1)!, 'Unexpected odd number of `"`, expected them in pairs', '`"` белгиси жуфт эмас', '"');
    }
    return out;
  },
});
