import { z } from 'zod';
import { enisaSeveritySchema, riskOfBand, scoreSeverity } from './enisa-severity.js';
import { isIsoJurisdiction } from './jurisdiction-codes.js';

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
  'government_id',
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
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'must be an ISO 3166 code such as "DE" or "US-CA"', abort: true })
  .refine(isIsoJurisdiction, { error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 country or ISO 3166-2 subdivision code` });

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
    /** US sector rules: who the organisation is under each (HIPAA 45 CFR 160.103, FTC 16 CFR 314.2 and 318.2, 12 CFR 53.2). */
    hipaaBusinessAssociate: z.boolean(),
    ftcFinancialInstitution: z.boolean(),
    bankingOrganization: z.boolean(),
    bankServiceProvider: z.boolean(),
    insuranceLicensee: z.boolean(),
    phrVendor: z.boolean(),
    /** EU ePrivacy (Regulation 611/2013) and Australia's SOCI Act bind these roles wherever people live. */
    electronicCommunicationsProvider: z.boolean(),
    sociResponsibleEntity: z.boolean(),
    /**
     * The country of the organisation's main establishment (GDPR Art. 4(16), NIS2 Art. 26), which
     * picks the lead authority; null: it has none in the EEA, so each authority where people live is owed.
     */
    mainEstablishment: jurisdictionSchema.nullable(),
  })
  .partial()
  .strict();
export type Organization = z.infer<typeof organizationSchema>;

/**
 * How sure a count is. `exact` is a counted number; `atLeast` a floor that may still rise (a
 * threshold above it stays open); `estimate` a best guess, used as the number but said to be one.
 */
export const COUNT_BASES = ['exact', 'atLeast', 'estimate'] as const;
export type CountBasis = (typeof COUNT_BASES)[number];

/** Where the data sat: some US statutes cover computerised data only, others paper records too. */
export const MEDIA = ['electronic', 'paper'] as const;
export type Medium = (typeof MEDIA)[number];

/** Whose data it is: its owner or licensee (controller), or a vendor keeping it for one (processor). */
export const ROLES = ['controller', 'processor'] as const;
export type OrganizationRole = (typeof ROLES)[number];

/** What the incident did, as the sector rules ask (NYDFS 500.17, the banking agencies' 36-hour rule). */
export const INCIDENT_FACTS = ['confidentiality', 'integrity', 'availability', 'externalAttack', 'ransomPaid'] as const;
export type IncidentFact = (typeof INCIDENT_FACTS)[number];

/** Legal's reading of whether misuse or harm is reasonably likely, where a statute turns on it. */
export const HARM_FINDINGS = ['likely', 'unlikely'] as const;
export type HarmFinding = (typeof HARM_FINDINGS)[number];

/**
 * Legal's risk finding in the GDPR's words: `unlikely` to result in a risk (Art. 33(1): no report),
 * a `risk` (report the authority), a `high` risk (tell the people too, Art. 34(1)).
 */
export const RISK_FINDINGS = ['unlikely', 'risk', 'high'] as const;
export type RiskFinding = (typeof RISK_FINDINGS)[number];

const dataCategoriesSchema = z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length);

export const affectedEntrySchema = z
  .object({
    jurisdiction: jurisdictionSchema,
    /** null: people there are affected but not counted yet. Zero is refused: leave the jurisdiction out. */
    count: z.number().int().min(1, 'must be at least 1: leave the jurisdiction out when no one there is affected, or give null while the number is not known').nullable(),
    countBasis: z.enum(COUNT_BASES).optional(),
    /** Where the data exposed for these people differs from the incident's (one system held more). */
    dataCategories: dataCategoriesSchema.optional(),
    encrypted: z.boolean().nullable().optional(),
  })
  .strict();
export type AffectedEntry = z.infer<typeof affectedEntrySchema>;

export const affectedSchema = z
  .array(affectedEntrySchema)
  .max(500)
  .refine((list) => new Set(list.map((a) => a.jurisdiction)).size === list.length, 'each jurisdiction may appear once');

const text = (max: number) => z.string().trim().min(1).max(max);

/** Legal's finding for one jurisdiction: the risk of harm where a law turns on it, or a decision for a place with no rules. */
export const legalFindingSchema = z
  .object({
    jurisdiction: jurisdictionSchema,
    harm: z.enum(HARM_FINDINGS).nullable().optional(),
    risk: z.enum(RISK_FINDINGS).nullable().optional(),
    /** The ENISA severity score the risk finding rests on, when legal scored one (obligations/enisa-severity.ts). */
    severity: enisaSeveritySchema.optional(),
    rationale: text(4000),
    /** Set by the server from the actor and the event time; what-if facts may leave them out. */
    recordedBy: z.string().optional(),
    recordedAt: isoInstantSchema.optional(),
  })
  .strict();
export type LegalFinding = z.infer<typeof legalFindingSchema>;

/** The risk a finding records: legal's own word, else what its ENISA score's band reads as. */
export function findingRisk(finding: Pick<LegalFinding, 'risk' | 'severity'>): RiskFinding | null {
  if (finding.risk !== undefined && finding.risk !== null) return finding.risk;
  return finding.severity === undefined ? null : riskOfBand(scoreSeverity(finding.severity).band);
}

/** Whether harm is likely as a finding says it: in so many words, else as its risk implies (no risk: harm unlikely). */
export function findingHarm(finding: Pick<LegalFinding, 'harm' | 'risk' | 'severity'>): HarmFinding | null {
  if (finding.harm !== undefined && finding.harm !== null) return finding.harm;
  const risk = findingRisk(finding);
  return risk === null ? null : risk === 'unlikely' ? 'unlikely' : 'likely';
}

export const legalFindingsSchema = z
  .array(legalFindingSchema)
  .max(500)
  .refine((list) => new Set(list.map((f) => f.jurisdiction)).size === list.length, 'one finding per jurisdiction');

/** The facts beyond who and what that decide duties; every one is optional, and unknown until given. */
export const incidentDetailShape = {
  /** The key or credential that makes encrypted data readable was exposed too: the safe harbour is lost. */
  keyExposed: z.boolean().nullable().optional(),
  /** The exposed data was redacted or truncated as the statutes define it. */
  redacted: z.boolean().nullable().optional(),
  role: z.enum(ROLES).optional(),
  /** For a processor: the owner or licensee whose data it was. */
  processorFor: text(200).nullable().optional(),
  media: z.array(z.enum(MEDIA)).max(MEDIA.length).optional(),
  nature: z
    .object({
      confidentiality: z.boolean().nullable().optional(),
      integrity: z.boolean().nullable().optional(),
      availability: z.boolean().nullable().optional(),
      externalAttack: z.boolean().nullable().optional(),
      ransomPaid: z.boolean().nullable().optional(),
    })
    .strict()
    .optional(),
  /** A law-enforcement agency asked for notice to wait until this day (the statutes' delay provisions). */
  lawEnforcementDelayUntil: z.iso.date().nullable().optional(),
  /**
   * When the organisation concluded its assessment under one regime, where regimes start their clocks
   * at different instants (Singapore's assessment, Australia's reasonable belief, DORA's classification);
   * keyed by regime id, it overrides assessedNotifiableAt for that regime.
   */
  regimeAssessedAt: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a regime id'), isoInstantSchema).optional(),
};
export const INCIDENT_DETAILS = Object.keys(incidentDetailShape) as Array<keyof typeof incidentDetailShape>;

export const scopeSchema = z
  .object({
    affected: affectedSchema,
    dataCategories: dataCategoriesSchema,
    organization: organizationSchema,
    /** Whether the exposed data was encrypted (see keyExposed for its key). */
    encrypted: z.boolean().nullable(),
    ...incidentDetailShape,
    /** Recorded by legal one jurisdiction at a time (RECORD_LEGAL_FINDING), never through UPDATE_SCOPE. */
    legalFindings: legalFindingsSchema.optional(),
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
  'extortionPaidAt',
] as const;
export type ClockFact = (typeof CLOCK_FACTS)[number];
export type ClockFacts = Record<ClockFact, string | null>;

export const emptyClockFacts = (): ClockFacts =>
  Object.fromEntries(CLOCK_FACTS.map((fact) => [fact, null])) as ClockFacts;
