// A list of the engine's findings, each with its line:column, rule and field, as the CLI prints them.
import type { Diagnostic } from '../../content/diagnostics.js';
import type { Words } from '../i18n.js';
import { html, type Html } from './html.js';

export function findingList(list: (Diagnostic & { rel?: string })[], w: Words, withFile = false): Html {
  if (!list.length) return html``;
  return html`<ul class="findings">
    ${list.map(
      (d) =>
        html`<li class="${d.severity}">
          <span class="sev">${d.severity === 'error' ? w.error : w.warning}</span>
          <span class="where">${withFile ? `${d.rel ?? d.file}:` : ''}${d.line}:${d.column}</span> ${d.message}${d.field ? html` <code>${d.field}</code>` : ''}
          <span class="rule">${d.ruleId}</span>
        </li>`,
    )}
  </ul>`;
}
