// The frame of every page: language, skip link, navigation, the build's state, the CSRF secret for the scripts.
import type { BuildState } from '../builder.js';
import type { Lang, Words } from '../i18n.js';
import { html, Html } from './html.js';

/** JSON inside a <script> element: `<` written as an escape so no text can close the element. */
export const jsonScript = (id: string, value: unknown) =>
  new Html(`<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);

export interface PageContext {
  lang: Lang;
  w: Words;
  csrf: string;
  build: BuildState;
  /** The path of this page, for the navigation's current mark and the language switch. */
  path: string;
}

export function buildStatus(ctx: PageContext): Html {
  const b = ctx.build;
  const text = b.running ? ctx.w.buildRunning : b.ok === null ? ctx.w.buildNone : b.ok ? ctx.w.buildOk : ctx.w.buildFailed;
  const cls = b.running ? 'running' : b.ok === false ? 'failed' : 'ok';
  return html`<p id="build-status" class="build ${cls}" role="status" aria-live="polite" data-sequence="${b.sequence}">
    ${text}${b.finishedAt && !b.running ? html` <span class="muted">(${b.finishedAt.slice(11, 19)} UTC, ${b.ms} ms)</span>` : ''}
  </p>`;
}

export function layout(ctx: PageContext, title: string, body: Html): string {
  const nav = [
    ['/', ctx.w.navPlan],
    ['/departments', ctx.w.navDepartments],
    ['/amendments', ctx.w.navAmendments],
  ] as const;
  const current = (href: string) => (href === '/' ? ctx.path === '/' || ctx.path.startsWith('/items') : ctx.path.startsWith(href));
  const other = ctx.lang === 'uz' ? 'en' : 'uz';
  return `<!doctype html>${html`<html lang="${ctx.lang === 'uz' ? 'uz-Cyrl' : 'en'}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="csrf" content="${ctx.csrf}" />
      <meta name="lang" content="${ctx.lang}" />
      ${jsonScript('words', ctx.w)}
      <title>${title} — ${ctx.w.title}</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/static/workspace.css" />
      <script type="module" src="/static/app.js"></script>
    </head>
    <body>
      <a class="skip" href="#main">${ctx.w.skip}</a>
      <header>
        <p class="brand">${ctx.w.title}</p>
        <nav aria-label="${ctx.w.navMain}">
          <ul>
            ${nav.map(([href, label]) => html`<li><a href="${href}" ${current(href) ? html` aria-current="page"` : ''}>${label}</a></li>`)}
          </ul>
        </nav>
        <a class="lang" href="/lang/${other}?back=${encodeURIComponent(ctx.path)}" lang="${other === 'uz' ? 'uz-Cyrl' : 'en'}">${ctx.w.language}</a>
        ${buildStatus(ctx)}
      </header>
      <main id="main" tabindex="-1">${body}</main>
    </body>
  </html>`}`;
}
