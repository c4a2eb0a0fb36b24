import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/** The hidden field every console form carries. */
export const CSRF_FIELD = '_csrf';
/** Where scripts put it instead (the delivery progress poller posts nothing, but uploads may). */
export const CSRF_HEADER = 'X-CSRF-Token';

/** Constant-time, so a forger learns nothing from how long a wrong guess took to refuse. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browsers say where a request came from (Sec-Fetch-Site); a post from another site is refused
 * before its body is read. Old browsers send nothing, and the form token still stands guard.
 */
export function fromOtherSite(c: Context): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * The token a post carries: the header, else the form field. A multipart form (a file upload) puts
 * it in its action's query instead, so it can be checked before the file is read.
 */
export async function postedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header !== undefined) return header;
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return c.req.query(CSRF_FIELD);
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  const value = (await c.req.parseBody())[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}
