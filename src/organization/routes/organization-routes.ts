import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { PERMISSIONS } from '../../auth/permissions.js';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, secureRoute } from '../../http/secure-route.js';
import { isSingleLine } from '../../notices/render/render-inputs.js';
import type { OrganizationSettingsStore } from '../organization-settings.js';

const tags = ['settings'];
const line = z.string().trim().min(1, 'must not be empty').max(200).refine(isSingleLine, 'must be one line: line breaks and control characters are refused');

const settingsInputSchema = z
  .strictObject({
    name: line.nullable().optional().openapi({ description: 'The organisation notices and reports speak for; null clears it', example: 'Acme Ltd' }),
    senderName: line.nullable().optional().openapi({ description: 'The sender’s name readers see on notices', example: 'Acme Ltd Data Protection' }),
    senderAddress: z.email('must be an email address').max(254).nullable().optional().openapi({ description: 'The address notices come from', example: 'privacy@acme.example' }),
  })
  .openapi('OrganizationSettingsInput');

const settingsSchema = z
  .object({
    name: z.string().nullable(),
    senderName: z.string().nullable(),
    senderAddress: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('OrganizationSettings');

const getSettings = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/settings/organization',
  tags,
  summary: 'The organisation’s name and the sender its notices come from, as drafts start with them',
  responses: { 200: jsonResponse(settingsSchema, 'The settings; unset values are null') },
});

const putSettings = secureRoute(PERMISSIONS.administer, {
  method: 'put',
  path: '/api/v1/settings/organization',
  tags,
  summary: 'Set the organisation’s name and notice sender (a notice’s own values win; MAIL_FROM stands in for an unset sender)',
  request: { body: jsonBody(settingsInputSchema) },
  responses: { 200: jsonResponse(settingsSchema, 'Saved') },
});

export function registerOrganizationRoutes(app: OpenAPIHono<AppEnv>, settings: OrganizationSettingsStore): void {
  app.openapi(getSettings, async (c) => c.json(await settings.get(), 200));
  app.openapi(putSettings, async (c) => c.json(await settings.put(c.req.valid('json'), c.get('actor')), 200));
}
