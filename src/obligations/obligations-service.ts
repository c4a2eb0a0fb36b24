import { systemClock, type Clock } from '../clock.js';
import { fieldIssues, InvalidInputError } from '../errors.js';
import type { ObligationInput } from '../lifecycle/events.js';
import type { IncidentContext } from '../lifecycle/incident-context.js';
import type { IncidentView } from '../lifecycle/incident-view.js';
import { assess, type AssessedObligation } from './assess.js';
import { assessmentFactsSchema } from './assessment-facts.js';
import { factsFromIncident } from './incident-facts.js';
import { withLiveStatus, type IncidentObligation } from './live-status.js';
import { groupObligations, type ObligationGroup } from './obligation-groups.js';
import type { RegimeSet } from './load-regimes.js';

/** The obligations domain as the rest of Breachline uses it: what-if, per incident, and the lifecycle's plan. */
export class ObligationsService {
  constructor(
    private readonly regimes: RegimeSet,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A stateless what-if: the obligations these facts would bring, before any incident exists. */
  whatIf(input: unknown): AssessedObligation[] {
    const parsed = assessmentFactsSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError('invalid assessment', fieldIssues(parsed.error.issues));
    return assess(parsed.data, this.regimes.regimes, this.regimes.calendars, this.clock());
  }

  /** Every duty this incident's facts bring, with where the incident stands on each. */
  forIncident(incident: IncidentView): IncidentObligation[] {
    const assessed = assess(factsFromIncident(incident), this.regimes.regimes, this.regimes.calendars, this.clock());
    return withLiveStatus(assessed, incident, this.clock());
  }

  /** The duties as a lawyer reads them: one group per recipient and jurisdiction, the most pressing first. */
  groups(obligations: readonly AssessedObligation[]): ObligationGroup[] {
    return groupObligations(obligations, this.clock());
  }

  /** The duties the lifecycle tracks: the regulators track's children and the duties to individuals. */
  readonly plan = (context: IncidentContext): ObligationInput[] =>
    assess(factsFromIncident(context), this.regimes.regimes, this.regimes.calendars, this.clock()).map((o) => ({
      id: o.id,
      regime: o.regime,
      jurisdiction: o.jurisdiction,
      recipient: o.recipient,
      authority: o.authority ?? (o.recipient === 'individuals' ? 'affected individuals' : o.regimeName),
      dueAt: o.dueAt,
      dueSoonAt: o.dueSoonAt,
      citation: o.citation,
    }));
}
