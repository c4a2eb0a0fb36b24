import type { MiddlewareHandler } from 'hono';
import type { Role } from '../auth/actor.js';
import type { TokenService } from '../tokens/token-service.js';
import type { AppEnv } from './app-env.js';
import { problem } from './problem.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Resolves `Authorization: Bearer <token>` to an actor; 401 when absent, unknown or revoked. */
export function authenticate(tokens: TokenService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const actor = match === null ? null : await tokens.authenticate(match[1]!);
    if (actor === null) {
      c.header('WWW-Authenticate', 'Bearer realm="breachline"');
      const detail = match === null ? 'send Authorization: Bearer <token>' : 'the token is unknown or revoked';
      return problem(c, 401, 'unauthenticated', detail);
    }
    c.set('actor', actor);
    await next();
  };
}

/** Lets the request through only for the listed roles; 403 naming them otherwise. */
export function requireRoles(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (actor.kind !== 'token' || !roles.includes(actor.role)) {
      const role = actor.kind === 'token' ? actor.role : actor.kind;
      return problem(c, 403, 'forbidden', `role ${role} may not ${c.req.method} ${c.req.routePath}; allowed roles: ${roles.join(', ')}`);
    }
    await next();
  };
}
