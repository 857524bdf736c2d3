// The workspace in a real browser (Debian's chromium, driven by playwright-core), one server and one browser for
// the secretariat's whole round on a scratch copy of content/: open the plan; edit item 5's second deadline; an
// impossible month shows at its field; fix, save, the preview's page changes and the file changes in that line
// only; add a step; record an amendment, create an item and withdraw one through it; read the change report;
// release; a save against a file changed on disk is refused with nothing lost. axe-core checks every page.
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../src/pipeline/build.js';
import { release } from '../../src/workspace/actions.js';
import { startWorkspace, type Workspace } from '../../src/workspace/server.js';

const CHROMIUM = '/usr/bin/chromium';
const AXE = path.resolve('node_modules/axe-core/axe.min.js');

const root = path.resolve('.tmp', `browser-${process.pid}`);
const contentDir = path.join(root, 'content');
const folders = { contentDir, templatesDir: DEFAULT_DIRS.templatesDir, fontsDir: DEFAULT_DIRS.fontsDir, outDir: path.join(root, 'out') };
/** Screenshots of every page, looked at by whoever changes them (docs/workspace.png is item-saved.png). */
const shots = path.resolve('.tmp', 'workspace-screenshots');
const item5 = path.join(contentDir, 'items', '05.yaml');

let workspace: Workspace;
let context: BrowserContext;
let page: Page;
let original5: string;

/** Lines of `after` that differ from `before`, compared line by line (enough for edits that keep the count). */
function changedLines(before: string, after: string): { line: number; before: string | undefined; after: string | undefined }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({ line: i + 1, before: a[i], after: b[i] })).filter((d) => d.before !== d.after);
}

/** axe-core's violations on the page (evaluated through the debugger protocol, so the page's CSP stays on). */
async function accessibilityViolations(): Promise<string[]> {
  await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

async function shot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
}

/** The preview has drawn a page more than `after` times. */
async function drawnPast(after: number): Promise<number> {
  await page.waitForFunction((n) => Number(document.getElementById('preview')?.dataset.drawn ?? 0) > n, after, { timeout: 60_000 });
  return Number(await page.getAttribute('#preview', 'data-drawn'));
}

const pageText = () => page.evaluate(() => (document.getElementById('preview') as HTMLElement & { pageText?: string }).pageText ?? '');
/** The centre of the text reading `str` leftmost on the shown page of the built PDF, as pdf.js reads it in Node, in the browser's CSS pixels over the canvas. */
async function textCentre(str: string): Promise<{ x: number; y: number }> {
  const bytes = new Uint8Array(await (await fetch(new URL(`out/${await page.getAttribute('#preview', 'data-pdf')}`, workspace.url))).arrayBuffer());
  const pdfPage = await (await getDocument({ data: bytes }).promise).getPage(Number(await page.getAttribute('#preview', 'data-page')));
  const { width, height } = pdfPage.getViewport({ scale: 1 });
  const items = (await pdfPage.getTextContent()).items.flatMap((i) => ('str' in i && i.str === str ? [i] : []));
  const item = items.sort((a, b) => a.transform[4] - b.transform[4])[0]!;
  const canvas = (await page.locator('#page-canvas').boundingBox())!;
  const x = Number(item.transform[4]) + item.width / 2;
  const y = Number(item.transform[5]) + item.height / 2;
  return { x: canvas.x + (x / width) * canvas.width, y: canvas.y + ((height - y) / height) * canvas.height };
}

const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

const errorsAt = (field: string) => page.locator(`[id="err-${field}"]`);

