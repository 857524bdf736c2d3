// A document's inputs as one hash, known before it is composed: the versions of the tool, the fonts and the
// templates folder, which template in which edition and script, and every value of the view the template is given.
// The same key means the same document model, so a file made from it last time can be kept without composing or
// laying the document out again. The view is taken value by value (not as JSON, which drops undefined and turns a
// Map into {}): anything but plain data makes the key null, and the document is then composed and compared as before.
import { createHash, type Hash } from 'node:crypto';

class NotPlain extends Error {}

function feed(hash: Hash, value: unknown, open: object[]): void {
  if (value === null) hash.update('N');
  else if (value === undefined) hash.update('U');
  else if (typeof value === 'boolean') hash.update(value ? 'T' : 'F');
  else if (typeof value === 'number') hash.update(`n${Object.is(value, -0) ? '-0' : String(value)};`);
  else if (typeof value === 'string') hash.update(`s${value.length}:`).update(value);
  else if (typeof value === 'object') {
    if (open.includes(value)) throw new NotPlain();
    open.push(value);
    // Only own enumerable string keys are fed: a template could still reach a hidden or symbol-keyed one, or tell a
    // hole from undefined (`each` skips holes), so a value that has any of these is not plain.
    if (Object.getOwnPropertySymbols(value).length) throw new NotPlain();
    if (Array.isArray(value)) {
      if (Object.keys(value).length !== value.length || Object.getOwnPropertyNames(value).length !== value.length + 1) throw new NotPlain();
      hash.update(`a${value.length}[`);
      for (let i = 0; i < value.length; i++) feed(hash, value[i], open);
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertyNames(value).length !== Object.keys(value).length) throw new NotPlain();
      // Keys in their own order: a template iterating an object sees them in that order.
      const keys = Object.keys(value);
      hash.update(`o${keys.length}{`);
      for (const key of keys) {
        hash.update(`${key.length}:`).update(key);
        feed(hash, (value as Record<string, unknown>)[key], open);
      }
    }
    hash.update(']');
    open.pop();
  } else throw new NotPlain();
}

export interface DocumentInputs {
  /** The tool's, the fonts' and the templates folder's versions. */
  versions: string;
  template: string;
  edition: string;
  /** The plan's own script (its edition is laid out from the text composed in it). */
  script: string;
  view: unknown;
}

/** The hash of everything a document's model is made from, or null when the view is not plain data. */
export function inputsKey({ versions, template, edition, script, view }: DocumentInputs): string | null {
  const hash = createHash('sha256').update(`document inputs v1\n${versions}\n${template}\n${edition}\n${script}\n`);
  try {
    feed(hash, view, []);
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
  return hash.digest('hex');
}
