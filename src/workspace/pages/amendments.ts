// Amendments: the orders recorded, a form to record one, what changed since the issued version (the engine's
// change report, item by item with word-level differences, and per department), the change sheets, and release.
import type { ChangeReport, FieldChange } from '../../changes/diff.js';
import type { WordPart } from '../../changes/words.js';
import type { ManifestEntry } from '../../pipeline/manifest.js';
import type { Words } from '../i18n.js';
import type { Workspace } from '../state.js';
import { entryField as field } from './entry-form.js';
import { dataTable, html, type Html } from './html.js';

export interface ChangesView {
  report: ChangeReport | null;
  /** The amendment record checked against the edits, as the CLI prints each finding. */
  checks: string[];
  /** Why there is no report (no issued version yet, or content that does not load). */
  message: string | null;
  releases: string[];
}

function words(parts: WordPart[]): Html {
  return html`${parts.map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? html`<ins>${p.text}</ins>` : html`<del>${p.text}</del>`))}`;
}

function fieldChange(f: FieldChange, names: Record<string, string>): Html {
  const name = names[f.field] ?? f.field;
  if (f.steps?.length)
    return html`<li>
      <strong>${name}</strong>: ${f.steps.map((s) => html`<span class="step-change">${s.step}: <del>${s.before}</del> → <ins>${s.after}</ins></span> `)}
    </li>`;
  if (f.words) return html`<li><strong>${name}</strong>: ${words(f.words)}</li>`;
  return html`<li><strong>${name}</strong>: <del>${f.before}</del> → <ins>${f.after}</ins></li>`;
}

function reportHtml(report: ChangeReport, w: Words, names: Record<string, string>): Html {
  const basis = (ids: string[]) => html`<span class="basis">[${ids.length ? `${w.basedOn}: ${ids.join(', ')}` : w.unrecorded}]</span>`;
  return html`<ul class="changes">
      ${report.items.map((c) => {
        if (c.status === 'added') return html`<li class="added"><strong>${c.number}</strong>: ${w.added} — ${c.item.measure} ${basis(c.amendments)}</li>`;
        if (c.status === 'withdrawn')
          return html`<li class="withdrawn"><strong>${c.number}</strong>: ${w.withdrawn} — ${c.item.measure} ${basis(c.amendments)}</li>`;
        return html`<li class="changed">
          <strong>${c.number}</strong>: ${w.changed} ${basis(c.amendments)}
          <ul>
            ${c.fields.map((f) => fieldChange(f, names))}
          </ul>
        </li>`;
      })}${[...report.plan, ...report.acts, ...report.departments].map((c) => html`<li><strong>${c.id}</strong>: ${c.before ? html`<del>${c.before}</del> → ` : ''}<ins>${c.after}</ins> ${basis(c.amendments)}</li>`)}
    </ul>
    <h3>${w.affected}</h3>
    ${dataTable(
      'affected',
      w.affected,
      [w.navDepartments, w.gets, w.takenAway, w.changedItems],
      report.affected.map(
        (d) =>
          html`<tr>
            <th scope="row">${d.name}</th>
            <td>${d.added.join(', ')}</td>
            <td>${d.removed.join(', ')}</td>
            <td>${d.changed.join(', ')}</td>
          </tr>`,
      ),
    )}`;
}

export function amendmentsPage(ws: Workspace, changes: ChangesView, sheets: ManifestEntry[], w: Words): Html {
  const names = (ws.locale?.fields ?? {}) as Record<string, string>;
  return html`<h1>${w.amendmentsHeading}</h1>
    <div class="columns">
      <section aria-labelledby="recorded-h">
        <h2 id="recorded-h">${w.recorded}</h2>
        ${
          ws.registries.amendments.length
            ? html`<ul class="amendments">
                ${ws.registries.amendments.map((a) => html`<li><code>${a.id}</code> ${a.date} — ${a.summary} (${a.items.join(', ')})</li>`)}
              </ul>`
            : html`<p>${w.noneRecorded}</p>`
        }
        <h2 id="record-h">${w.recordHeading}</h2>
        <form id="amendment-form" class="small-form entry-form" data-list="amendments" novalidate aria-labelledby="record-h">
          ${field('am-id', 'id', w.amId)}${field('am-date', 'date', w.amDate)}${field('am-issuer', 'basis.issuer', w.amIssuer, 'Агентлик директорининг')}${field('am-kind', 'basis.kind', w.amKind, 'буйруғи')}
          ${field('am-number', 'basis.number', w.amNumber)}${field('am-basis-date', 'basis.date', w.amBasisDate)}${field('am-summary', 'summary', w.amSummary)}${field('am-items', 'items', w.amItems, '', 'numbers')}
          <div class="messages" role="alert"></div>
          <button type="submit" class="primary">${w.record}</button>
        </form>
      </section>
      <section aria-labelledby="changes-h">
        <h2 id="changes-h">${w.changesHeading}${changes.report ? ` (${changes.report.since})` : ''}</h2>
        <div id="change-report">${changes.report ? reportHtml(changes.report, w, names) : html`<p>${changes.message ?? w.noRelease}</p>`}</div>
        ${
          changes.checks.length
            ? html`<h3>${w.checks}</h3>
                <ul class="findings" id="change-checks">
                  ${changes.checks.map((c) => html`<li class="${/\berror\b/.test(c) ? 'error' : 'warning'}">${c}</li>`)}
                </ul>`
            : ''
        }
        <h3>${w.sheets}</h3>
        <ul id="change-sheets">
          ${sheets.map((s) => html`<li><a href="/out/${s.path}" download>${s.path}</a>${s.format === 'pdf' ? html` · <a href="/preview/${s.path}">${w.view}</a>` : ''}</li>`)}
        </ul>
        <h2 id="release-h">${w.releaseHeading}</h2>
        <form id="release-form" class="small-form" novalidate aria-labelledby="release-h">
          <div class="field"><label for="release-label">${w.label}</label><input id="release-label" name="label" autocomplete="off" /></div>
          <div id="release-messages" class="messages" role="alert"></div>
          <button type="submit" class="primary">${w.release}</button>
        </form>
        <h3>${w.issued}</h3>
        <ul id="releases">
          ${changes.releases.map((r) => html`<li>${r}</li>`)}
        </ul>
      </section>
    </div>`;
}
