import { assess, type AssessedObligation } from '../../src/obligations/assess.js';
import { assessmentFactsSchema } from '../../src/obligations/assessment-facts.js';
import { uncoveredJurisdictions, type UncoveredJurisdiction } from '../../src/obligations/coverage.js';
import { loadRegimes, type RegimeSet } from '../../src/obligations/load-regimes.js';

/**
 * What-ifs on the real rules base in workflows/, for tests that check a regime file against its
 * statute. Facts go through the same schema as the API, so a test cannot pass facts a user could not.
 */
let base: Promise<RegimeSet> | undefined;
export const rulesBase = (): Promise<RegimeSet> => (base ??= loadRegimes());

export interface WhatIf {
  obligations: AssessedObligation[];
  uncovered: UncoveredJurisdiction[];
}

/** The clock defaults to the awareness instant (or 2026-03-02T15:00Z), so in-force dates are judged then. */
export async function whatIf(facts: Record<string, unknown>, options: { now?: string; organizationTimeZone?: string } = {}): Promise<WhatIf> {
  const { regimes, calendars } = await rulesBase();
  const parsed = assessmentFactsSchema.parse({ awarenessAt: null, organization: {}, affected: [], dataCategories: [], ...facts });
  const now = new Date(options.now ?? parsed.awarenessAt ?? '2026-03-02T15:00:00Z');
  return {
    obligations: assess(parsed, regimes, calendars, now, { organizationTimeZone: options.organizationTimeZone }),
    uncovered: uncoveredJurisdictions(parsed, regimes, now),
  };
}

/** One duty by regime id and entry id (and jurisdiction, when the regime is owed in several). */
export function duty(result: WhatIf, regime: string, entry: string, jurisdiction?: string): AssessedObligation | undefined {
  return result.obligations.find((o) => o.regime === regime && o.id.startsWith(`${regime}:${entry}:`) && (jurisdiction === undefined || o.jurisdiction === jurisdiction));
}

/** The people affected in one jurisdiction, as a what-if takes them. */
export const people = (jurisdiction: string, count: number | null) => [{ jurisdiction, count }];

/** Whether the facts flag an exemption of a duty as likely available (undefined: no such duty or exemption). */
export const likelyAvailable = (obligation: AssessedObligation | undefined, id: string): boolean | undefined =>
  obligation?.exemptions.find((e) => e.id === id)?.likelyAvailable;
