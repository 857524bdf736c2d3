// Content + templates → document model: render a Handlebars template to markup, then read the markup into the model.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { ContentError, type Place } from '../content/diagnostics.js';
import { decodeText, illegalChars, MAX_FILE_BYTES } from '../content/text-hygiene.js';
import { readYamlFile } from '../content/yaml-source.js';
import { zodDiagnostics } from '../content/zod-diagnostics.js';
import type { DocumentModel } from '../document/types.js';
import { loadReadableFonts } from '../fonts/coverage.js';
import { fontMetrics } from '../layout/fonts.js';
import { layOut } from '../layout/index.js';
import { filesIn } from '../folders.js';
import { projectPath } from '../project.js';
import { EDITION_INFO, EDITIONS, type Edition } from '../editions/editions.js';
import { localeSchema, type Locale } from '../uz/locale.js';
import { registerHelpers } from './helpers.js';
import { MarkupError, parseMarkup } from './markup.js';
import { checkSyntax, instrument, placeOfLine, renderError, tagged, templateError, TemplateError } from './template-errors.js';
import { toModel } from './to-model.js';

export { TemplateError };

export interface TemplateSet {
  dir: string;
  /** The Cyrillic edition's words (the edition the plan is written in). */
  locale: Locale;
  locales: Record<Edition, Locale>;
  /** Renders the named template (file `templates/<name>.hbs`) with a view into the edition's document model. */
  render(name: string, view: object, edition?: Edition): DocumentModel;
  /** The same document before layout: its text as the templates write it, with no page breaks or hyphens. */
  compose(name: string, view: object, edition?: Edition): DocumentModel;
  /** A composed document laid out: `render` is `layOut(compose(…))`, for a caller that reads the composed text too. */
  layOut(model: DocumentModel, edition?: Edition): DocumentModel;
}

/** A file of the templates folder read at the border: UTF-8, no characters a document cannot carry. */
async function readTemplateText(full: string, file: string): Promise<string> {
  const bytes = await readFile(full).catch((e: NodeJS.ErrnoException) => {
    throw templateError({ file, line: 1, column: 1 }, 'file/read', `Cannot read the template (${e.code ?? e.message}), expected a file this user may read`);
  });
  if (bytes.length > MAX_FILE_BYTES)
    throw templateError({ file, line: 1, column: 1 }, 'file/too-large', `Template of ${bytes.length} bytes, expected at most ${MAX_FILE_BYTES}`);
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) throw new TemplateError(decoded.diagnostic);
  const illegal = illegalChars(decoded.text, file, 1);
  if (illegal.length) throw new TemplateError(illegal[0]!);
  return decoded.text;
}

/** locale.yaml through the same YAML + zod path as content: every problem at its line. */
async function loadLocale(dir: string, file: string, rel: (f: string) => string): Promise<Locale> {
  const read = await readYamlFile(path.join(dir, file), rel(file));
  if (!read)
    throw templateError(
      { file: rel(file), line: 1, column: 1 },
      'template/missing',
      `Missing ${file}, expected the templates folder (with ${file}) at ${path.resolve(dir)}`,
    );
  if ('diagnostics' in read) throw new ContentError(read.diagnostics);
  const data = read.source.data();
  const parsed = localeSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(zodDiagnostics(read.source, data, parsed.error));
  return parsed.data;
}

/** Templates from `dir`; documents are laid out with the fonts in `fontsDir` (the project's by default). */
export async function loadTemplates(dir: string, fontsDir: string = projectPath('fonts')): Promise<TemplateSet> {
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)).split(path.sep).join('/');
  // The layout measures with the fonts: read and checked here, so a broken fonts.yaml is a message at its line.
  const fonts = await loadReadableFonts(fontsDir);
  const files = (await filesIn(dir, { recursive: true })).filter((f) => f.endsWith('.hbs')).sort();
  const sources = await Promise.all(
    files.map(async (file) => ({ name: file.replace(/\.hbs$/, ''), file: rel(file), source: await readTemplateText(path.join(dir, file), rel(file)) })),
  );
  const asts = new Map(sources.map((s) => [s.name, checkSyntax(Handlebars, s.file, s.source)]));
  const locales = {} as Record<Edition, Locale>;
  const compiled = {} as Record<Edition, Map<string, Handlebars.TemplateDelegate>>;
  const options = { strict: true, noEscape: false };
  // One Handlebars instance per edition: the same templates, helpers speaking that edition's words.
  const instance = (edition: Edition, compile: (hb: typeof Handlebars, name: string, source: string) => Handlebars.TemplateDelegate) => {
    const hb = Handlebars.create();
    registerHelpers(hb, locales[edition]);
    const own = new Map<string, Handlebars.TemplateDelegate>();
    for (const { name, file, source } of sources) {
      const template = tagged(file, compile(hb, name, source));
      if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), template);
      else own.set(name, template);
    }
    return own;
  };
  for (const edition of EDITIONS) {
    locales[edition] = await loadLocale(dir, EDITION_INFO[edition].localeFile, rel);
    compiled[edition] = instance(edition, (hb, _name, source) => hb.compile(source, options));
  }

  /** The element on `line` of the rendered markup, placed in its template (see template-errors.ts). */
  const placeInTemplates = (name: string, view: object, edition: Edition, line: number, message: string) => {
    const places: Place[] = [];
    try {
      const marked = instance(edition, (hb, n, _source) => hb.compile(instrument(asts.get(n)!, rel(`${n}.hbs`), places), options)).get(name)!(view);
      return placeOfLine(marked, line, message, places);
    } catch {
      return null;
    }
  };

  const compose = (name: string, view: object, edition: Edition = 'cyrl'): DocumentModel => {
    const template = compiled[edition].get(name);
    if (!template)
      throw templateError(
        { file: rel(`${name}.hbs`), line: 1, column: 1 },
        'template/missing',
        `No such template, expected one of ${[...compiled.cyrl.keys()].join(', ')}`,
      );
    let markup: string;
    try {
      markup = template(view);
    } catch (e) {
      throw renderError(e, rel(`${name}.hbs`), (file) => sources.find((x) => x.file === file)?.source);
    }
    let model: DocumentModel;
    try {
      model = EDITION_INFO[edition].finish(toModel(parseMarkup(markup)));
    } catch (e) {
      if (!(e instanceof MarkupError)) throw e;
      let message = e.message.replace(/^line \d+ of the rendered template: /, '');
      let at = placeInTemplates(name, view, edition, e.line, message) ?? { file: rel(`${name}.hbs`), line: 1, column: 1 };
      const open = e.open && placeInTemplates(name, view, edition, e.open.line, `<${e.open.name}`);
      if (open) {
        // The tag left open is what to fix: point there, and say where the mismatch showed.
        message = `<${e.open!.name}> is not closed, expected </${e.open!.name}> before the ${/unexpected (<\/[a-z0-9-]+>)/.exec(message)?.[1] ?? 'closing tag'} at ${at.file}:${at.line}:${at.column}`;
        at = open;
      }
      throw templateError(at, 'template/markup', message.charAt(0).toUpperCase() + message.slice(1));
    }
    return model;
  };

  const laidOut = (model: DocumentModel, edition: Edition = 'cyrl') => layOut(model, { metrics: fontMetrics(fonts), continued: locales[edition].continued });

  return {
    dir,
    locale: locales.cyrl,
    locales,
    compose,
    layOut: laidOut,
    render: (name, view, edition = 'cyrl') => laidOut(compose(name, view, edition), edition),
  };
}
