import { z } from '@hono/zod-openapi';
import { isSingleLine } from './render/render-inputs.js';

/** What clients send to the notice routes; the service parses with these, the routes document them. */
const singleLine = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max).refine(isSingleLine, 'must be one line: line breaks and control characters are refused');
const senderName = singleLine(200).openapi({ description: 'Notices to individuals: the sender’s name as the reader sees it', example: 'Acme Ltd Data Protection' });
const senderAddress = z.email('must be an email address').max(254).openapi({ description: 'Notices to individuals: the address the notice comes from', example: 'privacy@acme.example' });
const fieldName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase field name');
const localeCode = z.string().max(35);
const itemEdits = z.record(fieldName, z.string().max(20_000).nullable());

export const createNoticeSchema = z
  .strictObject({
    target: z.string().trim().min(1).max(200).openapi({
      description: '`individuals` for the notice to affected people, or the id of one of the incident’s regulator obligations',
      example: 'eu-gdpr:regulator:DE',
    }),
    locale: localeCode.optional().openapi({ description: 'The notice to individuals’ locale, when it is written in one', example: 'en' }),
    locales: z.array(localeCode).max(50).optional().openapi({
      description:
        'The notice to individuals’ locales, instead of `locale`: the first is primary, the language of recipients whose own language has no notice. Neither given: the official languages of the affected jurisdictions, the most affected first',
      example: ['zh-CN', 'de'],
    }),
    stage: z.string().max(100).optional().openapi({ description: 'For a staged duty: which report (e.g. earlyWarning); its first stage when omitted' }),
    organizationName: singleLine(200).optional().openapi({ description: 'The organisation the document speaks for; the organisation setting when omitted', example: 'Acme Ltd' }),
    senderName: senderName.optional(),
    senderAddress: senderAddress.optional(),
  })
  .openapi('CreateNotice');
export type CreateNoticeInput = z.infer<typeof createNoticeSchema>;

export const editNoticeSchema = z
  .strictObject({
    basedOn: z.number().int().min(1).optional().openapi({ description: 'The version number you edited; a newer one is a 409' }),
    fields: itemEdits.optional().openapi({ description: 'Required-content items to set (a notice to individuals: in its primary locale); null clears one' }),
    translations: z
      .record(localeCode, itemEdits.nullable())
      .optional()
      .openapi({
        description:
          'A notice to individuals’ other locales: per locale, items to set (null clears one). A locale the notice is not written in yet is added, pre-filled from the incident’s facts; null removes a locale',
        example: { 'zh-CN': { contactPoint: '数据保护官：dpo@acme.example' } },
      }),
    organizationName: singleLine(200).optional(),
    senderName: senderName.optional(),
    senderAddress: senderAddress.optional(),
    title: singleLine(200).optional().openapi({ description: 'Reports: the incident title the report opens with' }),
    summary: z.string().trim().max(10_000).optional().openapi({ description: 'Reports: the incident summary' }),
    locale: localeCode.optional().openapi({
      description:
        'The notice to individuals’ primary locale. The old primary stays as a translation; a locale the notice is not written in yet is added, pre-filled from the incident’s facts',
    }),
  })
  .openapi('EditNotice');
export type EditNoticeInput = z.infer<typeof editNoticeSchema>;

export const commentSchema = z.strictObject({ body: z.string().trim().min(1, 'must not be empty').max(10_000) }).openapi('NoticeComment');

export const previewQuerySchema = z.object({
  name: singleLine(200).optional().openapi({ description: 'A sample recipient’s name (notices to individuals); a name typical for the language when omitted' }),
  locale: localeCode.optional().openapi({ description: 'Notices to individuals: which of the version’s locales to render; its primary one by default' }),
});
export type PreviewQuery = z.infer<typeof previewQuerySchema>;
