// npm run verify: checks every built document in out/ with programs we did not write (qpdf, poppler, LibreOffice).
// Run after `npm run build`. One line per check, then "N passed, M failed"; exit 1 if anything failed.
//
//   npm run verify [-- --out DIR] [--content DIR] [--keep]
//
// Our PDFs: qpdf --check, all fonts embedded, exactly the document's item numbers, every word of its items, the
// edition's letters (ў қ ғ ҳ …), the header row on every page, no lines printed over each other. Our DOCX:
// LibreOffice opens it and converts it to PDF (one soffice call for all of them), and that PDF passes the same text
// checks, on about as many pages as ours. Any other PDF or DOCX in out/ (change sheets, …) gets the file checks.
// Page 1 of the plan and of one extract, from both routes, go to out/preview/*.png; the plan's page 1 also to
// docs/plan-page1.png for the README. What to expect is computed from the content (loadPlan, selectExtracts).
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, formatDiagnostics } from '../src/content/diagnostics.js';
import { fontsEmbedded, headerCheck, lettersCheck, numbersCheck, overlapCheck, pageCountCheck, qpdfCheck, wordsCheck, type Verdict } from './lib/checks.js';
import { edition, expectedDocuments, type Edition, type ExpectedDocument } from './lib/expected.js';
import { layoutChecks, type AuditFigures } from './lib/layout-checks.js';
import { convertWithLibreOffice } from './lib/libreoffice.js';
import { readPdfWords, type PdfPage } from './lib/pdf-text.js';
import { lastLine, missingPrograms, run } from './lib/programs.js';

const { values: args } = parseArgs({
  options: { out: { type: 'string', default: 'out' }, content: { type: 'string', default: 'content' }, keep: { type: 'boolean', default: false } },
});
const outDir = args.out!;
const PREVIEW_EXTRACT = 'extracts/monitoring';
const README_IMAGE = { file: 'docs/plan-page1.png', dpi: 60, maxBytes: 150 * 1024 };

let passed = 0;
let failed = 0;
function report(target: string, check: string, v: Verdict): void {
  if (v.ok) passed++;
  else failed++;
  console.log(`${v.ok ? 'ok  ' : 'FAIL'}  ${target}  ${check}${v.note ? `  ${v.note}` : ''}`);
}
const exists = (f: string) =>
  stat(f).then(
    (s) => s.isFile(),
    () => false,
  );

/** A built file: `extracts/hr.cyrl.pdf` is document `extracts/hr`, edition `cyrl`; `plan.pdf` has no edition. */
interface OutFile {
  file: string;
  name: string;
  edition: string | null;
  ext: 'pdf' | 'docx';
  doc?: ExpectedDocument;
}

