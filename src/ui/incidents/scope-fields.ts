import { scoreSeverity, type EnisaSeverity } from '../../lifecycle/enisa-severity.js';
import { REGIONS } from '../../obligations/jurisdictions.js';
import { jurisdictionName } from '../../lifecycle/jurisdiction-codes.js';
import type { ClockFact, CountBasis, DataCategory, HarmFinding, IncidentFact, Medium, Organization, OrganizationRole, RiskFinding } from '../../lifecycle/scope.js';

/**
 * The scope form's vocabulary, shared by the editor that draws it and the route that reads it:
 * field names follow the UPDATE_SCOPE event's paths, labels are what a person reads.
 */

/** The scope form's name on the incident page (see FormFailure.form). */
export const SCOPE_FORM = 'scope';

/** Readable names of the data categories (lifecycle/scope.ts). */
export const CATEGORY_LABELS: Record<DataCategory, string> = {
  name: 'Names',
  contact: 'Contact details (email, phone, address)',
  date_of_birth: 'Dates of birth',
  national_id: 'National ID numbers',
  drivers_license: 'Driver’s licence numbers',
  government_id: 'Passport, military or other government ID numbers',
  tax_id: 'Tax IDs',
  financial_account: 'Financial account numbers',
  financial_account_with_code: 'Financial accounts with access codes',
  credentials: 'Credentials (passwords, security answers)',
  health: 'Health data',
  health_insurance: 'Health insurance data',
  biometric: 'Biometric data',
  genetic: 'Genetic data',
  precise_location: 'Precise location',
  religion: 'Religious beliefs',
  ethnicity: 'Racial or ethnic origin',
  political: 'Political opinions',
  trade_union: 'Trade union membership',
  sex_life: 'Sex life or orientation',
  criminal_record: 'Criminal records',
  specific_identity: 'Specific identity (China: sensitive)',
  minor_under_14: 'Data of children under 14',
  communications_content: 'Content of communications',
  device_identifiers: 'Device identifiers',
  other: 'Other',
};

/** The organisation's yes/no facts; nis2Entity is a choice of its own. */
export const ORGANIZATION_FLAGS = [
  ['criticalInfrastructure', 'Operates critical infrastructure'],
  ['stateOrgan', 'Is a state organ or public body'],
  ['hipaaCoveredEntity', 'HIPAA covered entity'],
  ['secRegistrant', 'SEC registrant'],
  ['doraEntity', 'Financial entity under DORA'],
  ['dfsRegulated', 'Regulated by NY DFS'],
  ['smallProcessingAgent', 'Small processing agent (Brazil LGPD)'],
  ['hipaaBusinessAssociate', 'HIPAA business associate'],
  ['ftcFinancialInstitution', 'Financial institution under the FTC Safeguards Rule'],
  ['bankingOrganization', 'US banking organisation (bank, savings association, holding company)'],
  ['bankServiceProvider', 'Bank service provider'],
  ['insuranceLicensee', 'Insurance licensee'],
  ['phrVendor', 'Vendor of personal health records (FTC Health Breach Notification Rule)'],
  ['electronicCommunicationsProvider', 'Provider of public electronic communications services (EU ePrivacy)'],
  ['sociResponsibleEntity', 'Responsible entity for a critical infrastructure asset (Australia SOCI Act)'],
] as const satisfies ReadonlyArray<readonly [keyof Organization, string]>;

/** The clock facts a person sets here (awareness comes with CONFIRM, notification from the send). */
export const EDITABLE_CLOCK_FACTS = [
  ['occurredAt', 'Breach occurred at'],
  ['materialityDeterminedAt', 'Materiality determined at'],
  ['assessedNotifiableAt', 'Assessed as notifiable at'],
  ['handlingEndedAt', 'Handling ended at'],
  ['extortionPaidAt', 'Ransom or extortion paid at'],
] as const satisfies ReadonlyArray<readonly [ClockFact, string]>;

/** A yes/no question's answers: the control's value, how it reads, and the fact it records (null: not known). */
export const YES_NO_UNKNOWN = [
  ['yes', 'Yes', true],
  ['no', 'No', false],
  ['unknown', 'Not known yet', null],
] as const;

