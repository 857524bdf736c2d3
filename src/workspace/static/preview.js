// The signed pages in the page: the built PDF drawn by pdf.js (served by the workspace, no network), turned to
// the page holding the item being edited, its rows outlined there, and drawn again after every build that changed the file.
import * as pdfjs from '/static/pdf.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/static/pdf.worker.mjs';

const box = document.getElementById('preview');
const canvas = document.getElementById('page-canvas');
const label = document.getElementById('page-label');
const highlight = document.getElementById('item-highlight');
const pdf = box.dataset.pdf;
let doc = null;
let pageNumber = 1;
let texts = [];
let drawn = 0;

/** Letters and digits only, lower case: a hyphenated or wrapped line still matches. */
const letters = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

async function pageTexts() {
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    out.push(content.items.map((i) => i.str).join(' '));
  }
  return out;
}

/**
 * The item's rows on a page, in PDF points [left, bottom, right, top], or null: from its number ("5.", or
 * "5." over "давоми" where it continues) in the table's leftmost column down to the next number there, or,
 * for the page's last item, to its lowest line (a gap of more than two lines is the page's footer below).
 */
function itemRows(items, number) {
  const text = items.filter((i) => i.str.trim());
  const numbers = text.filter((i) => /^\d+\.(\s|$)/.test(i.str.trim()));
  if (!numbers.length) return null;
  const column = Math.min(...numbers.map((i) => i.transform[4]));
  const cells = numbers.filter((i) => Math.abs(i.transform[4] - column) < 2).sort((a, b) => b.transform[5] - a.transform[5]);
  const at = cells.findIndex((i) => i.str.trim().split(/\s/)[0] === `${number}.`);
  if (at < 0) return null;
  const top = (i) => i.transform[5] + i.height;
  const pad = 4;
  let bottom;
  if (cells[at + 1]) bottom = top(cells[at + 1]) + pad;
  else {
    const lines = [...new Set(text.map((i) => i.transform[5]))].filter((y) => y <= cells[at].transform[5]).sort((a, b) => b - a);
    let last = 0;
    while (lines[last + 1] !== undefined && lines[last] - lines[last + 1] <= 2 * cells[at].height * 1.4) last++;
    bottom = lines[last] - pad;
  }
  const right = Math.max(...text.map((i) => i.transform[4] + i.width));
  return [column - pad * 3, bottom, right + pad * 2, top(cells[at]) + pad]; // the pads: about a cell's margin to its borders
}

/** Outlines the item's rows over the canvas drawn at `scale` CSS pixels a point, or hides the outline. */
function outline(page, items, scale) {
  const rows = box.dataset.item ? itemRows(items, box.dataset.item) : null;
  highlight.hidden = !rows;
  if (!rows) return;
  const [x1, y1, x2, y2] = page.getViewport({ scale }).convertToViewportRectangle(rows);
  Object.assign(highlight.style, {
    left: `${canvas.offsetLeft + Math.min(x1, x2)}px`,
    top: `${canvas.offsetTop + Math.min(y1, y2)}px`,
    width: `${Math.abs(x2 - x1)}px`,
    height: `${Math.abs(y2 - y1)}px`,
  });
  highlight.dataset.item = box.dataset.item;
}

let drawing = Promise.resolve();
/** Draws the current page; one drawing at a time on the one canvas. */
function draw() {
  drawing = drawing.then(drawNow, drawNow);
  return drawing;
}

async function drawNow() {
  const page = await doc.getPage(pageNumber);
  const width = box.clientWidth || 600;
  const base = page.getViewport({ scale: 1 });
  const scale = (width / base.width) * (window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale });
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  canvas.style.width = `${width}px`;
  await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  outline(page, (await page.getTextContent()).items, width / base.width);
  label.textContent = box.dataset.pageLabel.replace('{n}', String(pageNumber)).replace('{total}', String(doc.numPages));
  box.dataset.page = String(pageNumber);
  box.dataset.drawn = String(++drawn);
  box.pageText = texts[pageNumber - 1] ?? '';
  canvas.setAttribute('aria-label', `${document.getElementById('preview-heading').textContent}: ${label.textContent}`);
  document.dispatchEvent(new CustomEvent('workspace:preview-shown'));
}

let loading = Promise.resolve();
/** Loads the PDF as built now; one load at a time, so a build finishing during the first load is read after it. */
function load() {
  loading = loading.then(loadNow, loadNow);
  return loading;
}

async function loadNow() {
  const res = await fetch(`/out/${pdf}`, { cache: 'no-store' });
  if (!res.ok) return;
  const etag = res.headers.get('etag') ?? '';
  if (doc && etag === box.dataset.etag) return; // the build did not change this document
  box.dataset.etag = etag;
  doc = await pdfjs.getDocument({ data: new Uint8Array(await res.arrayBuffer()), isEvalSupported: false }).promise;
  const before = texts;
  texts = await pageTexts();
  box.previousTexts = before;
  box.pageTexts = texts;
  // After a save, the first page the save changed; on opening, the page where the item begins.
  const changed = before.length ? texts.findIndex((t, i) => t !== before[i]) : -1;
  const find = letters(box.dataset.find ?? '').slice(0, 40);
  const at = changed >= 0 ? changed : find && !before.length ? texts.findIndex((t) => letters(t).includes(find)) : -1;
  pageNumber = at >= 0 ? at + 1 : Math.min(pageNumber, doc.numPages);
  await draw();
}

document.getElementById('prev-page').addEventListener('click', () => pageNumber > 1 && (pageNumber--, draw()));
document.getElementById('next-page').addEventListener('click', () => doc && pageNumber < doc.numPages && (pageNumber++, draw()));
// Every good build: the page's own save, an edit in an editor, a release.
document.addEventListener('workspace:built', (e) => e.detail.ok && load());
load();
