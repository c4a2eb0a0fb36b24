import type { DataCategory, Organization } from '../../lifecycle/scope.js';

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
] as const satisfies ReadonlyArray<readonly [keyof Organization, string]>;

/** The clock facts a person sets here (awareness comes with CONFIRM, notification from the send). */
export const EDITABLE_CLOCK_FACTS = [
  ['occurredAt', 'Breach occurred at'],
  ['materialityDeterminedAt', 'Materiality determined at'],
  ['assessedNotifiableAt', 'Assessed as notifiable at'],
  ['handlingEndedAt', 'Handling ended at'],
] as const;

/** The encryption question's answers: the radio's value, how it reads, and the fact it records. */
export const ENCRYPTED_CHOICES = [
  ['yes', 'Yes, and the key was not exposed', true],
  ['no', 'No', false],
  ['unknown', 'Not known yet', null],
] as const;