/** The answer a recorded yes/no/unknown fact reads as (a fact never given is not known). */
export const yesNoChoice = (value: boolean | null | undefined) => YES_NO_UNKNOWN.find((choice) => choice[2] === (value ?? null))!;

/** Whose data it is, as the US statutes distinguish an owner or licensee from a vendor keeping it for one. */
export const ROLE_CHOICES = [
  ['controller', 'Owns or licenses the data (controller)'],
  ['processor', 'Keeps the data for another organisation (processor or vendor)'],
] as const satisfies ReadonlyArray<readonly [OrganizationRole, string]>;

/** Where the data sat. */
export const MEDIUM_LABELS: Record<Medium, string> = {
  electronic: 'Electronic (computerised) records',
  paper: 'Paper records',
};

/** How sure an affected count is; an empty count is "not counted yet". */
export const COUNT_BASIS_CHOICES = [
  ['exact', 'Exact count'],
  ['atLeast', 'At least this many (may rise)'],
  ['estimate', 'Estimate'],
] as const satisfies ReadonlyArray<readonly [CountBasis, string]>;

/** What the incident did: the question the form asks, and the fact as it reads once answered. */
export const NATURE_QUESTIONS: Record<IncidentFact, { question: string; fact: string }> = {
  confidentiality: { question: 'Was data disclosed to or accessed by someone not authorised?', fact: 'Data disclosed or accessed without authorisation' },
  integrity: { question: 'Was data altered or destroyed without authorisation?', fact: 'Data altered or destroyed' },
  availability: { question: 'Was data or a system made unavailable?', fact: 'Data or systems made unavailable' },
  externalAttack: { question: 'Was it an attack from outside the organisation?', fact: 'Attack from outside the organisation' },
  ransomPaid: { question: 'Was a ransom or extortion payment made?', fact: 'Ransom or extortion paid' },
};

/** Legal's finding on harm, as it reads. */
export const HARM_WORDS: Record<HarmFinding | 'none', string> = {
  likely: 'Misuse or harm is reasonably likely',
  unlikely: 'Misuse or harm is not reasonably likely',
  none: 'No finding on harm',
};

/** The main establishment's form value for "none in the EU/EEA" (the fact's null); an empty value is "not recorded". */
export const NO_ESTABLISHMENT = 'none';

/** Where the organisation's main establishment is, for the GDPR's one-stop shop and NIS2: an EEA country or none there. */
export const ESTABLISHMENT_CHOICES: Array<[string, string]> = [
  ['', 'Not recorded'],
  [NO_ESTABLISHMENT, 'No establishment in the EU or EEA'],
  ...[...(REGIONS.EEA ?? [])].map((code): [string, string] => [code, jurisdictionName(code)]).sort((a, b) => a[1].localeCompare(b[1])),
];

/** The main establishment as it reads. */
export function establishmentText(value: string | null | undefined): string {
  if (value === undefined) return 'main establishment not recorded';
  return value === null ? 'no establishment in the EU or EEA' : `main establishment in ${jurisdictionName(value)}`;
}

/** Legal's risk finding in the GDPR's words. */
export const RISK_WORDS: Record<RiskFinding | 'none', string> = {
  unlikely: 'Unlikely to result in a risk',
  risk: 'Likely to result in a risk',
  high: 'Likely to result in a high risk',
  none: 'No finding on risk',
};

const BAND_WORDS = { low: 'low', medium: 'medium', high: 'high', veryHigh: 'very high' } as const;

/** An ENISA score with the figures it adds up from: "3.5, high (DPC 3 x EI 1 + CB 0.5)". */
export function severityWords(severity: EnisaSeverity): string {
  const { score, band } = scoreSeverity(severity);
  const { confidentiality, integrity, availability, maliciousIntent } = severity.circumstances;
  const circumstances = confidentiality + integrity + availability + maliciousIntent;
  return `${score}, ${BAND_WORDS[band]} (DPC ${severity.dataProcessingContext} x EI ${severity.easeOfIdentification} + CB ${circumstances})`;
}
