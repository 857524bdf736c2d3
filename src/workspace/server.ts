// The workspace's HTTP server (Node's own): pages, the few JSON actions they post, the built documents listed in
// the manifest, and the static assets by a fixed list. One builder runs every build; a watcher on the content
// folder rebuilds after edits made in any editor and tells the open pages (server-sent events).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../project.js';
import { readManifest, type ManifestEntry } from '../pipeline/manifest.js';
import { safeRelative } from '../pipeline/output.js';
import { watchTree } from '../pipeline/watch.js';
import { appendEntry, changesSinceIssued, checkItem, createItem, release, saveItem, type RegistryList } from './actions.js';
import { Builder } from './builder.js';
import { readContentFile, readItems, type Folders } from './content.js';
import { Guard, TOKEN_COOKIE } from './guard.js';
import { words, type Lang } from './i18n.js';
import { amendmentsPage } from './pages/amendments.js';
import { departmentPage, departmentsPage } from './pages/departments.js';
import { html, type Html } from './pages/html.js';
import { itemPage, previewPane } from './pages/item.js';
import { layout, type PageContext } from './pages/layout.js';
import { planPage } from './pages/plan.js';
import { readWorkspace } from './state.js';

// From the project root, not from this module: compiled, the code runs from dist/<hash>/.
const here = path.join(PROJECT_ROOT, 'src', 'workspace');
const require = createRequire(import.meta.url);
const pdfjs = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** Every file the pages load, by the name they ask for. */
const STATIC: Record<string, { file: string; type: string }> = {
  'app.js': { file: path.join(here, 'static', 'app.js'), type: 'text/javascript' },
  'preview.js': { file: path.join(here, 'static', 'preview.js'), type: 'text/javascript' },
  'workspace.css': { file: path.join(here, 'static', 'workspace.css'), type: 'text/css' },
  'pdf.mjs': { file: path.join(pdfjs, 'build', 'pdf.min.mjs'), type: 'text/javascript' },
  'pdf.worker.mjs': { file: path.join(pdfjs, 'build', 'pdf.worker.min.mjs'), type: 'text/javascript' },
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Request bodies: a content file is at most 1 MB, and so is what describes one. */
const MAX_BODY = 1024 * 1024;

export interface WorkspaceOptions extends Folders {
  host: string;
  port: number;
  /** Fixed access token (default: a random one when bound beyond loopback). */
  token?: string;
}

export interface Workspace {
  url: string;
  /** The address with the access token, to open once (the same as `url` on loopback). */
  openUrl: string;
  builder: Builder;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A path segment of the URL decoded; a malformed escape is the request's mistake (400), not a failure. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'Malformed escape in the address');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...extra });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'Expected a JSON request');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'Expected a JSON object');
}

function langOf(req: IncomingMessage): Lang {
  return /(?:^|;\s*)lang=en\b/.test(req.headers.cookie ?? '') ? 'en' : 'uz';
}

export async function startWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const folders: Folders = { contentDir: options.contentDir, templatesDir: options.templatesDir, fontsDir: options.fontsDir, outDir: options.outDir };
  const guard = new Guard(options.host, options.token);
  const builder = new Builder(folders);
  builder.state.manifest = (await readManifest(folders.outDir)).manifest;
  const clients = new Set<ServerResponse>();
  const broadcast = (event: string, data: unknown) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  builder.on('change', (s) => broadcast('build', { sequence: s.sequence, running: s.running, ok: s.ok, ms: s.ms }));

  const documents = (): ManifestEntry[] => builder.state.manifest?.documents ?? [];
  const findItemFile = async (n: number) => (await readItems(folders.contentDir)).find((i) => i.number === n) ?? null;
  const planPdf = () => documents().find((d) => d.kind === 'plan' && d.format === 'pdf' && d.edition === 'cyrl')?.path ?? null;

  const page = (req: IncomingMessage, url: URL, res: ServerResponse, title: string, body: Html) => {
    const lang = langOf(req);
    const ctx: PageContext = { lang, w: words(lang), csrf: guard.csrf, build: builder.state, path: url.pathname };
    send(res, 200, 'text/html; charset=utf-8', layout(ctx, title, body));
  };

  // Content writes one at a time: each checks the file's hash on disk and then writes, so two saves from the same
  // version (two tabs), or two new items of one number, cannot both pass the check.
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(write: () => Promise<T>): Promise<T> => {
    const run = writing.then(write, write);
    writing = run.catch(() => undefined);
    return run;
  };

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const w = words(langOf(req));
    const p = url.pathname;
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (get && url.searchParams.has('token') && guard.tokenMatches(url.searchParams.get('token'))) {
      res.writeHead(303, { ...SECURITY_HEADERS, location: p, 'set-cookie': `${TOKEN_COOKIE}=${guard.token}; HttpOnly; SameSite=Strict; Path=/` });
      return void res.end();
    }
    if (get && p === '/') {
      const ws = await readWorkspace(folders, langOf(req));
      return page(req, url, res, w.navPlan, planPage(ws, w, planPdf()));
    }
    const itemMatch = /^\/items\/(\d{1,4}|new)$/.exec(p);
    if (get && itemMatch) {
      const ws = await readWorkspace(folders, langOf(req));
      if (itemMatch[1] === 'new')
        return page(req, url, res, w.newItemHeading, itemPage({ file: null, number: null, registries: ws.registries, findings: [], pdf: planPdf() }, w));
      const n = Number(itemMatch[1]);
      const row = ws.items.find((i) => i.number === n);
      if (!row) throw new HttpError(404, `No item ${n}`);
      return page(
        req,
        url,
        res,
        `${n}-${w.itemHeading}`,
        itemPage({ file: row.file, number: n, registries: ws.registries, findings: ws.findings.filter((f) => f.rel === row.file.rel), pdf: planPdf() }, w),
      );
    }
    if (get && p === '/departments') return page(req, url, res, w.navDepartments, departmentsPage(await readWorkspace(folders, langOf(req)), documents(), w));
    const deptMatch = /^\/departments\/([a-z0-9-]{1,64})$/.exec(p);
    if (get && deptMatch) {
      const body = departmentPage(await readWorkspace(folders, langOf(req)), deptMatch[1]!, documents(), w);
      if (!body) throw new HttpError(404, 'No such department');
      return page(req, url, res, w.navDepartments, body);
    }
    if (get && p === '/amendments') {
      const [ws, changes] = await Promise.all([readWorkspace(folders, langOf(req)), changesSinceIssued(folders)]);
      return page(
        req,
        url,
        res,
        w.navAmendments,
        amendmentsPage(
          ws,
          changes,
          documents().filter((d) => d.kind === 'change-sheet'),
          w,
        ),
      );
    }
    if (get && p.startsWith('/preview/')) {
      // Any built PDF's pages (a change sheet, an extract in another edition), by its manifest path.
      const rel = safeRelative(decoded(p.slice('/preview/'.length)));
      const entry = rel ? documents().find((d) => d.path === rel && d.format === 'pdf') : undefined;
      if (!entry) throw new HttpError(404, 'Not a built PDF');
      return page(
        req,
        url,
        res,
        entry.path,
        html`<h1>${entry.path}</h1>
          <div class="editor single">${previewPane(w, entry.path, '')}</div>`,
      );
    }
    const langMatch = /^\/lang\/(uz|en)$/.exec(p);
    if (get && langMatch) {
      const back = url.searchParams.get('back') ?? '/';
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        location: /^\/[a-z0-9/-]*$/.test(back) ? back : '/',
        'set-cookie': `lang=${langMatch[1]}; SameSite=Strict; Path=/`,
      });
      return void res.end();
    }
    if (get && p.startsWith('/static/')) {
      const asset = STATIC[p.slice('/static/'.length)];
      if (!asset) throw new HttpError(404, 'Not found');
      return send(res, 200, `${asset.type}; charset=utf-8`, await readFile(asset.file), { 'cache-control': 'max-age=3600' });
    }
    if (get && p.startsWith('/out/')) {
      // Only files the last build listed in its manifest, by their normalised relative path.
      const rel = safeRelative(decoded(p.slice('/out/'.length)));
      const entry = rel ? documents().find((d) => d.path === rel) : undefined;
      if (!entry) throw new HttpError(404, 'Not a built document');
      const file = path.join(folders.outDir, entry.path);
      const bytes = await readFile(file).catch(() => Promise.reject(new HttpError(404, 'The document is being rebuilt; try again')));
      return send(res, 200, entry.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes, {
        etag: `"${entry.sha256}"`,
      });
    }
    if (get && p === '/api/state') return json(res, 200, { build: builder.state });
    if (get && p === '/api/events') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream' });
      res.write(
        `event: build\ndata: ${JSON.stringify({ sequence: builder.state.sequence, running: builder.state.running, ok: builder.state.ok, ms: builder.state.ms })}\n\n`,
      );
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const apiItem = /^\/api\/items\/(\d{1,4})$/.exec(p);
    if (get && apiItem) {
      const row = await findItemFile(Number(apiItem[1]));
      if (!row) throw new HttpError(404, 'No such item');
      return json(res, 200, { rel: row.file.rel, hash: row.file.hash, data: row.file.data });
    }
    if (req.method !== 'POST') throw new HttpError(404, 'Not found');
    const input = await body(req);
    const data = input.data as Record<string, unknown> | undefined;
    if (p === '/api/check') {
      if (!data || typeof data !== 'object') throw new HttpError(400, 'Expected `data`');
      const rel = typeof input.rel === 'string' && input.rel ? input.rel : null;
      if (rel !== null && !(await readItems(folders.contentDir)).some((i) => i.file.rel === rel)) throw new HttpError(404, 'Not an item file');
      const result = await checkItem(folders, rel, data, langOf(req));
      return json(res, 200, Array.isArray(result) ? { findings: result } : result);
    }
    if (apiItem) {
      const row = await findItemFile(Number(apiItem[1]));
      if (!row || !data || typeof input.hash !== 'string') throw new HttpError(404, 'No such item');
      const hash = input.hash;
      const outcome = await serially(() => saveItem(folders, row.file.rel, hash, data, langOf(req)));
      const built = outcome.status === 'saved' ? await builder.request() : null;
      return json(res, outcome.status === 'conflict' ? 409 : outcome.status === 'invalid' ? 422 : 200, {
        ...outcome,
        build: built && { sequence: built.sequence, ok: built.ok, ms: built.ms, diagnostics: built.diagnostics, message: built.message },
      });
    }
    if (p === '/api/items') {
      if (!data) throw new HttpError(400, 'Expected `data`');
      const outcome = await serially(() => createItem(folders, data, langOf(req)));
      if (outcome.status === 'saved') void builder.request();
      return json(res, outcome.status === 'invalid' ? 422 : 200, outcome);
    }
    const registry = /^\/api\/registry\/(amendments|departments|acts)$/.exec(p);
    if (registry) {
      if (!data) throw new HttpError(400, 'Expected `data`');
      const outcome = await serially(() => appendEntry(folders, registry[1] as RegistryList, data, langOf(req)));
      if (outcome.status === 'saved') void builder.request();
      return json(res, outcome.status === 'invalid' ? 422 : outcome.status === 'conflict' ? 409 : 200, outcome);
    }
    if (p === '/api/release') {
      const label = typeof input.label === 'string' && input.label.trim() ? input.label.trim() : null;
      const outcome = await builder.exclusive(() => release(folders, label));
      if (outcome.ok) void builder.request();
      return json(res, outcome.ok ? 200 : 422, outcome);
    }
    throw new HttpError(404, 'Not found');
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://workspace');
    const verdict = guard.check(req, url);
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', verdict.message);
    route(req, res, url).catch((e) => {
      if (e instanceof HttpError) return json(res, e.status, { message: e.message });
      json(res, 500, { message: `internal failure (a bug in plan-pipeline): ${(e as Error).stack ?? String(e)}` });
    });
  });

  // Edits made in any editor (content, templates, fonts): rebuild, and tell the pages which content files changed
  // (a page with unsaved edits of a changed file says so instead of reloading).
  let timer: NodeJS.Timeout | null = null;
  const changed = new Set<string>();
  const watcher = watchTree([folders.contentDir, folders.templatesDir, folders.fontsDir], (folder, file) => {
    const rel = path.relative(folders.contentDir, path.join(folder, file)).split(path.sep).join('/');
    if (file && !rel.startsWith('..')) changed.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = null;
      const files = [...changed];
      changed.clear();
      for (const f of files) broadcast('content', { rel: f, hash: (await readContentFile(folders.contentDir, f))?.hash ?? null });
      void builder.request();
    }, 150);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  guard.listening(port);
  void builder.request();
  const url = `${guard.origin()}/`;
  return {
    url,
    openUrl: guard.token ? `${url}?token=${guard.token}` : url,
    builder,
    async close() {
      if (timer) clearTimeout(timer);
      watcher.close();
      for (const c of clients) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await builder.close();
    },
  };
}
