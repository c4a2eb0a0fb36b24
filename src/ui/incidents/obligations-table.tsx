import { mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { IncidentObligation } from '../../obligations/live-status.js';
import { Countdown, Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { EVENT_FORMS, eventFormName, OBLIGATION_FORMS, type FormEventType } from './event-form-specs.js';
import { EventForm } from './event-forms.js';
import { stateWords } from './lifecycle-tracks.js';

interface TableProps {
  ctx: PageContext;
  incident: IncidentView;
  /** The obligations service's per-incident view: due times, the regulator's zone, live status. */
  obligations: IncidentObligation[];
  failure: FormFailure | null;
}

const OPEN = new Set(['pending', 'in_progress', 'missed']);

/** The per-obligation events this role may send on this obligation now. */
function rowActions(ctx: PageContext, incident: IncidentView, obligationId: string): FormEventType[] {
  const tracked = incident.obligations.find((o) => o.id === obligationId);
  if (tracked === undefined) return [];
  return OBLIGATION_FORMS.filter((type) => (tracked.allowedEvents as string[]).includes(type) && mayRoleSend(ctx.actor.role, type));
}

function Due(props: { obligation: IncidentObligation; now: Date }) {
  const { obligation } = props;
  if (obligation.dueAt === null) {
    if (obligation.urgent) return <span>Immediately (no fixed time)</span>;
    if (obligation.missingFacts.length > 0) return <span class="muted">Not known yet: needs {obligation.missingFacts.join(', ')}</span>;
    return <span class="muted">No fixed time</span>;
  }
  return (
    <>
      <Instant iso={obligation.dueAt} zone={obligation.timeZone} />
      {OPEN.has(obligation.status) && (
        <>
          <br />
          <Countdown dueAt={obligation.dueAt} now={props.now} />
        </>
      )}
    </>
  );
}

function Status(props: { obligation: IncidentObligation; incident: IncidentView }) {
  const { obligation } = props;
  const report = props.incident.obligations.find((o) => o.id === obligation.id);
  return (
    <>
      <span class={`badge status-${obligation.status}`}>{stateWords(obligation.status)}</span>
      {report !== undefined && obligation.recipient !== 'individuals' && obligation.status === 'in_progress' && (
        <span class="muted"> (report {stateWords(report.status).toLowerCase()})</span>
      )}
      {obligation.notRequiredReason !== null && <p class="muted">Why not: {obligation.notRequiredReason}</p>}
      {obligation.submittedAt !== null && (
        <p class="muted">
          Done <Instant iso={obligation.submittedAt} />
        </p>
      )}
    </>
  );
}

/** Who must be told, by when (on the regulator's clock and in UTC), under which law, and where each stands. */
export function ObligationsTable(props: TableProps) {
  const { ctx, incident, obligations, failure } = props;
  const withActions = obligations.some((o) => rowActions(ctx, incident, o.id).length > 0);
  return (
    <section aria-labelledby="obligations-heading">
      <h2 id="obligations-heading">Obligations</h2>
      {obligations.length === 0 ? (
        <p>No obligations apply on the facts known so far. Set the scope (who is affected, where, which data) to assess them.</p>
      ) : (
        <table class="obligations">
          <caption>Who must be told, and by when</caption>
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Authority</th>
              <th scope="col">Jurisdiction and regime</th>
              <th scope="col">Due (local time and UTC)</th>
              <th scope="col">Citation</th>
              <th scope="col">Status</th>
              {withActions && <th scope="col">Record</th>}
            </tr>
          </thead>
          <tbody>
            {obligations.map((obligation) => (
              <tr>
                <th scope="row">{stateWords(obligation.recipient)}</th>
                <td>{obligation.authority ?? <span class="muted">—</span>}</td>
                <td>
                  {obligation.jurisdiction} · {obligation.regimeName}
                </td>
                <td>
                  <Due obligation={obligation} now={ctx.now} />
                </td>
                <td>{obligation.citation}</td>
                <td>
                  <Status obligation={obligation} incident={incident} />
                </td>
                {withActions && (
                  <td>
                    {rowActions(ctx, incident, obligation.id).map((type) => (
                      <details class="row-action" open={failure?.form === eventFormName(type, obligation.id)}>
                        <summary>{EVENT_FORMS[type].heading}</summary>
                        <EventForm
                          ctx={ctx}
                          incident={incident}
                          type={type}
                          obligationId={obligation.id}
                          subject={`${obligation.jurisdiction} ${obligation.regimeName}`}
                          failure={failure}
                        />
                      </details>
                    ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
