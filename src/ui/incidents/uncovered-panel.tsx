import { mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { LegalFinding } from '../../lifecycle/scope.js';
import { decisionDutyId, type UncoveredJurisdiction, type UncoveredReason } from '../../obligations/coverage.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { eventFormName } from './event-form-specs.js';
import { EventForm } from './event-forms.js';
import { countWords } from './fact-words.js';
import { harmText, RecordedBy, type ActorNames } from './scope-editor.js';

/** An affected place no rules cover, with legal's recorded decision for it (ObligationsService.uncoveredFor). */
export type UncoveredPlace = UncoveredJurisdiction & { decision: LegalFinding | null };

const REASON_WORDS: Readonly<Record<UncoveredReason, string>> = {
  no_rules: 'No rules in Breachline',
  not_in_force: 'Rules not in force for this breach',
  subdivision_needed: 'Rules go by state or province',
};

/** Settling the decision duty itself (OBLIGATION_NOT_REQUIRED through the API) also decides the place. */
const settledDuty = (place: UncoveredPlace, incident: IncidentView) => incident.obligations.find((o) => o.id === decisionDutyId(place.jurisdiction))?.notRequired ?? null;

function Decision(props: { place: UncoveredPlace; incident: IncidentView; actorNames: ActorNames }) {
  const { place, incident } = props;
  const { decision } = place;
  if (decision !== null) {
    return (
      <>
        <p class="decision">
          <span class="badge status-met">Decided</span> {decision.rationale}
        </p>
        {decision.harm != null && <p>{harmText(decision)}</p>}
        <p class="muted">
          <RecordedBy finding={decision} actorNames={props.actorNames} />
        </p>
      </>
    );
  }
  const settled = settledDuty(place, incident);
  if (settled !== null) {
    return (
      <p class="decision">
        <span class="badge status-met">Settled</span> Recorded as not required: {settled.reason}
      </p>
    );
  }
  return (
    <p>
      <span class="badge undecided">Not decided yet</span> The regulators track stays open until legal records a decision.
    </p>
  );
}

/**
 * The affected places the rules base says nothing about, beside the obligations, so a place
 * without rules reads as "not covered", never as "no duty". Legal records its decision for each
 * beside it (RECORD_LEGAL_FINDING, the jurisdiction filled in).
 */
export function UncoveredPanel(props: { ctx: PageContext; incident: IncidentView; uncovered: UncoveredPlace[]; failure: FormFailure | null; actorNames: ActorNames }) {
  const { ctx, incident, uncovered, failure } = props;
  if (uncovered.length === 0) return null;
  const undecided = uncovered.filter((u) => u.decision === null && settledDuty(u, incident) === null).length;
  const mayDecide = mayRoleSend(ctx.actor.role, 'RECORD_LEGAL_FINDING') && incident.allowedEvents.includes('RECORD_LEGAL_FINDING');
  return (
    <section class="panel warning-panel" aria-labelledby="uncovered-heading" id="uncovered">
      <h3 id="uncovered-heading">
        Places the rules do not cover{' '}
        {undecided > 0 && <span class="badge undecided">{undecided === 1 ? '1 to decide' : `${undecided} to decide`}</span>}
      </h3>
      <p>
        Breachline holds no duties for the people affected in these places. That is not the same as no duty: legal decides each with counsel, and records the
        decision here.
      </p>
      <table class="uncovered">
        <caption>Affected places without rules in Breachline</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">People</th>
            <th scope="col">Why</th>
            <th scope="col">Legal’s decision</th>
            {mayDecide && <th scope="col">Record</th>}
          </tr>
        </thead>
        <tbody>
          {uncovered.map((place) => {
            const row = incident.scope.affected.find((a) => a.jurisdiction === place.jurisdiction) ?? { count: place.count };
            const form = eventFormName('RECORD_LEGAL_FINDING', place.jurisdiction);
            return (
              <tr>
                <th scope="row">
                  {place.name} <span class="muted">{place.jurisdiction}</span>
                </th>
                <td>{countWords(row)}</td>
                <td>
                  <span class="badge">{REASON_WORDS[place.reason]}</span>
                  <p class="uncovered-message">{place.message}</p>
                </td>
                <td>
                  <Decision place={place} incident={incident} actorNames={props.actorNames} />
                </td>
                {mayDecide && (
                  <td>
                    <details class="row-action" open={failure?.form === form}>
                      <summary>{place.decision === null ? `Record legal’s decision for ${place.name}` : `Record a new decision for ${place.name}`}</summary>
                      <EventForm
                        ctx={ctx}
                        incident={incident}
                        type="RECORD_LEGAL_FINDING"
                        failure={failure}
                        fixed={{ jurisdiction: place.jurisdiction }}
                        formFor={place.jurisdiction}
                        subject={place.name}
                        label={`Legal’s decision for ${place.name}`}
                      />
                    </details>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
