// A section's heading row spans the table and stays on the page of its first item: however much of the page the
// rows before it fill, the heading never ends a page (and, as a control, without keep-with-next it would).
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/compose/markup.js';
import { toModel } from '../../src/compose/to-model.js';
import type { Table } from '../../src/document/types.js';
import { loadFontTable } from '../../src/fonts/coverage.js';
import { fontMetrics, type FontMetrics } from '../../src/layout/fonts.js';
import { layOut } from '../../src/layout/index.js';

let metrics: FontMetrics;
beforeAll(async () => {
  metrics = fontMetrics((await loadFontTable('fonts')).table);
});

/** `fillers` rows of three lines, then a heading row, then a five-line item; returns whether the heading ends a page. */
function headingEndsAPage(fillers: number, keep: boolean): boolean {
  const filler = (i: number) => `<tr cant-split><td>${i}.</td><td><p>Биринчи қатор<br/>иккинчи қатор<br/>учинчи қатор</p></td><td>2025 йил март</td></tr>`;
  const markup = `<document><meta title="t" author="a" date="2025-01-01"/><page orientation="landscape" margins="42 34 42 57" footer="14"/>
<font family="Times New Roman" size="12" leading="1.15"/>
<table widths="5 60 20" size="11" padding="4 2" rule="0.6">
<tr header cant-split><td bold>№</td><td bold>Матн</td><td bold>Муддат</td></tr>
${Array.from({ length: fillers }, (_, i) => filler(i + 1)).join('\n')}
<tr cant-split${keep ? ' keep-with-next' : ''}><td colspan="3" align="center"><p bold>I. Бўлим</p></td></tr>
<tr><td>${fillers + 1}.</td><td><p>Бир<br/>икки<br/>уч<br/>тўрт<br/>беш</p></td><td>2025 йил июнь</td></tr>
</table>
</document>`;
  const table = layOut(toModel(parseMarkup(markup)), { metrics, continued: 'давоми' }).blocks.find((b): b is Table => b.kind === 'table')!;
  const heading = table.rows.findIndex((r) => r.cells[0]?.colSpan === 3);
  return !table.rows[heading]!.pageBreakBefore && !!table.rows[heading + 1]?.pageBreakBefore;
}

describe('section heading rows', () => {
  it('never end a page, wherever the page break falls', () => {
    const fillers = Array.from({ length: 14 }, (_, i) => i + 4);
    expect(fillers.filter((n) => headingEndsAPage(n, true))).toEqual([]);
    // Control: the same rows without keep-with-next leave the heading alone at the foot for some length.
    expect(fillers.some((n) => headingEndsAPage(n, false))).toBe(true);
  });
});
