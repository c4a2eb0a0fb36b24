import type { Context } from 'hono';
import { may, type Permission } from '../auth/permissions.js';
import type { Clock } from '../clock.js';
import type { ConsoleEnv } from './console-env.js';
import type { TokenActor } from './console-sessions.js';

/** What every signed-in page needs to draw the frame and its forms. */
export interface PageContext {
  actor: TokenActor;
  csrfToken: string;
  flash: string | null;
  /** The request's path and query, for links back here (sign-in's `next`, filters). */
  path: string;
  now: Date;
  /** Whether this page should offer an action: the server checks the same table again on the post. */
  can(permission: Permission): boolean;
}

export function pageContext(c: Context<ConsoleEnv>, clock: Clock): PageContext {
  const session = c.get('session');
  const url = new URL(c.req.url);
  return {
    actor: session.actor,
    csrfToken: session.csrfToken,
    flash: c.get('flash'),
    path: url.pathname + url.search,
    now: clock(),
    can: (permission) => may(session.actor.role, permission),
  };
}
