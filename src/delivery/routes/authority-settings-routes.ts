import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import type { AuthorityContacts } from '../authority-contacts.js';
import { PERMISSIONS } from '../../auth/permissions.js';

const tags = ['settings'];
const notFound = problemResponse('No such regime with a regulator duty, or no address set for it');

const regimeParams = z.object({ regimeId: z.string().min(1).max(100).openapi({ param: { name: 'regimeId', in: 'path' }, example: 'uk-gdpr' }) });

const contactInputSchema = z
  .strictObject({
    emails: z
      .array(z.email().max(320))
      .min(1)
      .max(20)
      .refine((list) => new Set(list.map((a) => a.toLowerCase())).size === list.length, 'each address may appear once'),
    name: z.string().trim().min(1).max(200).optional().openapi({ description: 'The authority or team as the organisation knows it' }),
  })
  .openapi('AuthorityContactInput');

const contactSchema = z
  .object({ regimeId: z.string(), emails: z.array(z.string()), name: z.string().nullable(), updatedBy: z.string(), updatedAt: z.string() })
  .openapi('AuthorityContact');

const listContacts = secureRoute(PERMISSIONS.administer, {
  method: 'get',
  path: '/api/v1/settings/authority-contacts',
  tags,
  summary: 'The organisation’s addresses for regulators, by regime',
  responses: { 200: jsonResponse(z.object({ items: z.array(contactSchema) }), 'Every address set') },
});

const getContact = secureRoute(PERMISSIONS.administer, {
  method: 'get',
  path: '/api/v1/settings/authority-contacts/{regimeId}',
  tags,
  summary: 'Where reports for this regime are emailed',
  request: { params: regimeParams },
  responses: { 200: jsonResponse(contactSchema, 'The address'), 404: notFound },
});

const putContact = secureRoute(PERMISSIONS.administer, {
  method: 'put',
  path: '/api/v1/settings/authority-contacts/{regimeId}',
  tags,
  summary: 'Set where reports for this regime are emailed (used unless a submission names its own `to`)',
  request: { params: regimeParams, body: jsonBody(contactInputSchema) },
  responses: { 200: jsonResponse(contactSchema, 'Saved'), 404: notFound },
});

const deleteContact = secureRoute(PERMISSIONS.administer, {
  method: 'delete',
  path: '/api/v1/settings/authority-contacts/{regimeId}',
  tags,
  summary: 'Remove the address; the regime file’s own address, if any, applies again',
  request: { params: regimeParams },
  responses: { 204: { description: 'Removed' }, 404: notFound },
});

export function registerAuthoritySettingsRoutes(app: OpenAPIHono<AppEnv>, contacts: AuthorityContacts): void {
  app.openapi(listContacts, async (c) => c.json({ items: await contacts.list() }, 200));
  app.openapi(getContact, async (c) => c.json(await contacts.get(c.req.valid('param').regimeId), 200));
  app.openapi(putContact, async (c) => c.json(await contacts.put(c.req.valid('param').regimeId, c.req.valid('json'), c.get('actor')), 200));
  app.openapi(deleteContact, async (c) => {
    await contacts.delete(c.req.valid('param').regimeId, c.get('actor'));
    return c.body(null, 204);
  });
}
