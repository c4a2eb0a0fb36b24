import { DateTime } from 'luxon';
import { jurisdictionName } from '../lifecycle/jurisdiction-codes.js';
import type { AssessmentFacts } from './assessment-facts.js';
import { inForce, notYetBegun } from './assess.js';
import { countryOf, covers } from './jurisdictions.js';
import type { Regime } from './regime-schema.js';

/**
 * Why the people of one jurisdiction get no duties from the rules base: it holds no rules there;
 * its rules there are not in force for this breach; or people were recorded by country where the
 * rules go by state or province.
 */
export const UNCOVERED_REASONS = ['no_rules', 'not_in_force', 'subdivision_needed'] as const;
export type UncoveredReason = (typeof UNCOVERED_REASONS)[number];

export interface UncoveredJurisdiction {
  jurisdiction: string;
  name: string;
  count: number | null;
  reason: UncoveredReason;
  /** What legal reads, e.g. "No rules for Tuvalu: decide with counsel". */
  message: string;
}

/** The regulators track's duty that holds a place with no rules open until legal decides it. */
export const decisionDutyId = (jurisdiction: string): string => `uncovered:decision:${jurisdiction}`;

/** A general rule for where people live; a sector's rule (HIPAA, insurers) does not make a place covered. */
const isGeneral = (regime: Regime): boolean => regime.coverage === 'affected' && regime.sector === undefined;

/**
 * Every affected jurisdiction the rules base says nothing about, so that a place without rules
 * reads as "not covered" and never as "no duty".
 */
export function uncoveredJurisdictions(facts: AssessmentFacts, regimes: readonly Regime[], now: Date): UncoveredJurisdiction[] {
  const general = regimes.filter(isGeneral);
  return facts.affected.flatMap((person): UncoveredJurisdiction[] => {
    const { jurisdiction, count } = person;
    const name = jurisdictionName(jurisdiction);
    const here = general.filter((regime) => regime.jurisdictions.some((territory) => covers(territory, jurisdiction)));
    if (here.some((regime) => inForce(regime, facts, now))) return [];
    if (here.length > 0) {
      const day = (iso: string) => DateTime.fromISO(iso).toFormat('d MMMM yyyy');
      const next = here
        .filter((regime) => notYetBegun(regime, facts, now))
        .map((regime) => regime.inForceFrom as string)
        .sort()[0];
      const when = next === undefined ? ` until ${day(here.map((r) => r.inForceUntil ?? '').sort().at(-1) as string)}` : ` from ${day(next)}`;
      const tense = next === undefined ? 'applied' : 'apply';
      return [{ jurisdiction, name, count, reason: 'not_in_force', message: `The rules for ${name} ${tense} to breaches${when}: decide with counsel` }];
    }
    const example = jurisdiction.length === 2 ? general.flatMap((r) => r.jurisdictions).find((t) => t.length > 2 && countryOf(t) === jurisdiction) : undefined;
    if (example !== undefined) {
      return [{ jurisdiction, name, count, reason: 'subdivision_needed', message: `The rules for ${name} go by state or province: record where these people live (e.g. ${example})` }];
    }
    return [{ jurisdiction, name, count, reason: 'no_rules', message: `No rules for ${name}: decide with counsel` }];
  });
}
