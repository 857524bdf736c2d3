// Content + templates → document model: render a Handlebars template to markup, then read the markup into the model.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import type { DocumentModel } from '../model/types.js';
import { EDITION_INFO, EDITIONS, type Edition } from '../editions/editions.js';
import { localeSchema, type Locale } from '../uz/locale.js';
import { registerHelpers } from './helpers.js';
import { MarkupError, parseMarkup } from './markup.js';
import { toModel } from './to-model.js';

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'TemplateError';
  }
}

export interface TemplateSet {
  dir: string;
  /** The Cyrillic edition's words (the edition the plan is written in). */
  locale: Locale;
  locales: Record<Edition, Locale>;
  /** Renders the named template (file `templates/<name>.hbs`) with a view into the edition's document model. */
  render(name: string, view: object, edition?: Edition): DocumentModel;
}

async function loadLocale(dir: string, file: string, rel: (f: string) => string): Promise<Locale> {
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch {
    throw new TemplateError(rel(file), `missing, expected the templates folder (with ${file}) at ${path.resolve(dir)}`);
  }
  const parsed = localeSchema.safeParse(parseYaml(text));
  if (!parsed.success) throw new TemplateError(rel(file), parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)).split(path.sep).join('/');
  const files = (await fg('**/*.hbs', { cwd: dir })).sort();
  const sources = await Promise.all(files.map(async (file) => ({ name: file.replace(/\.hbs$/, ''), source: await readFile(path.join(dir, file), 'utf8') })));
  const locales = {} as Record<Edition, Locale>;
  const compiled = {} as Record<Edition, Map<string, Handlebars.TemplateDelegate>>;
  // One Handlebars instance per edition: the same templates, helpers speaking that edition's words.
  for (const edition of EDITIONS) {
    locales[edition] = await loadLocale(dir, EDITION_INFO[edition].localeFile, rel);
    const hb = Handlebars.create();
    registerHelpers(hb, locales[edition]);
    compiled[edition] = new Map();
    for (const { name, source } of sources) {
      if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
      else compiled[edition].set(name, hb.compile(source, { strict: true, noEscape: false }));
    }
  }

  return {
    dir,
    locale: locales.cyrl,
    locales,
    render(name, view, edition = 'cyrl') {
      const template = compiled[edition].get(name);
      if (!template) throw new TemplateError(rel(`${name}.hbs`), `no such template, expected one of ${[...compiled.cyrl.keys()].join(', ')}`);
      let markup: string;
      try {
        markup = template(view);
      } catch (e) {
        throw new TemplateError(rel(`${name}.hbs`), (e as Error).message);
      }
      try {
        return EDITION_INFO[edition].finish(toModel(parseMarkup(markup)));
      } catch (e) {
        if (e instanceof MarkupError) throw new TemplateError(rel(`${name}.hbs`), e.message);
        throw e;
      }
    },
  };
}
