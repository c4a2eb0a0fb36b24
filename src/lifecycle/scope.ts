import { z } from 'zod';

/**
 * The facts about an incident that decide which laws apply (see the regulatory reference's
 * vocabulary). Kept as one schema so incidents, what-if assessments and the UI speak the same words.
 */
export const DATA_CATEGORIES = [
  'name',
  'contact',
  'date_of_birth',
  'national_id',
  'drivers_license',
  'tax_id',
  'financial_account',
  'financial_account_with_code',
  'credentials',
  'health',
  'health_insurance',
  'biometric',
  'genetic',
  'precise_location',
  'religion',
  'ethnicity',
  'political',
  'trade_union',
  'sex_life',
  'criminal_record',
  'specific_identity',
  'minor_under_14',
  'communications_content',
  'device_identifiers',
  'other',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** ISO 3166-1 alpha-2 country (`DE`) or ISO 3166-2 subdivision (`US-CA`). */
export const jurisdictionSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as "DE" or "US-CA"');

export const isoInstantSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const organizationSchema = z
  .object({
    criticalInfrastructure: z.boolean(),
    stateOrgan: z.boolean(),
    hipaaCoveredEntity: z.boolean(),
    secRegistrant: z.boolean(),
    nis2Entity: z.enum(['essential', 'important']).nullable(),
    doraEntity: z.boolean(),
    dfsRegulated: z.boolean(),
    smallProcessingAgent: z.boolean(),
  })
  .partial()
  .strict();
export type Organization = z.infer<typeof organizationSchema>;

export const affectedSchema = z
  .array(z.object({ jurisdiction: jurisdictionSchema, count: z.number().int().min(0) }).strict())
  .max(500)
  .refine((list) => new Set(list.map((a) => a.jurisdiction)).size === list.length, 'each jurisdiction may appear once');

export const scopeSchema = z
  .object({
    affected: affectedSchema,
    dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length),
    organization: organizationSchema,
    /** Whether the exposed data was encrypted with a key that was not exposed. */
    encrypted: z.boolean().nullable(),
  })
  .strict();
export type Scope = z.infer<typeof scopeSchema>;

export const emptyScope = (): Scope => ({ affected: [], dataCategories: [], organization: {}, encrypted: null });

/** The instants legal clocks start from; `awarenessAt` is set when the breach is confirmed. */
export const CLOCK_FACTS = [
  'awarenessAt',
  'occurredAt',
  'materialityDeterminedAt',
  'assessedNotifiableAt',
  'individualsNotifiedAt',
  'handlingEndedAt',
] as const;
export type ClockFact = (typeof CLOCK_FACTS)[number];
export type ClockFacts = Record<ClockFact, string | null>;

export const emptyClockFacts = (): ClockFacts =>
  Object.fromEntries(CLOCK_FACTS.map((fact) => [fact, null])) as ClockFacts;
