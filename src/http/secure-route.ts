import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../auth/actor.js';
import type { AppEnv } from './app-env.js';
import { requireRoles } from './auth.js';
import { problem, problemSchema } from './problem.js';

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** A JSON body must say so; anything else is a 415, not a guess. */
const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return problem(c, 415, 'unsupported-media-type', `send the body as application/json (got ${type === '' ? 'no Content-Type' : type})`);
  }
  await next();
};

/**
 * A route that needs a token with one of `roles`. The roles are enforced by middleware and written
 * into the OpenAPI document (`x-roles`), so the document and the behaviour cannot disagree.
 */
export function secureRoute<R extends Omit<RouteConfig, 'middleware' | 'security'>>(roles: readonly Role[], config: R) {
  const hasJsonBody = config.request?.body !== undefined;
  return createRoute({
    ...config,
    security: [{ bearerAuth: [] }],
    'x-roles': [...roles],
    middleware: hasJsonBody ? [requireRoles(roles), requireJson] : [requireRoles(roles)],
    responses: {
      ...config.responses,
      ...(hasJsonBody ? { 400: problemResponse('Invalid input: each error names the field'), 415: problemResponse('Not JSON') } : {}),
      401: problemResponse('Missing, unknown or revoked token'),
      403: problemResponse('The token’s role may not do this'),
    },
  } as R & Pick<RouteConfig, 'middleware' | 'security'>);
}

/** A JSON response in a route's OpenAPI config. */
export const jsonResponse = <S>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A required JSON request body in a route's OpenAPI config. */
export const jsonBody = <S>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

export { problemResponse };
