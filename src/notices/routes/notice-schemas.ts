import { z } from '@hono/zod-openapi';
import { VERSION_STATUSES } from '../notice-store.js';

/** Response shapes and path parameters of the notice routes, for the OpenAPI document. */
const instant = z.string().openapi({ format: 'date-time', example: '2026-03-06T10:00:00.000Z' });

const pathParam = (name: string) => z.string().min(1).max(100).openapi({ param: { name, in: 'path' } });
export const incidentParams = z.object({ id: pathParam('id') });
export const noticeParams = z.object({ noticeId: pathParam('noticeId') });
export const versionParams = noticeParams.extend({
  n: z.coerce.number().int().min(1).max(1_000_000).openapi({ param: { name: 'n', in: 'path' }, example: 1 }),
});
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).openapi({ example: 1 }),
  to: z.coerce.number().int().min(1).openapi({ example: 2 }),
});

export const commentViewSchema = z.object({ id: z.string(), author: z.string(), body: z.string(), createdAt: instant }).openapi('NoticeCommentView');

export const versionSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(VERSION_STATUSES),
    contentHash: z.string().openapi({ description: 'sha256 of the canonical content: every locale’s items, metadata, template and locales. One approval covers every language' }),
    template: z.string().openapi({ description: 'The primary locale’s template; each translation renders with its own locale’s' }),
    locale: z.string().nullable().openapi({ description: 'Notices to individuals: the primary locale, for recipients who name none' }),
    locales: z.array(z.string()).openapi({ description: 'Every locale the notice is written in, the primary first; empty for reports', example: ['zh-CN', 'en'] }),
    regimes: z.array(z.string()),
    stage: z.string().nullable(),
    metadata: z.object({ organizationName: z.string(), title: z.string().optional(), summary: z.string().optional() }),
    fields: z.record(z.string(), z.string()).openapi({ description: 'The items (a notice to individuals: in its primary locale)' }),
    translations: z.record(z.string(), z.record(z.string(), z.string())).openapi({ description: 'The other locales’ items, keyed by locale' }),
    createdBy: z.string(),
    createdAt: instant,
    submittedBy: z.string().nullable(),
    submittedAt: instant.nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: instant.nullable(),
    comments: z.array(commentViewSchema),
  })
  .openapi('NoticeVersion');

export const noticeSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    kind: z.enum(['individuals', 'report']),
    target: z.string(),
    regime: z.string().nullable(),
    stage: z.string().nullable(),
    createdBy: z.string(),
    createdAt: instant,
    latest: versionSchema,
    approvedNumber: z.number().int().nullable(),
    requiredFields: z.array(
      z.object({ field: z.string(), label: z.string(), citation: z.string().nullable(), optional: z.boolean(), requiredBy: z.array(z.string()) }),
    ),
    missingFields: z.array(z.string()).openapi({
      description: 'Blank required items: the primary locale’s by name, the other locales’ as `translations.<locale>.<field>`, then metadata keys',
      example: ['contactPoint', 'translations.zh-CN.possibleHarm'],
    }),
    missingByLocale: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: 'Notices to individuals: each locale’s blank required items', example: { 'zh-CN': ['possibleHarm'], en: [] } }),
  })
  .openapi('Notice');

export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(
      z.object({
        field: z.string(),
        locale: z.string().optional().openapi({ description: 'The locale whose item changed; absent for what every locale shares, and for reports' }),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ),
    textPatch: z.string().nullable().openapi({ description: 'Unified diff of the rendered text, one section per locale' }),
    textUnavailable: z.string().nullable(),
  })
  .openapi('NoticeDiff');

export const previewSchema = z
  .object({ subject: z.string(), html: z.string().nullable(), text: z.string() })
  .openapi('NoticePreview');
