// Who may talk to the workspace: on loopback, requests must name our own address (a page of another site that
// rebinds its name to 127.0.0.1 is refused); bound beyond loopback, every request must carry the access token
// (whatever name reaches the machine); and state-changing requests must come from our own pages (a per-server
// secret in a header a cross-site form cannot set, and a same-origin Origin when the browser sends one).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';

export const TOKEN_COOKIE = 'workspace_token';
export const CSRF_HEADER = 'x-workspace-csrf';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a malformed escape: no such cookie, rather than a failure of the whole request
    }
  }
  return null;
}

export type Verdict = { ok: true } | { ok: false; status: number; message: string };

export class Guard {
  /** Sent with every page, checked on every state-changing request. */
  readonly csrf = randomBytes(24).toString('hex');
  /** Required when bound beyond loopback; null on loopback. */
  readonly token: string | null;
  private hosts = new Set<string>();

  constructor(
    readonly host: string,
    token?: string,
  ) {
    this.token = isLoopback(host) ? null : (token ?? randomBytes(24).toString('hex'));
  }

  private port = 0;

  listening(port: number): void {
    this.port = port;
    const own = this.host.includes(':') ? `[${this.host}]` : this.host;
    this.hosts = new Set([own, '127.0.0.1', 'localhost', '[::1]'].map((n) => `${n}:${port}`));
  }

  /** The address to print: the bound one, or for a wildcard (0.0.0.0, ::) this machine's first network address. */
  origin(): string {
    const wildcard = this.host === '0.0.0.0' || this.host === '::';
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
    const name = wildcard ? (lan ?? os.hostname()) : this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${name}:${this.port}`;
  }

  /** Whether the request carries the token (cookie or bearer header). A `?token=` link is taken by the server first. */
  private authorised(req: IncomingMessage): boolean {
    if (this.token === null) return true;
    const given = cookie(req, TOKEN_COOKIE) ?? /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    return given !== null && same(given, this.token);
  }

  tokenMatches(given: string | null): boolean {
    return this.token !== null && given !== null && same(given, this.token);
  }

  check(req: IncomingMessage, url: URL): Verdict {
    const host = req.headers.host ?? '';
    if (this.token === null && !this.hosts.has(host)) return { ok: false, status: 421, message: 'This workspace answers only at its own address' };
    if (!this.authorised(req) && !(req.method === 'GET' && this.tokenMatches(url.searchParams.get('token'))))
      return { ok: false, status: 401, message: 'Open the address with the access token that `serve` printed' };
    if (req.method === 'GET' || req.method === 'HEAD') return { ok: true };
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const header = req.headers[CSRF_HEADER];
    if (
      (origin !== undefined && origin !== `http://${host}`) ||
      (site !== undefined && site !== 'same-origin') ||
      typeof header !== 'string' ||
      !same(header, this.csrf)
    ) {
      return { ok: false, status: 403, message: "Refused: a change must come from the workspace's own pages" };
    }
    return { ok: true };
  }
}
