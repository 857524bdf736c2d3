// An item in a form beside the signed pages: every field of the item file, with a place for the engine's
// findings under each; the page's script keeps the lists (steps, departments) and checks as the user types.
import type { ContentFile, Registries } from '../content.js';
import type { Finding } from '../check.js';
import type { Words } from '../i18n.js';
import { findingList } from './findings.js';
import { html, type Html } from './html.js';
import { jsonScript } from './layout.js';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const error = (field: string) => html`<div class="field-error" id="err-${field}" data-errors-for="${field}" aria-live="polite"></div>`;

function stepRow(w: Words, i: number, text: string, deadline: string): Html {
  return html`<li class="step">
    <label for="step-${i}">${w.step} <span class="n">${i + 1}</span></label>
    <textarea id="step-${i}" name="step" rows="3" data-field="mechanism.steps[${i}]" aria-describedby="err-mechanism.steps[${i}]">${text}</textarea>
    ${error(`mechanism.steps[${i}]`)}
    <div class="step-deadline">
      <label for="step-deadline-${i}">${w.deadlineOfStep} <span class="n">${i + 1}</span></label>
      <input
        id="step-deadline-${i}"
        name="step-deadline"
        value="${deadline}"
        data-field="deadlines[${i}]"
        aria-describedby="err-deadlines[${i}] deadline-hint"
        autocomplete="off"
      />
      ${error(`deadlines[${i}]`)}
    </div>
    <div class="row-buttons">
      <button type="button" data-action="up">${w.moveUp}</button><button type="button" data-action="down">${w.moveDown}</button
      ><button type="button" data-action="remove">${w.removeStep}</button>
    </div>
  </li>`;
}

export interface ItemPageInput {
  /** Null for a new item. */
  file: ContentFile | null;
  number: number | null;
  registries: Registries;
  findings: Finding[];
  /** The built plan PDF (relative to out/), for the preview. */
  pdf: string | null;
}

