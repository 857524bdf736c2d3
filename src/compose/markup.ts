// The small XML-like markup that templates write, parsed into an element tree.
// Templates produce markup, not the model itself, so designers edit layout as text; Handlebars escapes data
// for exactly this markup (& < > " ' ` =), and `decodeEntities` undoes that escaping.

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  /** Line in the template output where the element opens (for error messages). */
  line: number;
  /** Where the element's markup starts and ends in the rendered text (offsets), when it was parsed from one. */
  start?: number;
  end?: number;
  /** The root only: the rendered text the offsets count in. */
  source?: string;
}
export type MarkupNode = Element | string;

export class MarkupError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** For a mismatched closing tag: the element left open, so the message can point at where it was written. */
    readonly open?: { name: string; line: number },
  ) {
    super(`line ${line} of the rendered template: ${message}`);
    this.name = 'MarkupError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
const ATTR = /([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;

/** Parses markup into a root element named `#root`. Unclosed or mismatched tags are errors. */
export function parseMarkup(source: string): Element {
  const root: Element = { name: '#root', attrs: {}, children: [], line: 1, source };
  const stack: Element[] = [root];
  let last = 0;
  // Lines counted as the scan moves forward (offsets only grow), so reading stays linear in the markup's size.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (let i = source.indexOf('\n', counted); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  for (const m of source.matchAll(TAG)) {
    const top = stack[stack.length - 1]!;
    const textBefore = source.slice(last, m.index);
    if (textBefore) top.children.push(decodeEntities(textBefore));
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (top.name !== name) {
        throw new MarkupError(
          `unexpected </${name}>, expected </${top.name === '#root' ? '(nothing open)' : top.name}>`,
          lineAt(m.index),
          top.name === '#root' ? undefined : { name: top.name, line: top.line },
        );
      }
      stack.pop()!.end = m.index + m[0].length;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(ATTR)) attrs[a[1]!] = decodeEntities(a[2] ?? '');
    const el: Element = { name: name!, attrs, children: [], line: lineAt(m.index), start: m.index, end: selfClosing ? m.index + m[0].length : undefined };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  const rest = source.slice(last);
  if (rest) stack[stack.length - 1]!.children.push(decodeEntities(rest));
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!;
    throw new MarkupError(`<${open.name}> is never closed`, open.line);
  }
  if (/<[a-z/]/.test(rest)) throw new MarkupError('a tag that could not be read', lineAt(last));
  return root;
}
