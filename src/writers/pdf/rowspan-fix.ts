// Placeholder until the pdfmake row-span page-break defect is understood (see the PDF writer).
export function applyRowSpanPageBreakFix(): void {}
