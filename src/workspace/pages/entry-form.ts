// A field of a form that appends an entry to a registry list (amendment, department, act): `key` is the entry's
// field (`basis.number`), so the engine's finding at `amendments[2].basis.number` lands under it.
import { html, type Html } from './html.js';

export function entryField(id: string, key: string, label: string, value = '', type: 'text' | 'numbers' = 'text'): Html {
  return html`<div class="field">
    <label for="${id}">${label}</label
    ><input id="${id}" name="${id}" data-key="${key}" data-type="${type}" aria-describedby="err-${id}" autocomplete="off" value="${value}" />
    <div class="field-error" id="err-${id}" data-errors-for="${key}" aria-live="polite"></div>
  </div>`;
}

export function entrySelect(id: string, key: string, label: string, options: [string, string][]): Html {
  return html`<div class="field">
    <label for="${id}">${label}</label
    ><select id="${id}" name="${id}" data-key="${key}" aria-describedby="err-${id}">
      ${options.map(([v, l]) => html`<option value="${v}">${l}</option>`)}
    </select>
    <div class="field-error" id="err-${id}" data-errors-for="${key}" aria-live="polite"></div>
  </div>`;
}
