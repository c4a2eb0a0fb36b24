import type { Role } from '../../src/auth/actor.js';
import { expect } from 'vitest';

export interface Page {
  status: number;
  html: string;
  headers: Headers;
  /** Where a redirect points, as a path. */
  location: string | null;
}

const CSRF = /name="_csrf" value="([^"]+)"/;

/**
 * A browser stand-in for console tests that need no rendering: it keeps cookies, follows nothing
 * by itself (redirects are asserted), and posts forms with the CSRF token of the last page it read.
 * The end-to-end tests use real Chromium; this is for the server's rules, fast.
 */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const html = await response.text();
    const token = CSRF.exec(html)?.[1];
    if (token !== undefined) this.csrfToken = token;
    const location = response.headers.get('Location');
    return { status: response.status, html, headers: response.headers, location: location === null ? null : new URL(location, this.base).pathname + new URL(location, this.base).search };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** Posts a urlencoded form; the session's CSRF token is added unless `csrf` says otherwise. */
  post(path: string, fields: Record<string, string | string[]>, options: { csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Page> {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...options.headers } });
  }

  /** Signs in through the form, as a person would, and checks it worked. */
  async signIn(token: string): Promise<void> {
    const form = await this.get('/console/sign-in');
    const nonce = /name="signInNonce" value="([^"]+)"/.exec(form.html)?.[1];
    const page = await this.post('/console/sign-in', { signInNonce: nonce ?? '', token, next: '/console/incidents' }, { csrf: null });
    expect(page.status, page.html).toBe(303);
    await this.get('/console/incidents'); // picks up the session's CSRF token
  }
}

/** The page's visible text, tags stripped and spaces folded, for assertions on what a person reads. */
export const textOf = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** A client signed in with the test server's token of that role. */
export async function signedIn(server: { url: string; tokens: Record<Role, string> }, role: Role): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.url);
  await client.signIn(server.tokens[role]);
  return client;
}
