// Template problems at the template's own file:line:column, in the one diagnostic shape:
// - syntax errors, found when the templates load (every partial too), at the token the parser stopped on;
// - errors while rendering (a field the view lacks, a missing partial), in the innermost template or partial;
// - errors in the markup the templates wrote (an unclosed tag, a misplaced element), mapped back from the line of
//   the rendered markup to the template text that wrote the tag: the template is rendered once more with an
//   invisible marker before every `<` of its own text, and the marker on that line names the template's place.
import Handlebars from 'handlebars';
import { ContentError, type Diagnostic, type Place } from '../content/diagnostics.js';

/** A template, locale or font problem: a ContentError with one diagnostic, so it travels and prints like any other. */
export class TemplateError extends ContentError {
  readonly file: string;
  constructor(readonly diagnostic: Diagnostic) {
    super([diagnostic]);
    this.name = 'TemplateError';
    this.file = diagnostic.file;
  }
}

export function templateError(at: Place, ruleId: string, message: string): TemplateError {
  return new TemplateError({ ...at, severity: 'error', ruleId, field: '', message });
}

/** Parses a template's source, throwing a TemplateError at the place of a syntax error. */
export function checkSyntax(hb: typeof Handlebars, file: string, source: string): hbs.AST.Program {
  try {
    return hb.parse(source);
  } catch (e) {
    const lexer = (hb as unknown as { Parser: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer;
    const message = (e as Error).message;
    const line = Number(/on line (\d+)/.exec(message)?.[1] ?? lexer?.yylloc?.first_line ?? 1);
    const column = lexer?.yylloc && lexer.yylloc.first_line === line ? lexer.yylloc.first_column + 1 : 1;
    const expected = /Expecting (.+), got '([^']+)'/.exec(message);
    const words = expected
      ? `Template syntax error: unexpected ${expected[2] === 'EOF' ? 'end of the template (a block left open?)' : `\`${expected[2]}\``}`
      : `Template syntax error: ${message.split('\n')[0]}`;
    throw templateError({ file, line, column }, 'template/syntax', words);
  }
}

const FILE = Symbol('template file');

/** Wraps a compiled template so an error thrown inside it is tagged with its file (the innermost wins). */
export function tagged<T extends (...args: never[]) => string>(file: string, render: T): T {
  return ((...args: Parameters<T>) => {
    try {
      return render(...args);
    } catch (e) {
      if (e && typeof e === 'object' && !(FILE in e)) Object.assign(e, { [FILE]: file });
      throw e;
    }
  }) as T;
}

/** An error thrown while rendering, as a TemplateError at its template's place. */
export function renderError(e: unknown, fallbackFile: string, sourceOf: (file: string) => string | undefined): TemplateError {
  const err = e as Error & { lineNumber?: number; column?: number; [FILE]?: string };
  const file = err[FILE] ?? fallbackFile;
  let at = { file, line: err.lineNumber ?? 1, column: (err.column ?? 0) + 1 };
  const undefinedField = /^"([^"]+)" not defined in/.exec(err.message);
  if (undefinedField)
    return templateError(at, 'template/field', `Unknown field \`${undefinedField[1]}\`, expected a field the view provides (see templates/README.md)`);
  const partial = /^The partial (.+) could not be found/.exec(err.message);
  if (partial && err.lineNumber === undefined) {
    // Handlebars gives no position here: find the call in the template's text.
    const source = sourceOf(file) ?? '';
    const call = new RegExp(`\\{\\{~?>\\s*${partial[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(source);
    if (call) {
      const before = source.slice(0, call.index);
      at = { file, line: before.split('\n').length, column: call.index - before.lastIndexOf('\n') };
    }
  }
  if (partial) return templateError(at, 'template/partial', `Unknown partial \`${partial[1]}\`, expected a file templates/partials/${partial[1]}.hbs`);
  const helper = /^Missing helper: "([^"]+)"/.exec(err.message);
  if (helper) return templateError(at, 'template/helper', `Unknown helper \`${helper[1]}\`, expected one of the helpers in templates/README.md`);
  return templateError(at, 'template/render', err.message.replace(/ - \d+:\d+$/, ''));
}

const MARK = /\u0001(\d+)\u0002/g;

/** A copy of a template's syntax tree with a marker before every `<` of its own text; places go into `places`. */
export function instrument(ast: hbs.AST.Program, file: string, places: Place[]): hbs.AST.Program {
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: string; original?: string; loc?: hbs.AST.SourceLocation };
    if (n.type === 'ContentStatement' && typeof n.value === 'string' && n.loc) {
      const original = n.original ?? n.value;
      const skip = Math.max(0, original.indexOf(n.value));
      const value = n.value;
      n.value = value.replace(/</g, (_lt, i: number) => {
        const before = original.slice(0, skip + i);
        const nl = before.lastIndexOf('\n');
        const line = n.loc!.start.line + (before.match(/\n/g)?.length ?? 0);
        const column = nl === -1 ? n.loc!.start.column + before.length + 1 : before.length - nl;
        places.push({ file, line, column });
        return `\u0001${places.length - 1}\u0002<`;
      });
      return;
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  const copy = structuredClone(ast);
  walk(copy);
  return copy;
}

/**
 * Where in the templates the element named in `message` on `line` of the rendered markup was written: the marker
 * before that element's `<` in the instrumented rendering (the first one on the line if the name is not found).
 */
export function placeOfLine(instrumented: string, line: number, message: string, places: Place[]): Place | null {
  const lines = instrumented.split('\n');
  for (let l = Math.min(line, lines.length) - 1; l >= 0; l--) {
    const marks = [...lines[l]!.matchAll(MARK)];
    if (!marks.length) continue;
    const name = /<\/?([a-z][a-z0-9-]*)/.exec(message)?.[1];
    const closing = /unexpected <\//.test(message);
    const hit = (name && marks.find((m) => lines[l]!.startsWith(`<${closing ? '/' : ''}${name}`, m.index + m[0].length))) || marks[0]!;
    return places[Number(hit[1])] ?? null;
  }
  return null;
}
