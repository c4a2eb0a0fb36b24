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

const coveredItem = z.object({ regime: z.string(), item: z.string(), label: z.string(), citation: z.string().nullable() }).openapi('CoveredItem');

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
    metadata: z.object({
      organizationName: z.string(),
      senderName: z.string().optional().openapi({ description: 'Notices to individuals: the sender’s name the reader sees' }),
      senderAddress: z.string().optional().openapi({ description: 'Notices to individuals: the address the notice comes from' }),
      title: z.string().optional(),
      summary: z.string().optional(),
    }),
    fields: z.record(z.string(), z.string()).openapi({
      description: 'The items: a notice to individuals’ sections (in its primary locale), keyed by section; a report’s items. Text between [[ and ]] is suggested text a person must replace',
    }),
    translations: z.record(z.string(), z.record(z.string(), z.string())).openapi({ description: 'The other locales’ items, keyed by locale' }),
    facts: z
      .object({
        jurisdiction: z.string(),
        affected: z.number().int(),
        territory: z.object({ code: z.string(), affected: z.number().int() }).nullable(),
        dataCategories: z.array(z.string()),
        occurredAt: instant.nullable(),
        awarenessAt: instant.nullable(),
      })
      .optional()
      .openapi({ description: 'Reports: the scope the report states, in the authority’s jurisdiction, as the incident recorded it when the version was written' }),
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
    requiredFields: z
      .array(
        z.object({
          field: z.string().openapi({ description: 'A notice’s section (whatHappened, informationInvolved, likelyConsequences, ...) or a report’s item' }),
          label: z.string(),
          citation: z.string().nullable(),
          optional: z.boolean(),
          requiredBy: z.array(z.string()),
          covers: z.array(coveredItem).openapi({ description: 'Each law’s item it satisfies: one section answers every law that asks for that concept' }),
        }),
      )
      .openapi({ description: 'What the document must say: a notice’s sections in reading order, or a report’s items' }),
    satisfiedByForm: z.array(coveredItem).openapi({ description: 'Notices to individuals: items the letter’s form satisfies (title, headings, the date), which nobody writes' }),
    missingFields: z.array(z.string()).openapi({
      description: 'Blank required items: the primary locale’s by name, the other locales’ as `translations.<locale>.<field>`, then metadata keys',
      example: ['contact', 'translations.zh-CN.likelyConsequences'],
    }),
    missingByLocale: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: 'Notices to individuals: each locale’s blank required items', example: { 'zh-CN': ['likelyConsequences'], en: [] } }),
    placeholders: z.array(z.string()).openapi({
      description: 'Items still holding suggested text ([[...]]) a person must confirm or rewrite, named as missingFields names them; they block review and approval',
      example: ['informationInvolved', 'translations.de.whatHappened'],
    }),
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
  .object({
    subject: z.string(),
    from: z.string().nullable().openapi({ description: 'Notices to individuals: the sender as the From header shows it', example: '"Acme Ltd" <privacy@acme.example>' }),
    html: z.string().nullable(),
    text: z.string(),
  })
  .openapi('NoticePreview');
