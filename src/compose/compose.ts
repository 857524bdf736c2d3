// Content + templates → document model: render a Handlebars template to markup, then read the markup into the model.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import type { DocumentModel } from '../model/types.js';
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
  locale: Locale;
  /** Renders the named template (file `templates/<name>.hbs`) with a view into a document model. */
  render(name: string, view: object): DocumentModel;
}

export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const hb = Handlebars.create();
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)).split(path.sep).join('/');
  const localeText = await readFile(path.join(dir, 'locale.yaml'), 'utf8');
  const parsed = localeSchema.safeParse(parseYaml(localeText));
  if (!parsed.success) throw new TemplateError(rel('locale.yaml'), parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const locale = parsed.data;
  registerHelpers(hb, locale);

  const files = (await fg('**/*.hbs', { cwd: dir })).sort();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of files) {
    const source = await readFile(path.join(dir, file), 'utf8');
    const name = file.replace(/\.hbs$/, '');
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
    else compiled.set(name, hb.compile(source, { strict: true, noEscape: false }));
  }

  return {
    dir,
    locale,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new TemplateError(rel(`${name}.hbs`), `no such template, expected one of ${[...compiled.keys()].join(', ')}`);
      let markup: string;
      try {
        markup = template(view);
      } catch (e) {
        throw new TemplateError(rel(`${name}.hbs`), (e as Error).message);
      }
      try {
        return toModel(parseMarkup(markup));
      } catch (e) {
        if (e instanceof MarkupError) throw new TemplateError(rel(`${name}.hbs`), e.message);
        throw e;
      }
    },
  };
}