export function itemPage(input: ItemPageInput, w: Words): Html {
  const data = input.file?.data ?? {};
  const mechanism = data.mechanism;
  const mech =
    typeof mechanism === 'string'
      ? { intro: mechanism, steps: [] as string[] }
      : {
          intro: str((mechanism as Record<string, unknown> | undefined)?.intro),
          steps: (((mechanism as Record<string, unknown> | undefined)?.steps as unknown[]) ?? []).map(str),
        };
  const perStep = Array.isArray(data.deadlines);
  const stepDeadlines = perStep ? (data.deadlines as unknown[]).map(str) : [];
  const basis = new Set(Array.isArray(data.basis) ? (data.basis as unknown[]).map(str) : []);
  const responsible = Array.isArray(data.responsible) ? (data.responsible as unknown[]).map(str) : [];
  const names = new Map(input.registries.departments.map((d) => [d.id, d.short]));
  const heading = input.file ? `${input.number ?? ''}-${w.itemHeading}` : w.newItemHeading;
  const fileFindings = input.findings.filter((f) => !f.field);
  return html`<h1>${heading}${input.file ? html` <span class="muted file">content/${input.file.rel}</span>` : ''}</h1>
    <div class="editor">
      <form
        id="item-form"
        class="item-form"
        novalidate
        data-rel="${input.file?.rel ?? ''}"
        data-hash="${input.file?.hash ?? ''}"
        data-number="${input.number ?? ''}"
      >
        ${jsonScript('item-data', data)}
        <div id="form-messages" class="messages" role="alert">${findingList(fileFindings, w)}</div>
        <div class="field">
          <label for="number">${w.fieldNumber}</label>
          <input
            id="number"
            name="number"
            inputmode="numeric"
            value="${str(data.number)}"
            data-field="number"
            aria-describedby="err-number"
            ${input.file ? 'readonly' : ''}
          />${error('number')}
        </div>
        <div class="field">
          <label for="measure">${w.fieldMeasure}</label>
          <textarea id="measure" name="measure" rows="4" data-field="measure" aria-describedby="err-measure">${str(data.measure)}</textarea>${error('measure')}
        </div>
        <fieldset class="field">
          <legend>${w.fieldSteps}</legend>
          <label for="intro">${w.fieldIntro}</label>
          <textarea id="intro" name="intro" rows="2" data-field="mechanism.intro" aria-describedby="err-mechanism.intro">${mech.intro}</textarea
          >${error('mechanism.intro')}${error('mechanism')}
          <ol id="steps" class="steps">
            ${mech.steps.map((s, i) => stepRow(w, i, s, stepDeadlines[i] ?? ''))}
          </ol>
          <template id="step-template">${stepRow(w, 0, '', '')}</template>
          <button type="button" id="add-step">${w.addStep}</button>
        </fieldset>
        <fieldset class="field" id="deadline-field">
          <legend>${w.deadlineScope}</legend>
          <p id="deadline-hint" class="hint">${w.deadlineHint}</p>
          <div>
            <input type="radio" id="scope-item" name="scope" value="item" ${perStep ? '' : 'checked'} /><label for="scope-item">${w.deadlineItem}</label>
          </div>
          <div>
            <input type="radio" id="scope-steps" name="scope" value="steps" ${perStep ? 'checked' : ''} /><label for="scope-steps">${w.deadlineSteps}</label>
          </div>
          <div class="item-deadline">
            <label for="deadline">${w.itemDeadline}</label>
            <input
              id="deadline"
              name="deadline"
              value="${str(data.deadline)}"
              data-field="deadline"
              aria-describedby="err-deadline deadline-hint"
              autocomplete="off"
            />${error('deadline')}
          </div>
          ${error('deadlines')}
        </fieldset>
        <fieldset class="field" data-field="basis">
          <legend>${w.fieldBasis}</legend>
          <ul class="choices">
            ${input.registries.acts.map((a) => html`<li><input type="checkbox" id="basis-${a.id}" name="basis" value="${a.id}" ${basis.has(a.id) ? 'checked' : ''} /><label for="basis-${a.id}">${a.label}</label></li>`)}
          </ul>
          ${error('basis')}
        </fieldset>
        <fieldset class="field" data-field="responsible">
          <legend>${w.fieldResponsible}</legend>
          <ol id="responsible" class="chosen">
            ${responsible.map(
              (id) =>
                html`<li data-id="${id}">
                  <span>${names.get(id) ?? id}</span
                  ><span class="row-buttons"
                    ><button type="button" data-action="up">${w.moveUp}</button><button type="button" data-action="down">${w.moveDown}</button
                    ><button type="button" data-action="remove">${w.removeStep}</button></span
                  >
                </li>`,
            )}
          </ol>
          <label for="add-department">${w.addDepartment}</label>
          <select id="add-department">
            <option value="">${w.chooseDepartment}</option>
            ${input.registries.departments.map((d) => html`<option value="${d.id}">${d.short}</option>`)}
          </select>
          ${error('responsible')}
        </fieldset>
        <div class="field">
          <label for="result">${w.fieldResult}</label>
          <textarea id="result" name="result" rows="4" data-field="result" aria-describedby="err-result">${str(data.result)}</textarea>${error('result')}
        </div>
        ${
          input.file
            ? html`<div class="field">
                <label for="withdrawn">${w.fieldWithdrawn}</label>
                <select id="withdrawn" name="withdrawn" data-field="withdrawn" aria-describedby="err-withdrawn">
                  <option value="">${w.notWithdrawn}</option>
                  ${input.registries.amendments.map((a) => html`<option value="${a.id}" ${str(data.withdrawn) === a.id ? 'selected' : ''}>${a.id} — ${a.summary}</option>`)}</select
                >${error('withdrawn')}
              </div>`
            : ''
        }
        <div class="actions">
          <button type="submit" id="save" class="primary">${input.file ? w.save : w.create}</button>
          <p id="save-status" role="status" aria-live="polite"></p>
        </div>
      </form>
      ${previewPane(w, input.pdf, str(data.measure), input.number)}
    </div>`;
}

/** The signed pages, drawn by pdf.js; `find` is text of the item to turn to, `item` its number to outline there. */
export function previewPane(w: Words, pdf: string | null, find: string, item: number | null = null): Html {
  return html`<section class="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${w.preview}</h2>
    <div class="pager">
      <button type="button" id="prev-page">${w.previous}</button> <span id="page-label" aria-live="polite"></span>
      <button type="button" id="next-page">${w.next}</button> ${pdf ? html` <a href="/out/${pdf}" download>PDF</a>` : ''}
    </div>
    <div id="preview" data-pdf="${pdf ?? ''}" data-find="${find}" data-item="${item ?? ''}" data-page-label="${w.pageLabel}">
      ${pdf ? '' : html`<p>${w.noPdf}</p>`}<canvas id="page-canvas" role="img" aria-label="${w.preview}"></canvas>
      <div id="item-highlight" aria-hidden="true" hidden></div>
    </div>
  </section>`;
}
