import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ROLES } from '../auth/actor.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../http/secure-route.js';
import { createTokenSchema, type TokenService } from './token-service.js';
import { PERMISSIONS } from '../auth/permissions.js';

const tokenInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to tell tokens apart' }),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');

const createToken = secureRoute(PERMISSIONS.administer, {
  method: 'post',
  path: '/api/v1/tokens',
  tags: ['tokens'],
  summary: 'Issue an API token; the secret is in this response only',
  request: { body: jsonBody(createTokenSchema) },
  responses: { 201: jsonResponse(tokenInfoSchema.extend({ token: z.string() }), 'The token, with its secret (shown once)') },
});

const listTokens = secureRoute(PERMISSIONS.administer, {
  method: 'get',
  path: '/api/v1/tokens',
  tags: ['tokens'],
  summary: 'List tokens (never their secrets)',
  responses: { 200: jsonResponse(z.object({ items: z.array(tokenInfoSchema) }), 'All tokens, revoked ones included') },
});

const currentToken = secureRoute(PERMISSIONS.identify, {
  method: 'get',
  path: '/api/v1/tokens/current',
  tags: ['tokens'],
  summary: 'The token this request carries: its id, name and role',
  responses: { 200: jsonResponse(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) }), 'Whom the token belongs to') },
});

const revokeToken = secureRoute(PERMISSIONS.administer, {
  method: 'delete',
  path: '/api/v1/tokens/{id}',
  tags: ['tokens'],
  summary: 'Revoke a token; it stops working at once',
  request: { params: z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse(tokenInfoSchema, 'The revoked token'), 404: problemResponse('No such token') },
});

export function registerTokenRoutes(app: OpenAPIHono<AppEnv>, tokens: TokenService): void {
  app.openapi(createToken, async (c) => {
    const token = await tokens.create(c.req.valid('json'), c.get('actor'));
    c.header('Location', `/api/v1/tokens/${token.id}`);
    return c.json(token, 201);
  });
  app.openapi(listTokens, async (c) => c.json({ items: await tokens.list() }, 200));
  app.openapi(currentToken, async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'token') throw new Error('token routes are reached with a token only');
    return c.json({ id: actor.id, name: actor.name, role: actor.role }, 200);
  });
  app.openapi(revokeToken, async (c) => c.json(await tokens.revoke(c.req.valid('param').id, c.get('actor')), 200));
}
