import type { MiddlewareHandler } from 'hono';
import { PERMISSIONS, may, type Permission } from '../auth/permissions.js';
import type { Clock } from '../clock.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE, takeFlash } from './console-cookies.js';
import { fromOtherSite, postedToken, sameToken } from './console-csrf.js';
import type { ConsoleEnv } from './console-env.js';
import type { ConsoleSessions } from './console-sessions.js';
import { messagePage } from './message-page.js';
import { pageContext } from './page-context.js';

/** Where sign-in may send someone back to: a console page of this host, nothing else. */
export const safeNext = (next: string | undefined): string =>
  next !== undefined && next.startsWith('/console/') && !next.startsWith('/console/sign-') && !/[\\\s]/.test(next) ? next : '/console/incidents';

/**
 * Every console page but sign-in needs a live session. A page asked for without one sends the browser
 * to sign in (and back here after); a post without one is refused, since its form cannot be replayed.
 */
export function requireSession(sessions: ConsoleSessions): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const secret = readCookie(c, SESSION_COOKIE);
    const session = secret === undefined ? null : await sessions.resolve(secret);
    if (session === null) {
      if (secret !== undefined) clearSessionCookie(c);
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        return c.redirect(`/console/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      return messagePage(c, 401, 'Signed out', 'Your session has ended, so this was not saved. Sign in and try again.', null, {
        href: '/console/sign-in',
        label: 'Sign in',
      });
    }
    c.set('session', session);
    c.set('flash', takeFlash(c));
    await next();
  };
}

/** Every post of a session must carry its form token, and come from this console's own pages. */
export function checkCsrf(clock: Clock): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (fromOtherSite(c) || !sameToken(await postedToken(c), c.get('session').csrfToken)) {
      return messagePage(
        c,
        403,
        'Form refused',
        'This form did not come from your console session, so nothing was changed. Reload the page and try again.',
        pageContext(c, clock),
      );
    }
    await next();
  };
}

/** The server's own check of what a page offered: the role must hold the permission. */
export function requirePermission(permission: Permission, clock: Clock): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const role = c.get('session').actor.role;
    if (!may(role, permission)) {
      const allowed = PERMISSIONS[permission].join(', ');
      return messagePage(c, 403, 'Not allowed', `Your role (${role}) may not do this; it is for: ${allowed}.`, pageContext(c, clock));
    }
    await next();
  };
}
