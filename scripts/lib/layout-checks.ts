// The layout audit's figures as verify's checks: the hard rules fail the run, the soft figures are reported.
import type { Verdict } from './checks.js';
import type { TableShape } from './expected.js';
import { audit, verticalRules, type AuditFigures } from './layout-audit.js';
import type { PdfPage } from './pdf-text.js';

export type { AuditFigures };

const CONTINUED = ['давоми', 'davomi'];
/** How far a column edge of LibreOffice's rendering may be from ours. */
const EDGE_TOLERANCE = 1;

const none = (n: number, what: string, notes: string[]): Verdict =>
  n ? { ok: false, note: `${n} ${what}: ${notes.slice(0, 3).join('; ')}` } : { ok: true, note: '' };

/**
 * Audits one PDF (ours, or LibreOffice's rendering of our DOCX, then compared with ours) and reports.
 * Continued rows must name their item in our PDF; in LibreOffice's the count is reported.
 */
export async function layoutChecks(
  pdf: string,
  target: string,
  prefix: string,
  pages: PdfPage[],
  ours: AuditFigures | null,
  report: (target: string, check: string, v: Verdict) => void,
  shape: TableShape,
): Promise<AuditFigures> {
  const a = audit(pages, await verticalRules(pdf), {
    continued: CONTINUED,
    headerWords: ['№'],
    raggedColumns: shape.raggedColumns,
    deadlineColumn: shape.deadlineColumn,
  });
  const pick = (re: RegExp) => a.notes.filter((n) => re.test(n));
  report(target, `${prefix}layout: no split row leaves a side under 3 lines`, none(a.fragments, 'fragments', pick(/split row/)));
  report(target, `${prefix}layout: no deadline cut across a page`, none(a.splitDeadlines, 'deadlines cut', pick(/deadline/)));
  report(target, `${prefix}layout: no protected token broken across lines`, none(a.brokenTokens, 'broken', pick(/\|/)));
  report(target, `${prefix}layout: no text over a column rule`, none(a.overflows, 'over the rule', pick(/reaches over/)));
  const ragged = Object.entries(a.ragged)
    .map(([c, s]) => `column ${c} ${(100 * s).toFixed(1)}% ragged`)
    .join(', ');
  const figures = `${a.pages} pages, ${a.splitRows} split rows${ragged ? `, ${ragged}` : ''}`;
  if (!ours)
    report(
      target,
      `${prefix}layout: continued rows name their item`,
      a.unnamedContinued ? { ok: false, note: `${a.unnamedContinued} of ${a.splitRows}` } : { ok: true, note: figures },
    );
  else {
    report(target, `${prefix}layout: figures`, { ok: true, note: `${figures}, ${a.unnamedContinued} continued rows unnamed` });
    const far =
      a.columnEdges.length !== ours.columnEdges.length
        ? a.columnEdges.length + ours.columnEdges.length
        : a.columnEdges.filter((x, i) => Math.abs(x - ours.columnEdges[i]!) > EDGE_TOLERANCE).length;
    report(
      target,
      `${prefix}layout: column edges within ${EDGE_TOLERANCE} pt of our PDF`,
      far
        ? { ok: false, note: `ours ${ours.columnEdges.map((x) => x.toFixed(1)).join(' ')}; LibreOffice ${a.columnEdges.map((x) => x.toFixed(1)).join(' ')}` }
        : {
            ok: true,
            note: `${a.columnEdges.length} edges, largest difference ${Math.max(0, ...a.columnEdges.map((x, i) => Math.abs(x - ours.columnEdges[i]!))).toFixed(2)} pt`,
          },
    );
  }
  return a;
}
