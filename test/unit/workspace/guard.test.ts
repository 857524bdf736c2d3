// Who may talk to the workspace: its own address only, a token beyond loopback, changes only from its own pages.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, Guard, TOKEN_COOKIE } from '../../../src/workspace/guard.js';

const request = (method: string, headers: Record<string, string>) => ({ method, headers }) as unknown as IncomingMessage;
const url = (q = '') => new URL(`http://x/${q}`);

describe('Guard', () => {
  it('on loopback: no token, but only its own host names, and a change needs the page secret from its own origin', () => {
    const g = new Guard('127.0.0.1');
    g.listening(4173);
    expect(g.token).toBeNull();
    expect(g.check(request('GET', { host: '127.0.0.1:4173' }), url()).ok).toBe(true);
    expect(g.check(request('GET', { host: 'localhost:4173' }), url()).ok).toBe(true);
    expect(g.check(request('GET', { host: 'attacker.example:4173' }), url())).toMatchObject({ ok: false, status: 421 });
    expect(g.check(request('POST', { host: '127.0.0.1:4173' }), url())).toMatchObject({ ok: false, status: 403 });
    expect(g.check(request('POST', { host: '127.0.0.1:4173', [CSRF_HEADER]: g.csrf, origin: 'http://attacker.example' }), url())).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(g.check(request('POST', { host: '127.0.0.1:4173', [CSRF_HEADER]: g.csrf, 'sec-fetch-site': 'cross-site' }), url())).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(g.check(request('POST', { host: '127.0.0.1:4173', [CSRF_HEADER]: g.csrf, origin: 'http://127.0.0.1:4173' }), url()).ok).toBe(true);
  });

  it('beyond loopback: every request needs the token (cookie, bearer, or the printed link once)', () => {
    const g = new Guard('192.168.1.20');
    g.listening(8080);
    const host = { host: '192.168.1.20:8080' };
    expect(g.token).toMatch(/^[0-9a-f]{48}$/);
    expect(g.check(request('GET', host), url())).toMatchObject({ ok: false, status: 401 });
    expect(g.check(request('GET', host), url(`?token=${g.token}`)).ok).toBe(true);
    expect(g.check(request('GET', host), url('?token=wrong'))).toMatchObject({ ok: false, status: 401 });
    expect(g.check(request('GET', { ...host, cookie: `${TOKEN_COOKIE}=${g.token}` }), url()).ok).toBe(true);
    expect(g.check(request('GET', { ...host, authorization: `Bearer ${g.token}` }), url()).ok).toBe(true);
    // Whatever name reaches the machine, with the token (a wildcard bind is reached by any of its addresses).
    expect(g.check(request('GET', { host: 'plans.local:8080', cookie: `${TOKEN_COOKIE}=${g.token}` }), url()).ok).toBe(true);
    expect(
      g.check(request('POST', { ...host, cookie: `${TOKEN_COOKIE}=${g.token}`, [CSRF_HEADER]: g.csrf, origin: 'http://evil.example' }), url()),
    ).toMatchObject({ ok: false, status: 403 });
    expect(
      g.check(request('POST', { ...host, cookie: `${TOKEN_COOKIE}=${g.token}`, [CSRF_HEADER]: g.csrf, origin: 'http://192.168.1.20:8080' }), url()).ok,
    ).toBe(true);
    // The link's token opens pages, never changes.
    expect(g.check(request('POST', { ...host, [CSRF_HEADER]: g.csrf }), url(`?token=${g.token}`))).toMatchObject({ ok: false, status: 401 });
  });
});
