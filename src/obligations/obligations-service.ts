import { systemClock, type Clock } from '../clock.js';
import { fieldIssues, InvalidInputError } from '../errors.js';
import type { ObligationInput } from '../lifecycle/events.js';
import type { IncidentContext } from '../lifecycle/incident-context.js';
import type { IncidentView } from '../lifecycle/incident-view.js';
import type { LegalFinding } from '../lifecycle/scope.js';
import { assess, type AssessedObligation, type AssessOptions } from './assess.js';
import { assessmentFactsSchema, type AssessmentFacts } from './assessment-facts.js';
import { decisionDutyId, uncoveredJurisdictions, type UncoveredJurisdiction } from './coverage.js';
import { factsFromIncident } from './incident-facts.js';
import { withLiveStatus, type IncidentObligation } from './live-status.js';
import { groupObligations, type ObligationGroup } from './obligation-groups.js';
import type { RegimeSet } from './load-regimes.js';

/** The obligations domain as the rest of Breachline uses it: what-if, per incident, and the lifecycle's plan. */
export class ObligationsService {
  constructor(
    private readonly regimes: RegimeSet,
    private readonly clock: Clock = systemClock,
    private readonly options: AssessOptions = {},
  ) {}

  private assess(facts: AssessmentFacts): AssessedObligation[] {
    return assess(facts, this.regimes.regimes, this.regimes.calendars, this.clock(), this.options);
  }

  /** A stateless what-if: the obligations these facts would bring, and the places no rules cover, before any incident exists. */
  whatIf(input: unknown): { obligations: AssessedObligation[]; uncovered: UncoveredJurisdiction[] } {
    const parsed = assessmentFactsSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError('invalid assessment', fieldIssues(parsed.error.issues));
    return { obligations: this.assess(parsed.data), uncovered: uncoveredJurisdictions(parsed.data, this.regimes.regimes, this.clock()) };
  }

  /** Every duty this incident's facts bring, with where the incident stands on each. */
  forIncident(incident: IncidentView): IncidentObligation[] {
    return withLiveStatus(this.assess(factsFromIncident(incident)), incident, this.clock());
  }

  /** The incident's affected places that no rules cover, with legal's recorded decision for each, if any. */
  uncoveredFor(incident: IncidentView | IncidentContext): Array<UncoveredJurisdiction & { decision: LegalFinding | null }> {
    const findings = incident.scope.legalFindings ?? [];
    return uncoveredJurisdictions(factsFromIncident(incident), this.regimes.regimes, this.clock()).map((u) => ({
      ...u,
      decision: findings.find((f) => f.jurisdiction === u.jurisdiction) ?? null,
    }));
  }

  /** The duties as a lawyer reads them: one group per recipient and jurisdiction, the most pressing first. */
  groups(obligations: readonly AssessedObligation[]): ObligationGroup[] {
    return groupObligations(obligations, this.clock());
  }

  /** The duties the lifecycle tracks: the regulators track's children and the duties to individuals. */
  readonly plan = (context: IncidentContext): ObligationInput[] => [
    ...this.assess(factsFromIncident(context)).map((o) => ({
      id: o.id,
      regime: o.regime,
      jurisdiction: o.jurisdiction,
      recipient: o.recipient,
      authority: o.authority ?? (o.recipient === 'individuals' ? 'affected individuals' : o.regimeName),
      dueAt: o.dueAt,
      dueSoonAt: o.dueSoonAt,
      citation: o.citation,
    })),
    ...this.uncoveredFor(context).filter((u) => u.decision === null).map(decisionDuty),
  ];
}

/**
 * A place with no rules is a decision for legal, tracked like a duty so the regulators track is
 * not done before it is made; recording a legal finding for the place (or settling this duty)
 * makes it.
 */
const decisionDuty = (u: UncoveredJurisdiction): ObligationInput => ({
  id: decisionDutyId(u.jurisdiction),
  regime: 'uncovered',
  jurisdiction: u.jurisdiction,
  recipient: 'other',
  authority: `Decision with counsel for ${u.name} (no rules in Breachline)`,
  dueAt: null,
  dueSoonAt: null,
  citation: u.message,
});
