import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonResponse, secureRoute } from '../http/secure-route.js';
import { verifyAudit } from './verify.js';
import { PERMISSIONS } from '../auth/permissions.js';

const verificationSchema = z
  .object({
    ok: z.boolean(),
    rowsChecked: z.number().int(),
    chainsChecked: z.number().int(),
    firstBroken: z
      .object({
        id: z.number().int(),
        chain: z.string(),
        seq: z.number().int(),
        incidentId: z.string().nullable(),
        reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'unreadable']),
      })
      .nullable(),
    heads: z.record(z.string(), z.string()).openapi({ description: 'Last hash of each chain; keep them elsewhere to detect a rewritten tail' }),
  })
  .openapi('AuditVerification');

const verify = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/audit/verify',
  tags: ['audit'],
  summary: 'Re-compute every audit hash chain and report the first broken link',
  request: { query: z.object({ incidentId: z.string().min(1).max(100).optional() }) },
  responses: { 200: jsonResponse(verificationSchema, 'The verification result') },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, db: Kysely<Database>): void {
  app.openapi(verify, async (c) => c.json(await verifyAudit(db, c.req.valid('query')), 200));
}
