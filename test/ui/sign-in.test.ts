import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { ConsoleClient, textOf } from './console-client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('console sign-in', () => {
  it('sends a visitor without a session to sign in, and back to the page after', async () => {
    const browser = new ConsoleClient(server.url);
    const page = await browser.get('/console/alerts?status=open');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/console/sign-in?next=%2Fconsole%2Falerts%3Fstatus%3Dopen');
    const form = await browser.get(page.location!);
    const nonce = /name="signInNonce" value="([^"]+)"/.exec(form.html)![1]!;
    const signedIn = await browser.post('/console/sign-in', { signInNonce: nonce, token: server.tokens.responder, next: '/console/alerts?status=open' }, { csrf: null });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/console/alerts?status=open');
  });

  it('opens at the incidents list from the site root and /console/', async () => {
    for (const door of ['/', '/console', '/console/']) {
      const response = await fetch(server.url + door, { redirect: 'manual' });
      expect(response.status, door).toBe(303);
      expect(response.headers.get('Location'), door).toBe('/console/incidents');
    }
  });

  it('sets an HttpOnly, SameSite=Strict cookie holding a secret stored only as its hash', async () => {
    const browser = new ConsoleClient(server.url);
    const form = await browser.get('/console/sign-in');
    const nonce = /name="signInNonce" value="([^"]+)"/.exec(form.html)![1]!;
    const response = await fetch(`${server.url}/console/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `breachline_sign_in=${nonce}` },
      body: new URLSearchParams({ signInNonce: nonce, token: server.tokens.legal, next: '/console/incidents' }),
    });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('breachline_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).not.toMatch(/Secure/); // plain http on 127.0.0.1
    const secret = /^breachline_session=([^;]+)/.exec(cookie)![1]!;
    expect(secret).not.toContain(server.tokens.legal);
    const db = await server.db.reopen();
    try {
      const rows = await db.kysely.selectFrom('consoleSessions').selectAll().execute();
      expect(rows.map((row) => row.secretHash)).toContain(sha256(secret));
      expect(JSON.stringify(rows)).not.toContain(secret);
    } finally {
      await db.close();
    }
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const browser = new ConsoleClient(server.url);
    const form = await browser.get('/console/sign-in');
    const nonce = /name="signInNonce" value="([^"]+)"/.exec(form.html)![1]!;
    const page = await browser.post('/console/sign-in', { signInNonce: nonce, token: server.tokens.viewer }, { csrf: null, headers: { 'X-Forwarded-Proto': 'https' } });
    expect(page.headers.getSetCookie().find((line) => line.startsWith('breachline_session='))).toMatch(/; Secure/);
  });

  it('refuses unknown tokens, ingest tokens and forged sign-in forms, with the reason on the page', async () => {
    const browser = new ConsoleClient(server.url);
    const nonceOf = async () => /name="signInNonce" value="([^"]+)"/.exec((await browser.get('/console/sign-in')).html)![1]!;
    const unknown = await browser.post('/console/sign-in', { signInNonce: await nonceOf(), token: 'bl_nope' }, { csrf: null });
    expect(unknown.status).toBe(401);
    expect(textOf(unknown.html)).toContain('That token is unknown or has been revoked.');
    const ingest = await browser.post('/console/sign-in', { signInNonce: await nonceOf(), token: server.tokens.ingest }, { csrf: null });
    expect(ingest.status).toBe(403);
    expect(textOf(ingest.html)).toContain('role ingest cannot sign in');
    await browser.get('/console/sign-in');
    const forged = await browser.post('/console/sign-in', { signInNonce: 'made-up', token: server.tokens.admin }, { csrf: null });
    expect(forged.status).toBe(403);
    const crossSite = await browser.post('/console/sign-in', { signInNonce: await nonceOf(), token: server.tokens.admin }, { csrf: null, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(browser.cookies.has('breachline_session')).toBe(false);
  });

  it('refuses a post without the session form token, or from another site, and changes nothing', async () => {
    const browser = new ConsoleClient(server.url);
    await browser.signIn(server.tokens.responder);
    expect((await browser.post('/console/sign-out', {}, { csrf: null })).status).toBe(403);
    expect((await browser.post('/console/sign-out', {}, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await browser.post('/console/sign-out', {}, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    // Still signed in: none of those took effect.
    expect((await browser.get('/console/no-such-page')).status).toBe(404);
  });

  it('signs out: the session row is deleted and the cookie no longer works', async () => {
    const browser = new ConsoleClient(server.url);
    await browser.signIn(server.tokens.legal);
    const stolen = browser.cookies.get('breachline_session')!;
    const out = await browser.post('/console/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/console/sign-in');
    const replay = await fetch(`${server.url}/console/incidents`, { redirect: 'manual', headers: { Cookie: `breachline_session=${stolen}` } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('Location')).toMatch(/^\/console\/sign-in/);
  });

  it('ends the session when its token is revoked', async () => {
    const created = await server.request('/api/v1/tokens', { method: 'POST', json: { name: 'short-lived', role: 'responder' } });
    const { id, token } = (await created.json()) as { id: string; token: string };
    const browser = new ConsoleClient(server.url);
    await browser.signIn(token);
    expect((await server.request(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await browser.get('/console/no-such-page')).status).toBe(303);
    const post = await browser.post('/console/sign-out', {});
    expect(post.status).toBe(401);
  });

  it('serves pages with a same-host-only content policy and no caching', async () => {
    const browser = new ConsoleClient(server.url);
    await browser.signIn(server.tokens.viewer);
    const page = await browser.get('/console/no-such-page');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(page.html).toMatch(/^<!doctype html>/);
    expect(textOf(page.html)).toContain('test viewer (viewer)');
  });

  it('serves the stylesheet and script from this host, revalidated by ETag', async () => {
    const css = await fetch(`${server.url}/console/assets/console.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('Content-Type')).toContain('text/css');
    const etag = css.headers.get('ETag')!;
    expect((await fetch(`${server.url}/console/assets/console.css`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${server.url}/console/assets/console.js`)).headers.get('Content-Type')).toContain('javascript');
    expect((await fetch(`${server.url}/console/assets/nope.js`)).status).toBe(404);
  });
});
