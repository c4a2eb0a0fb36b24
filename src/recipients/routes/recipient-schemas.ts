import { z } from '@hono/zod-openapi';

export const incidentParams = z.object({ id: z.string().min(1).max(100) });
export const importParams = z.object({ id: z.string().min(1).max(100), importId: z.string().min(1).max(100) });

export const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(20).optional().openapi({ description: 'nextCursor from the previous page' }),
  })
  .strict();

const counts = {
  accepted: z.number().int().openapi({ description: 'Rows that became recipients' }),
  duplicates: z.number().int().openapi({ description: 'Rows whose email (trimmed, lower-case) was already a recipient: the first wins' }),
  rejected: z.number().int().openapi({ description: 'Rows refused for a reason (invalid email, locale, jurisdiction, ...)' }),
  total: z.number().int().openapi({ description: 'Data rows read' }),
};

export const summarySchema = z
  .object({ importId: z.string(), status: z.enum(['running', 'complete', 'failed']), ...counts })
  .openapi('RecipientImportSummary');

export const importSchema = z
  .object({
    id: z.string(),
    format: z.enum(['csv', 'ndjson']),
    status: z.enum(['running', 'complete', 'failed', 'purged']).openapi({ description: 'purged: retention deleted the rows; the counts remain' }),
    ...counts,
    failure: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('RecipientImport');

export const recipientSchema = z
  .object({
    email: z.string(),
    name: z.string().nullable(),
    locale: z.string().nullable(),
    jurisdiction: z.string().nullable(),
    custom: z.record(z.string(), z.string()),
    importId: z.string(),
  })
  .openapi('Recipient');