async function outFiles(docs: ExpectedDocument[]): Promise<OutFile[]> {
  const byName = new Map(docs.map((d) => [d.name, d]));
  const list = (await readdir(outDir, { recursive: true })).filter((f) => /\.(pdf|docx)$/.test(f) && !f.startsWith(`preview${path.sep}`));
  // The plan first, then the extracts, then anything else; by name within each.
  const rank = (f: string) => (f.startsWith('plan.') ? 0 : f.startsWith(`extracts${path.sep}`) ? 1 : 2);
  list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return list.map((rel) => {
    const parts = path.basename(rel).split('.');
    const name = path.posix.join(path.dirname(rel).split(path.sep).join('/'), parts[0]!).replace(/^\.\//, '');
    return { file: path.join(outDir, rel), name, edition: parts.length > 2 ? parts[1]! : null, ext: parts.at(-1) as 'pdf' | 'docx', doc: byName.get(name) };
  });
}

async function main(): Promise<number> {
  const missing = missingPrograms();
  if (missing.length) {
    for (const line of missing) console.error(line);
    return 1;
  }
  let docs: ExpectedDocument[];
  try {
    docs = await expectedDocuments(args.content!);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    console.error(`${formatDiagnostics(e.diagnostics)}\nThe content does not load, so there is nothing to compare the documents with.`);
    return 1;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'plan-verify-'));
  try {
    await verify(docs, tmp);
  } finally {
    if (args.keep) console.log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

async function verify(docs: ExpectedDocument[], tmp: string): Promise<void> {
  const files = await outFiles(docs);
  // The set of documents: every expected document in every edition built, and no extract of another content.
  const editions = [...new Set(files.filter((f) => f.name === 'plan').map((f) => f.edition))];
  for (const ed of editions.length ? editions : [null]) {
    for (const doc of docs) {
      for (const ext of ['pdf', 'docx']) {
        if (!files.some((f) => f.doc === doc && f.edition === ed && f.ext === ext)) {
          report(path.join(outDir, `${doc.name}${ed ? `.${ed}` : ''}.${ext}`), 'exists', { ok: false, note: 'missing: run `npm run build` first' });
        }
      }
    }
  }
  const stale = files.filter((f) => !f.doc && f.name.startsWith('extracts/'));
  report(
    path.join(outDir, 'extracts'),
    'one extract per department with items',
    stale.length
      ? { ok: false, note: `not an extract of this content: ${stale.map((f) => path.basename(f.file)).join(', ')}` }
      : { ok: true, note: `${docs.length - 1} extracts${editions.some(Boolean) ? `, editions ${editions.join(', ')}` : ''}` },
  );

  // LibreOffice runs on the other core while our PDFs are checked.
  const docxs = new Map(files.filter((f) => f.ext === 'docx').map((f) => [f.file, f.file]));
  const conversion = convertWithLibreOffice(docxs, path.join(tmp, 'lo'));

  const ourPages = new Map<string, PdfPage[]>();
  const ourLayout = new Map<string, AuditFigures>();
  for (const f of files.filter((f) => f.ext === 'pdf')) {
    report(f.file, 'qpdf --check', await qpdfCheck(f.file));
    report(f.file, 'fonts embedded (pdffonts)', await fontsEmbedded(f.file));
    if (!f.doc) continue;
    const pages = await readable(f.file, f.file, '');
    if (!pages) continue;
    ourPages.set(f.file, pages);
    textChecks(f.file, '', pages, f.doc, await edition(f.edition));
    ourLayout.set(f.file, await layoutChecks(f.file, f.file, '', pages, null, report, f.doc.shape));
  }

  const lo = await conversion;
  const loNote = lastLine(
    lo.result.stderr
      .split('\n')
      .filter((l) => !/javaldx/.test(l))
      .join('\n'),
  );
  for (const f of files.filter((f) => f.ext === 'docx')) {
    const pdf = lo.pdfs.get(f.file) ?? null;
    report(
      f.file,
      'LibreOffice opens and converts to PDF',
      pdf
        ? { ok: true, note: `${(lo.ms / 1000).toFixed(1)} s for ${docxs.size} files in one call` }
        : { ok: false, note: `no PDF written (soffice exit ${lo.result.code}${loNote ? `: ${loNote}` : ''})` },
    );
    if (!pdf) continue;
    report(f.file, 'LibreOffice PDF: fonts embedded (pdffonts)', await fontsEmbedded(pdf));
    if (!f.doc) continue;
    const pages = await readable(pdf, f.file, 'LibreOffice PDF: ');
    if (!pages) continue;
    textChecks(f.file, 'LibreOffice PDF: ', pages, f.doc, await edition(f.edition));
    const ours = ourPages.get(f.file.replace(/\.docx$/, '.pdf'));
    if (ours) report(f.file, 'LibreOffice PDF: page count near ours', pageCountCheck(ours.length, pages.length));
    await layoutChecks(pdf, f.file, 'LibreOffice PDF: ', pages, ourLayout.get(f.file.replace(/\.docx$/, '.pdf')) ?? null, report, f.doc.shape);
  }

  await previews(files, lo.pdfs);
}

/** The PDF's words, or null after reporting why pdftotext could not read them. */
async function readable(pdf: string, target: string, prefix: string): Promise<PdfPage[] | null> {
  try {
    return await readPdfWords(pdf);
  } catch (e) {
    report(target, `${prefix}text readable (pdftotext)`, { ok: false, note: lastLine((e as Error).message) });
    return null;
  }
}

function textChecks(target: string, prefix: string, pages: PdfPage[], doc: ExpectedDocument, ed: Edition | null): void {
  report(target, `${prefix}item numbers`, numbersCheck(pages, doc));
  if (ed) {
    report(target, `${prefix}words of every item`, wordsCheck(pages, doc, ed));
    report(target, `${prefix}letters ${ed.letters.join(' ')}${ed.latinOnly ? ', no Cyrillic' : ''}`, lettersCheck(pages, doc, ed));
    report(target, `${prefix}header row on every page`, headerCheck(pages, ed, doc.shape.headings));
  }
  report(target, `${prefix}no lines printed over each other`, overlapCheck(pages));
}

async function pageImage(pdf: string, png: string, dpi: number): Promise<Verdict> {
  await mkdir(path.dirname(png), { recursive: true });
  const r = await run('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
  if (r.code !== 0 || !(await exists(png))) return { ok: false, note: `pdftoppm exit ${r.code}: ${lastLine(r.stderr)}` };
  return { ok: true, note: `${Math.round((await stat(png)).size / 1024)} KB` };
}

/** Page 1 of the plan and of one extract (the Cyrillic edition when there are several), from both routes. */
async function previews(files: OutFile[], loPdfs: Map<string, string | null>): Promise<void> {
  const pdfs = files.filter((f) => f.ext === 'pdf' && f.doc && (f.edition === null || f.edition === 'cyrl'));
  const plan = pdfs.find((f) => f.name === 'plan');
  const extract = pdfs.find((f) => f.name === PREVIEW_EXTRACT) ?? pdfs.find((f) => f.doc?.kind === 'extract');
  const shown = [...(plan ? [{ f: plan, stem: 'plan' }] : []), ...(extract ? [{ f: extract, stem: `extract-${path.basename(extract.name)}` }] : [])];
  for (const { f, stem } of shown) {
    const png = (route: string) => path.join(outDir, 'preview', `${stem}-${route}.png`);
    report(png('pdf'), 'page 1 of our PDF', await pageImage(f.file, png('pdf'), 80));
    const theirs = loPdfs.get(f.file.replace(/\.pdf$/, '.docx'));
    if (theirs) report(png('docx'), 'page 1 of the DOCX as LibreOffice prints it', await pageImage(theirs, png('docx'), 80));
  }
  // The README's picture: only from the shipped content's plan, small enough to commit.
  if (!plan || path.resolve(args.content!) !== path.resolve('content')) return;
  const v = await pageImage(plan.file, README_IMAGE.file, README_IMAGE.dpi);
  const size = v.ok ? (await stat(README_IMAGE.file)).size : 0;
  report(
    README_IMAGE.file,
    `page 1 of the plan at ${README_IMAGE.dpi} dpi, under ${README_IMAGE.maxBytes / 1024} KB`,
    v.ok && size >= README_IMAGE.maxBytes ? { ok: false, note: `${Math.round(size / 1024)} KB` } : v,
  );
}

process.exitCode = await main();