describe.skipIf(!existsSync(CHROMIUM))('the workspace in the browser', () => {
  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(shots, { recursive: true });
    await cp(DEFAULT_DIRS.contentDir, contentDir, { recursive: true });
    original5 = await readFile(item5, 'utf8');
    // The plan as sent out: what the amendments are reported against.
    const issued = await release(folders, 'v1');
    expect(issued.ok).toBe(true);
    workspace = await startWorkspace({ ...folders, host: '127.0.0.1', port: 0 });
    context = await chromium.launchPersistentContext(await mkdtemp(path.join(os.tmpdir(), 'workspace-chromium-')), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await workspace.builder.request();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await workspace?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("opens on the plan: every item, the content's findings beside them, the build's state", async () => {
    await page.goto(workspace.url);
    await expect.poll(() => page.locator('table.plan tbody tr').count()).toBe(30);
    expect(await page.locator('h1').textContent()).toBe('Режа бандлари');
    expect(await page.locator('#item-5 td').nth(2).textContent()).toContain('Коррупциянинг олдини олиш');
    // Item 5's quote-style warning, as `lint` reports it, stands in its row.
    expect(await page.locator('#item-5 .findings').textContent()).toContain('typography/quote-style');
    await expect.poll(() => page.locator('#build-status').getAttribute('class')).toContain('ok');
    await shot('plan');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it("shows an impossible deadline at its field, as the build's schema words it, and clears it when fixed", async () => {
    await page.click('#item-5 th a');
    await page.waitForURL(/\/items\/5$/);
    await drawnPast(0);
    expect(await page.getAttribute('#preview', 'data-page')).toBe('2'); // the page where item 5 stands
    // Its rows are outlined there: over its number "5." in the table's first column, not over item 4's "4." above.
    const outline = page.locator('#item-highlight');
    expect(await outline.getAttribute('data-item')).toBe('5');
    const box = (await outline.boundingBox())!;
    const canvas = (await page.locator('#page-canvas').boundingBox())!;
    expect(inside(await textCentre('5.'), box)).toBe(true);
    expect(inside(await textCentre('4.'), box)).toBe(false);
    expect(inside({ x: box.x, y: box.y }, canvas) && inside({ x: box.x + box.width, y: box.y + box.height }, canvas)).toBe(true);
    await shot('item-outline', false);
    const input = page.locator('[data-field="deadlines[1]"]');
    expect(await input.inputValue()).toBe('2024-03');
    await input.fill('2024-13');
    await expect.poll(() => errorsAt('deadlines[1]').textContent(), { timeout: 20_000 }).toContain('Expected a deadline');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await shot('item-error', false);
    await input.fill('2024-05');
    await expect.poll(() => errorsAt('deadlines[1]').textContent(), { timeout: 20_000 }).toBe('');
    expect(await input.getAttribute('aria-invalid')).toBeNull();
  });

  it('saves: the file changes in that line only, and the preview shows the new deadline', async () => {
    const drawn = Number(await page.getAttribute('#preview', 'data-drawn'));
    const t0 = Date.now();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/items/5') && r.request().method() === 'POST').then(() => Date.now() - t0);
    await page.click('#save');
    await drawnPast(drawn);
    console.log(`save to updated preview: ${Date.now() - t0} ms (the server answered, checked and rebuilt, at ${await answered} ms)`);
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Сақланди, кўриниш янгиланди');
    // The preview turned to the first page the save changed: it now reads the new month, and read otherwise before.
    const shown = Number(await page.getAttribute('#preview', 'data-page')) - 1;
    const { before, after } = await page.evaluate((i) => {
      const box = document.getElementById('preview') as HTMLElement & { pageTexts: string[]; previousTexts: string[] };
      return { before: box.previousTexts[i] ?? '', after: box.pageTexts[i] ?? '' };
    }, shown);
    expect(after).not.toBe(before);
    expect(after.replace(/\s+/g, ' ')).toMatch(/2024 йил\s*май/);
    expect(await pageText()).toBe(after);
    expect(changedLines(original5, await readFile(item5, 'utf8'))).toEqual([
      { line: 17, before: 'deadlines: [2024-02, 2024-03, 2024-04]', after: 'deadlines: [2024-02, 2024-05, 2024-04]' },
    ]);
    await shot('item-saved', false);
    expect(await accessibilityViolations()).toEqual([]);
  });

  it("adds a step with its own deadline, written below the others in the file's own layout", async () => {
    const before = await readFile(item5, 'utf8');
    await page.click('#add-step');
    await page.locator('[data-field="mechanism.steps[3]"]').fill('Рейтинг натижалари бўйича давлат органларига тавсиялар юбориш.');
    await page.locator('[data-field="deadlines[3]"]').fill('2024-06');
    await page.click('#save');
    await expect.poll(() => page.locator('#save-status').textContent(), { timeout: 60_000 }).toBe('Сақланди, кўриниш янгиланди');
    const after = await readFile(item5, 'utf8');
    expect(after).toBe(
      before
        .replace('deadlines: [2024-02, 2024-05, 2024-04]', 'deadlines: [2024-02, 2024-05, 2024-04, 2024-06]')
        .replace('тавсиялар киритиш.\n', 'тавсиялар киритиш.\n    - Рейтинг натижалари бўйича давлат органларига тавсиялар юбориш.\n'),
    );
  });

  it('records an amendment, creates item 32 and withdraws item 12 through it', async () => {
    await page.goto(`${workspace.url}amendments`);
    await page.fill('#am-id', 'order-45');
    await page.fill('#am-date', '2024-03-15');
    await page.fill('#am-number', '45');
    await page.fill('#am-basis-date', '2024-03-15');
    await page.fill('#am-summary', '5-банднинг муддатлари ўзгартирилди, 12-банд чиқарилди, 32-банд қўшилди.');
    await page.fill('#am-items', '5, 12, 32');
    await Promise.all([page.waitForEvent('load'), page.click('#amendment-form button[type="submit"]')]);
    expect(await page.locator('.amendments').textContent()).toContain('order-45');

    await page.goto(`${workspace.url}items/new`);
    await page.fill('#number', '32');
    await page.fill('#measure', 'Агентлик ходимлари учун коррупцияга қарши курашиш бўйича ўқув семинарларини ташкил этиш');
    await page.fill('#intro', 'Ҳудудий бўлинмалар ходимлари учун семинарлар ўтказиш.');
    await page.fill('#deadline', '2024-05');
    await page.check('#basis-pf-6013');
    await page.selectOption('#add-department', 'prevention');
    await page.fill('#result', 'Ходимларнинг билим ва кўникмалари оширилади.');
    await Promise.all([page.waitForURL(/\/items\/32$/, { timeout: 60_000 }), page.click('#save')]);
    expect(await readFile(path.join(contentDir, 'items', '32.yaml'), 'utf8')).toContain('responsible: [prevention]');
    await shot('item-new');

    await page.goto(`${workspace.url}items/12`);
    await page.selectOption('#withdrawn', 'order-45');
    await page.click('#save');
    await expect.poll(() => page.locator('#save-status').textContent(), { timeout: 60_000 }).toMatch(/^Сақланди/);
    expect((await readFile(path.join(contentDir, 'items', '12.yaml'), 'utf8')).split('\n')[0]).toBe('withdrawn: order-45');
  });

  it('reports what changed since v1, each change on the amendment it rests on, with change sheets', async () => {
    await workspace.builder.request();
    await page.goto(`${workspace.url}amendments`);
    const report = page.locator('#change-report');
    expect(await report.locator('li.changed').first().textContent()).toContain('5');
    expect(await report.locator('li.withdrawn').textContent()).toContain('12');
    expect(await report.locator('li.added').textContent()).toContain('32');
    expect(await report.textContent()).not.toContain('асоси қайд этилмаган');
    expect(await report.locator('ins').count()).toBeGreaterThan(0); // word-level: the new step's words
    expect(await page.locator('#change-sheets a').count()).toBeGreaterThan(0);
    await shot('amendments');
    expect(await accessibilityViolations()).toEqual([]);
    // A change sheet's pages: prevention's sheet names the changed item 5 and the added 32.
    await page.click('#change-sheets a[href="/preview/changes/prevention.cyrl.pdf"]');
    await drawnPast(0);
    const sheet = await page.evaluate(() => (document.getElementById('preview') as HTMLElement & { pageTexts: string[] }).pageTexts.join(' '));
    expect(sheet).toContain('32');
    await shot('change-sheet', false);
  });

  it("releases v2 with the CLI's checks and records it in content/issued/", async () => {
    await page.goto(`${workspace.url}amendments`);
    await page.fill('#release-label', 'v2');
    await Promise.all([page.waitForEvent('load', { timeout: 120_000 }), page.click('#release-form button[type="submit"]')]);
    expect(await page.locator('#releases').textContent()).toContain('v2');
    expect(existsSync(path.join(contentDir, 'issued', 'v2.json'))).toBe(true);
    // The same label again is refused, as `release --label v2` refuses it.
    await page.fill('#release-label', 'v2');
    await page.click('#release-form button[type="submit"]');
    await expect.poll(() => page.locator('#release-messages').textContent(), { timeout: 60_000 }).toContain('was issued already');
  });

  it('refuses a save against a file changed on disk, keeping both the edit in the form and the file', async () => {
    await page.goto(`${workspace.url}items/5`);
    await page.locator('#result').fill('Натижалар таҳлил қилинади.');
    const external = '# edited in a text editor\n';
    await appendFile(item5, external);
    await expect.poll(() => page.locator('#form-messages').textContent(), { timeout: 20_000 }).toContain('Файл дискда ўзгарди');
    await page.click('#save');
    await expect.poll(() => page.locator('#form-messages .conflict').textContent(), { timeout: 20_000 }).toContain('дискда ўзгартирилган');
    expect(await page.locator('#result').inputValue()).toBe('Натижалар таҳлил қилинади.');
    expect((await readFile(item5, 'utf8')).endsWith(external)).toBe(true);
    expect(await readFile(item5, 'utf8')).not.toContain('Натижалар таҳлил қилинади.');
    await shot('item-conflict');
  });

  it('lists each department with its items and extract files, and previews an extract', async () => {
    await page.goto(`${workspace.url}departments`);
    expect(await page.locator('#dept-prevention td').first().textContent()).toContain('32');
    const href = await page.locator('#dept-prevention a[download][href$=".pdf"]').getAttribute('href');
    const res = await page.request.get(new URL(href!, workspace.url).href);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(await accessibilityViolations()).toEqual([]);
    // A new unit: an id the schema refuses shows at its field; a good one is appended to departments.yaml.
    const registry = path.join(contentDir, 'departments.yaml');
    const before = await readFile(registry, 'utf8');
    await page.fill('#dept-id', 'Finance');
    await page.fill('#dept-name', 'Молия бўлими');
    await page.fill('#dept-short', 'Молия бўлими');
    await page.click('#department-form button[type="submit"]');
    await expect.poll(() => page.locator('[id="err-dept-id"]').textContent(), { timeout: 20_000 }).toContain('Expected an id of lowercase Latin letters');
    await page.fill('#dept-id', 'finance');
    await Promise.all([page.waitForEvent('load'), page.click('#department-form button[type="submit"]')]);
    expect(await readFile(registry, 'utf8')).toBe(`${before}  - id: finance\n    name: Молия бўлими\n    short: Молия бўлими\n    kind: department\n`);
    await shot('departments');
    await page.click('#dept-prevention th a');
    await drawnPast(0);
    await shot('department');
  });

  it('switches to English', async () => {
    await page.goto(workspace.url);
    await Promise.all([page.waitForEvent('load'), page.click('a.lang')]);
    expect(await page.locator('h1').textContent()).toBe('Items of the plan');
    await shot('plan-en');
  });

  it('answers only at its own address, takes changes only from its own pages, and serves no file outside', async () => {
    const url = new URL(workspace.url);
    const post = (headers: Record<string, string>) =>
      fetch(new URL('api/release', url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-workspace-csrf': 'guess' })).status).toBe(403);
    const csrf = await page.getAttribute('meta[name="csrf"]', 'content');
    expect((await post({ 'x-workspace-csrf': csrf!, origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(new URL('out/..%2Fcontent%2Fplan.yaml', url))).status).toBe(404);
    expect((await fetch(new URL('static/..%2F..%2Fpackage.json', url))).status).toBe(404);
    // A page reached through another host name (DNS rebinding) is refused.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) =>
      request({ host: url.hostname, port: url.port, path: '/', headers: { host: 'evil.example' } }, (r) => resolve(r.statusCode!)).end(),
    );
    expect(status).toBe(421);
  });
});
