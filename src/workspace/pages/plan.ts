// The plan at a glance: every item as a row with its problems beside it, the other files' problems, the build.
import type { Words } from '../i18n.js';
import type { Workspace } from '../state.js';
import { findingList } from './findings.js';
import { dataTable, html, type Html } from './html.js';

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v));

export function planPage(ws: Workspace, w: Words, planPdf: string | null): Html {
  const printed = new Map((ws.snapshot?.items ?? []).map((i) => [i.number, i]));
  const names = new Map(ws.registries.departments.map((d) => [d.id, d.short]));
  const itemFiles = new Set(ws.items.map((i) => i.file.rel));
  const rows = ws.items.map(({ file, number }) => {
    const data = file.data ?? {};
    const shown = number !== null ? printed.get(number) : undefined;
    const findings = ws.findings.filter((f) => f.rel === file.rel);
    const deadline = shown ? shown.deadline.join('; ') : text(data.deadline ?? data.deadlines);
    const responsible = Array.isArray(data.responsible) ? (data.responsible as string[]).map((id) => names.get(id) ?? id).join('; ') : '';
    const href = number !== null ? `/items/${number}` : null;
    return html`<tr
      id="item-${number ?? file.rel}"
      class="${data.withdrawn ? 'withdrawn' : ''}${findings.some((f) => f.severity === 'error') ? ' has-error' : ''}"
    >
      <th scope="row">${href ? html`<a href="${href}">${number}</a>` : file.rel}</th>
      <td>${text(data.measure)}${data.withdrawn ? html` <strong class="tag">${w.withdrawnItem} (${text(data.withdrawn)})</strong>` : ''}</td>
      <td>${deadline}</td>
      <td>${responsible}</td>
      <td>${findings.length ? findingList(findings, w) : html`<span class="muted">${w.noProblems}</span>`}</td>
    </tr>`;
  });
  const others = ws.findings.filter((f) => !itemFiles.has(f.rel));
  const errors = ws.findings.filter((f) => f.severity === 'error').length;
  return html`<h1>${w.planHeading}</h1>
    <p class="summary">
      ${ws.items.length} · ${errors} ${w.errors}, ${ws.findings.length - errors} ${w.warnings} ·
      <a href="/items/new">${w.newItem}</a>${planPdf ? html` · <a href="/out/${planPdf}" download>${w.downloadPlan} (PDF)</a>` : ''}
    </p>
    ${
      others.length
        ? html`<section aria-labelledby="others">
            <h2 id="others">${w.otherProblems}</h2>
            ${findingList(others, w, true)}
          </section>`
        : ''
    }
    ${dataTable('plan', w.planHeading, [w.number, w.measure, w.deadlines, w.responsible, w.problems], rows)}`;
}
