import { z } from '@hono/zod-openapi';

/** Request and response shapes of the delivery routes, for validation and the OpenAPI document. */
const instant = z.string().openapi({ format: 'date-time', example: '2026-03-06T10:00:00.000Z' });
const pathParam = (name: string) => z.string().min(1).max(100).openapi({ param: { name, in: 'path' } });

export const incidentParams = z.object({ id: pathParam('id') });
export const sendParams = z.object({ sendId: pathParam('sendId') });

export const reasonBody = z
  .object({ reason: z.string().trim().min(1, 'must not be empty').max(2000).optional().openapi({ description: 'Why; recorded on the timeline (no personal data)' }) })
  .strict();

export const failuresQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(20).optional().openapi({ description: 'nextCursor from the previous page' }),
  })
  .strict();

export const sendSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    noticeId: z.string(),
    versionId: z.string(),
    contentHash: z.string().openapi({ description: 'The approved words this send delivers' }),
    status: z.enum(['running', 'paused', 'cancelled', 'complete']),
    statusReason: z.string().nullable().openapi({ description: 'Why it was paused or cancelled' }),
    total: z.number().int().openapi({ description: 'Recipients this send covers' }),
    sent: z.number().int().openapi({ description: 'Accepted by the mail server' }),
    failed: z.number().int().openapi({ description: 'Refused for good (5xx), or still failing after every retry' }),
    pending: z.number().int().openapi({ description: 'Still to go (for a cancelled send: what will not be sent)' }),
    ratePerSecond: z.number().openapi({ description: 'Messages accepted per second over the last minute' }),
    etaSeconds: z.number().int().nullable().openapi({ description: 'Seconds to finish at that rate; null unless running' }),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    finishedAt: instant.nullable(),
  })
  .openapi('NoticeSend');

export const failureSchema = z
  .object({
    email: z.string(),
    messageId: z.string(),
    attempts: z.number().int(),
    error: z.string().nullable().openapi({ description: 'The server’s reply or the connection error' }),
  })
  .openapi('DeliveryFailure');

export const languagePlanSchema = z
  .object({
    noticeLocales: z.array(z.string()).openapi({ description: 'The newest version’s locales, the primary first; empty before a notice is drafted' }),
    groups: z.array(
      z.object({
        locale: z.string().nullable(),
        jurisdiction: z.string().nullable(),
        recipients: z.number().int(),
        reads: z.string().nullable().openapi({ description: 'The notice language this group reads' }),
        reason: z.enum(['locale', 'jurisdiction', 'primary']).openapi({ description: 'Their own locale, the official language where they live, or the notice’s primary language' }),
        written: z.boolean().openapi({ description: 'The newest version is written in that language; a send is refused while any group’s is not' }),
      }),
    ),
  })
  .openapi('LanguagePlan');
