import { jurisdictionName } from '../../lifecycle/jurisdiction-codes.js';
import { CLOCK_FACTS, INCIDENT_FACTS, type ClockFact, type IncidentFact } from '../../lifecycle/scope.js';
import { ORGANIZATION_FLAGS } from './scope-fields.js';

/**
 * The facts a duty can turn on, as the obligations engine names them (`media`,
 * `affected.US-WA.count`, `nature.ransomPaid`, `awarenessAt`), in the words a lawyer reads.
 */
const CLOCK_WORDS: Record<ClockFact, string> = {
  awarenessAt: 'when the organisation became aware of the breach',
  occurredAt: 'when the breach occurred',
  materialityDeterminedAt: 'when the breach was determined to be material',
  assessedNotifiableAt: 'when the breach was assessed as notifiable',
  individualsNotifiedAt: 'when the individuals were notified',
  handlingEndedAt: 'when the handling of the breach ended',
  extortionPaidAt: 'when the ransom or extortion was paid',
};

const NATURE_WORDS: Record<IncidentFact, string> = {
  confidentiality: 'whether data was disclosed to or accessed by someone not authorised',
  integrity: 'whether data was altered or destroyed',
  availability: 'whether data or systems were made unavailable',
  externalAttack: 'whether it was an attack from outside the organisation',
  ransomPaid: 'whether a ransom or extortion payment was made',
};

const FIXED: Record<string, string> = {
  media: 'whether the data was held electronically or on paper',
  role: 'whether the organisation owns the data or keeps it for another',
  encrypted: 'whether the data was encrypted',
  keyExposed: 'whether the encryption key or credential was exposed too',
  redacted: 'whether the data was redacted',
  dataCategories: 'which kinds of data were exposed',
  lawEnforcementDelayUntil: 'whether law enforcement asked for a delay',
};

const isClockFact = (fact: string): fact is ClockFact => (CLOCK_FACTS as readonly string[]).includes(fact);
const isIncidentFact = (fact: string): fact is IncidentFact => (INCIDENT_FACTS as readonly string[]).includes(fact);

/** One fact in words: "how many people are affected in Washington (US)". Unknown names are shown as given. */
export function factWords(fact: string): string {
  if (isClockFact(fact)) return CLOCK_WORDS[fact];
  const fixed = FIXED[fact];
  if (fixed !== undefined) return fixed;
  const count = /^affected\.([A-Z0-9-]+)\.count$/.exec(fact);
  if (count !== null) return `how many people are affected in ${jurisdictionName(count[1]!)}`;
  const harm = /^legalFindings\.([A-Z0-9-]+)\.harm$/.exec(fact);
  if (harm !== null) return `legal’s finding on whether harm is likely in ${jurisdictionName(harm[1]!)}`;
  const risk = /^legalFindings\.([A-Z0-9-]+)\.risk$/.exec(fact);
  if (risk !== null) return `legal’s finding on the risk to people in ${jurisdictionName(risk[1]!)} (a risk, or a high risk)`;
  const nature = /^nature\.(\w+)$/.exec(fact);
  if (nature !== null && isIncidentFact(nature[1]!)) return NATURE_WORDS[nature[1]];
  const organization = /^organization\.(\w+)$/.exec(fact);
  const flag = ORGANIZATION_FLAGS.find(([name]) => name === organization?.[1]);
  if (flag !== undefined) return `whether the organisation is: ${flag[1]}`;
  if (fact.startsWith('stagesSubmittedAt.')) return 'when the earlier stage of the report was submitted';
  return fact;
}

/**
 * Whether the fact decides when a duty is due (a clock's start, a holiday calendar) rather than
 * whether it applies at all.
 */
export const isTimingFact = (fact: string): boolean => isClockFact(fact) || fact.startsWith('stagesSubmittedAt.') || fact.startsWith('holiday calendar ');

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The unknown facts that decide whether a duty applies; those that only set its due time are left to the due column. */
export function applicabilityFacts(missing: readonly string[]): string[] {
  const deciding = missing.filter((fact) => !isTimingFact(fact));
  return deciding.length > 0 ? deciding : [...missing];
}

/** The facts that decide only the due time. */
export const timingFacts = (missing: readonly string[]): string[] => missing.filter(isTimingFact);

/** What the people of one place number: "1,200", "at least 1,200", "about 1,200" or "not counted yet". */
export function countWords(row: { count: number | null; countBasis?: string | undefined }): string {
  if (row.count === null) return 'not counted yet';
  const prefix = row.countBasis === 'atLeast' ? 'at least ' : row.countBasis === 'estimate' ? 'about ' : '';
  return `${prefix}${row.count.toLocaleString('en')}`;
}
