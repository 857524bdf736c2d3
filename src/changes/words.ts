// Word-level difference of two texts, for telling a reader exactly what was reworded.

export type WordPart = { op: 'same' | 'removed' | 'added'; text: string };

/** Longest-common-subsequence diff over words, the removed words before the added ones; adjacent parts of one kind are merged. */
export function diffWords(before: string, after: string): WordPart[] {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const parts: WordPart[] = [];
  const push = (op: WordPart['op'], word: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += ` ${word}`;
    else parts.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  return parts;
}

/** "… [-old words-] {+new words+} …", with unchanged stretches longer than `context` words shortened. */
export function formatWordDiff(parts: WordPart[], context = 4): string {
  return parts
    .map((p, k) => {
      if (p.op === 'removed') return `[-${p.text}-]`;
      if (p.op === 'added') return `{+${p.text}+}`;
      const words = p.text.split(' ');
      if (words.length <= context * 2) return p.text;
      const head = k === 0 ? [] : words.slice(0, context);
      const tail = k === parts.length - 1 ? [] : words.slice(-context);
      return [...head, '…', ...tail].join(' ');
    })
    .join(' ');
}
