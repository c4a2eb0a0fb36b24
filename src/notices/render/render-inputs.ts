import { z } from 'zod';
import { fieldIssues, InvalidInputError } from '../../errors.js';
import { DATA_CATEGORIES } from '../../lifecycle/scope.js';
import { hasText, requiringLaws, type RequiredField } from './content-model.js';

/**
 * What callers hand the renderer, as zod schemas. Everything here comes from incidents and
 * recipients, so it is untrusted: templates escape it in HTML and never evaluate it, and anything
 * that can reach a mail subject must be one line, so it cannot add a header.
 */
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;
export const isSingleLine = (value: string): boolean => !LINE_BREAK_OR_CONTROL.test(value);

export const singleLine = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max).refine(isSingleLine, 'must be one line: line breaks and control characters are refused');
const camelKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase key');
const fieldValues = z.record(camelKey, z.string().max(20_000));
const instant = z.iso.datetime({ offset: true });

export const organizationSchema = z.strictObject({ name: singleLine(200) });

/** The incident-wide content of a notice to individuals: the same for every recipient. */
export const noticeContentSchema = z.strictObject({ organization: organizationSchema, fields: fieldValues });
export type NoticeContent = z.infer<typeof noticeContentSchema>;

/** Personalisation, kept apart from the content so one approved text serves every recipient. */
export const noticeRecipientSchema = z.strictObject({
  name: singleLine(200),
  /** The recipient's preferred locale; the caller may force another. */
  locale: z.string().max(35).optional(),
  /** Extra values an organisation's own templates may use as `recipient.custom.<key>`. */
  custom: z.record(camelKey, singleLine(2_000)).optional(),
});
export type RecipientInput = z.infer<typeof noticeRecipientSchema>;

export const individualNoticeInputSchema = z.strictObject({ content: noticeContentSchema, recipient: noticeRecipientSchema });
export type IndividualNoticeInput = z.infer<typeof individualNoticeInputSchema>;

/** What a report states about the incident in the authority's own jurisdiction, from the incident's recorded scope. */
export const reportFactsSchema = z.strictObject({
  jurisdiction: z.string().min(2).max(6),
  /** The people affected in that jurisdiction. */
  affected: z.number().int().min(0),
  /**
   * A duty owed in each member state of a union (GDPR, NIS2) also states the people affected across
   * the regime's territory, which a lead authority needs; null when that is the same number.
   */
  territory: z.strictObject({ code: z.string().min(2).max(6), affected: z.number().int().min(0) }).nullable(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  occurredAt: instant.nullable(),
  awarenessAt: instant.nullable(),
});
export type ReportFacts = z.infer<typeof reportFactsSchema>;

export const regulatorReportInputSchema = z.strictObject({
  organization: organizationSchema,
  incident: z.strictObject({ title: singleLine(200), summary: z.string().trim().min(1, 'must not be empty').max(10_000) }),
  facts: reportFactsSchema.optional(),
  fields: fieldValues,
});
export type RegulatorReportInput = z.infer<typeof regulatorReportInputSchema>;

const sender = z.strictObject({ name: singleLine(200), address: z.email('must be an email address') });

/**
 * A stored version of a notice to individuals, read back before any template sees it: the words
 * were checked when they were written, but what reaches a mail is checked again where it is used.
 * Paths name the version's own keys (`metadata.organizationName`, `translations.zh-CN.contact`).
 */
export const individualVersionSchema = z
  .object({
    locale: z.string().min(1),
    regimes: z.array(z.string()),
    metadata: z.object({ organizationName: singleLine(200), senderName: sender.shape.name.optional(), senderAddress: sender.shape.address.optional() }),
    fields: fieldValues,
    translations: z.record(z.string().min(1), fieldValues).optional(),
  })
  .refine((version) => version.translations?.[version.locale] === undefined, { path: ['translations'], message: 'must not repeat the primary locale' });

const requirementMessage = (field: RequiredField): string => `required by ${requiringLaws(field)}: ${field.label}`;

/**
 * Checks `values` against the required items; the error's message names each missing or blank one
 * and its issues point where they sit in the caller's input (`at`: `content.fields`,
 * `translations.zh-CN`), each saying which laws ask for it.
 */
export function checkRequiredFields(fields: readonly RequiredField[], values: Readonly<Record<string, string>>, what: string, at: string): void {
  const missing = fields.filter((field) => !field.optional && !hasText(values[field.field]));
  if (missing.length === 0) return;
  const issues = missing.map((field) => ({ path: `${at}.${field.field}`, message: requirementMessage(field) }));
  throw new InvalidInputError(`${what}: missing required fields: ${missing.map((field) => field.field).join(', ')}`, issues);
}

/** Parses or throws an `InvalidInputError` naming each invalid field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error.issues);
  throw new InvalidInputError(`${what}: invalid input: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}
