import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'breachline_session';
export const SIGN_IN_COOKIE = 'breachline_sign_in';
const FLASH_COOKIE = 'breachline_flash';

/**
 * Secure when the browser reached us over https, directly or through a proxy that says so. A proxy
 * header cannot be used to weaken anything: a browser on http would only drop the cookie.
 */
function overHttps(c: Context): boolean {
  const forwarded = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), scoped to the console. */
const attributes = (c: Context, maxAgeSeconds: number, path = '/console') =>
  ({ path, httpOnly: true, sameSite: 'Strict', secure: overHttps(c), maxAge: Math.max(0, Math.floor(maxAgeSeconds)) }) as const;

export const readCookie = (c: Context, name: string): string | undefined => getCookie(c, name);

export function setSessionCookie(c: Context, secret: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, secret, attributes(c, (Date.parse(expiresAt) - Date.now()) / 1000));
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, attributes(c, 0));
}

/** The sign-in form's double-submit value, against a forged sign-in into someone else's session. */
export const setSignInCookie = (c: Context, value: string): void => setCookie(c, SIGN_IN_COOKIE, value, attributes(c, 3600, '/console/sign-in'));

export function clearSignInCookie(c: Context): void {
  deleteCookie(c, SIGN_IN_COOKIE, attributes(c, 0, '/console/sign-in'));
}

export const setFlash = (c: Context, message: string): void => setCookie(c, FLASH_COOKIE, encodeURIComponent(message), attributes(c, 60));

/** Reads the flash message once: the next page shows it and it is gone. */
export function takeFlash(c: Context): string | null {
  const value = getCookie(c, FLASH_COOKIE);
  if (value === undefined) return null;
  deleteCookie(c, FLASH_COOKIE, attributes(c, 0));
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
