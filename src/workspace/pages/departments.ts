// Departments: each unit with the items its extract holds and the extract's files to download; one unit's page
// shows its extract's pages.
import type { ManifestEntry } from '../../pipeline/manifest.js';
import type { Words } from '../i18n.js';
import type { Workspace } from '../state.js';
import { entryField, entrySelect } from './entry-form.js';
import { dataTable, html, type Html } from './html.js';
import { previewPane } from './item.js';

function downloads(entries: ManifestEntry[]): Html {
  return html`${entries.map((e) => html`<a href="/out/${e.path}" download>${e.path.split('/').pop()}</a> `)}`;
}

export function departmentsPage(ws: Workspace, documents: ManifestEntry[], w: Words): Html {
  const extracts = ws.snapshot?.extracts ?? {};
  return html`<h1>${w.departmentsHeading}</h1>
    ${dataTable(
      'departments',
      w.departmentsHeading,
      [w.navDepartments, w.items, w.extract],
      ws.registries.departments
        .filter((d) => d.kind === 'department')
        .map((d) => {
          const items = extracts[d.id]?.items ?? [];
          const files = documents.filter((e) => e.kind === 'extract' && e.department === d.id);
          return html`<tr id="dept-${d.id}">
            <th scope="row"><a href="/departments/${d.id}">${d.name}</a></th>
            <td>${items.length ? items.map((n, i) => html`${i ? ', ' : ''}<a href="/items/${n}">${n}</a>`) : html`<span class="muted">${w.noItems}</span>`}</td>
            <td>${downloads(files)}</td>
          </tr>`;
        }),
    )}
    <h2>${w.registriesHeading}</h2>
    <div class="columns even">
      <form id="department-form" class="small-form entry-form" data-list="departments" novalidate aria-labelledby="new-dept-h">
        <h3 id="new-dept-h">${w.newDepartment}</h3>
        ${entryField('dept-id', 'id', w.regId)}${entryField('dept-name', 'name', w.deptName)}${entryField('dept-short', 'short', w.deptShort)}
        ${entrySelect('dept-kind', 'kind', w.deptKind, [
          ['department', w.kindDepartment],
          ['mention', w.kindMention],
        ])}
        <div class="messages" role="alert"></div>
        <button type="submit" class="primary">${w.add}</button>
      </form>
      <form id="act-form" class="small-form entry-form" data-list="acts" novalidate aria-labelledby="new-act-h">
        <h3 id="new-act-h">${w.newAct}</h3>
        ${entryField('act-id', 'id', w.regId)}${entrySelect(
          'act-issuer',
          'issuer',
          w.actIssuer,
          ws.registries.issuers.map((i) => [i, i]),
        )}
        ${entrySelect(
          'act-kind',
          'kind',
          w.actKind,
          ws.registries.kinds.map((k) => [k.id, `${k.code} (${k.id})`]),
        )}
        ${entryField('act-number', 'number', w.actNumber)}${entryField('act-date', 'date', w.amDate)}
        <div class="messages" role="alert"></div>
        <button type="submit" class="primary">${w.add}</button>
      </form>
    </div>`;
}

export function departmentPage(ws: Workspace, id: string, documents: ManifestEntry[], w: Words): Html | null {
  const dept = ws.registries.departments.find((d) => d.id === id);
  if (!dept) return null;
  const items = ws.snapshot?.extracts[id]?.items ?? [];
  const files = documents.filter((e) => e.kind === 'extract' && e.department === id);
  const pdf = files.find((e) => e.format === 'pdf' && e.edition === 'cyrl') ?? files.find((e) => e.format === 'pdf');
  return html`<h1>${dept.name}</h1>
    <p>${w.items}: ${items.length ? items.map((n, i) => html`${i ? ', ' : ''}<a href="/items/${n}">${n}</a>`) : w.noItems}</p>
    <p>${w.extract}: ${downloads(files)}</p>
    <div class="editor single">${previewPane(w, pdf?.path ?? null, '')}</div>`;
}
