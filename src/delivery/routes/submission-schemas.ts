import { z } from '@hono/zod-openapi';
import { EXPORT_FORMATS } from '../report-export.js';
import { RECORDED_CHANNELS, SUBMISSION_CHANNELS, SUBMISSION_STATUSES } from '../report-submission-view.js';

/** Request and response shapes of the regulator submission routes, for validation and the OpenAPI document. */
const instant = z.string().openapi({ format: 'date-time', example: '2026-03-06T10:00:00.000Z' });
const pathParam = (name: string, max: number) => z.string().min(1).max(max).openapi({ param: { name, in: 'path' } });

export const obligationParams = z.object({ id: pathParam('id', 100), obligationId: pathParam('obligationId', 200) });

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('json').openapi({ description: 'json: the items for a portal form; html or text: the rendered report' }),
});

const addresses = z
  .array(z.email().max(320))
  .min(1)
  .max(20)
  .refine((list) => new Set(list.map((a) => a.toLowerCase())).size === list.length, 'each address may appear once');

export const submissionInputSchema = z
  .discriminatedUnion('channel', [
    z.strictObject({
      channel: z.literal('email'),
      to: addresses.optional().openapi({ description: 'Overrides the organisation’s setting and the regime file’s address' }),
    }),
    z.strictObject({
      channel: z.enum(RECORDED_CHANNELS),
      reference: z.string().trim().min(1).max(500).optional().openapi({ description: 'The authority’s case or receipt number' }),
      submittedAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When it was submitted; default now' }),
    }),
  ])
  .openapi('SubmissionInput');

export const submissionSchema = z
  .object({
    channel: z.enum(SUBMISSION_CHANNELS),
    status: z.enum(SUBMISSION_STATUSES),
    recorded: z.boolean().openapi({ description: 'This is the submission the obligation counts as met' }),
    to: z.array(z.string()).nullable(),
    messageId: z.string().nullable(),
    reference: z.string().nullable(),
    version: z.number().int().nullable(),
    attempts: z.number().int().nullable(),
    serverResponse: z.string().nullable(),
    failure: z.string().nullable(),
    queuedAt: instant.nullable(),
    nextAttemptAt: instant.nullable(),
    sentAt: instant.nullable(),
    submittedAt: instant.nullable(),
    by: z.string(),
  })
  .openapi('ReportSubmission');

export const submissionListSchema = z
  .object({
    obligationId: z.string(),
    status: z.string().openapi({ description: 'The obligation’s report status: approved, submitted, ...' }),
    items: z.array(submissionSchema),
  })
  .openapi('ReportSubmissions');

export const portalReportSchema = z
  .object({
    incidentId: z.string(),
    obligationId: z.string(),
    regime: z.string(),
    regimeName: z.string(),
    jurisdiction: z.string(),
    authority: z.string(),
    citation: z.string(),
    stage: z.object({ id: z.string(), name: z.string() }).nullable(),
    version: z.number().int(),
    versionId: z.string(),
    contentHash: z.string(),
    approvedAt: instant.nullable(),
    approvedBy: z.string().nullable(),
    subject: z.string(),
    items: z.array(z.object({ field: z.string(), label: z.string(), citation: z.string().nullable(), value: z.string().nullable() })),
  })
  .openapi('PortalReport');
