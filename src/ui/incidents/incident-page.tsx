import type { Context } from 'hono';
import { NotFoundError } from '../../errors.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import { ErrorSummary } from '../components/forms.js';
import { Countdown, Instant } from '../components/time.js';
import type { ConsoleDeps } from '../console-app.js';
import type { ConsoleEnv } from '../console-env.js';
import { DeliveryPanel, isSending, loadDeliveryPanel } from '../deliveries/delivery-panel.js';
import type { FormFailure } from '../form-action.js';
import { Layout, renderPage } from '../layout.js';
import { messagePage } from '../message-page.js';
import { loadNoticesPanel, NoticesPanel } from '../notices/notices-panel.js';
import { pageContext } from '../page-context.js';
import { EventForms } from './event-forms.js';
import { LifecycleTracks, stateWords } from './lifecycle-tracks.js';
import { LinkedAlerts } from './linked-alerts.js';
import { nextDueAt } from '../../lifecycle/next-deadline.js';
import { ObligationsTable } from './obligations-table.js';
import { ScopeEditor } from './scope-editor.js';
import { actorNamesFrom, Timeline } from './timeline.js';

/** The incident's phase, severity and the next clock, under its title. */
function IncidentHeading(props: { incident: IncidentView; now: Date }) {
  const { incident } = props;
  const due = nextDueAt(incident.phase, incident);
  return (
    <>
      <h1>{incident.title}</h1>
      <p class="incident-facts">
        <span class={`badge severity-${incident.severity}`}>Severity: {incident.severity}</span>{' '}
        <span class="badge">Phase: {stateWords(incident.phase)}</span>{' '}
        {due === null ? (
          <span class="muted">No open deadline</span>
        ) : (
          <span>
            Next deadline: <Countdown dueAt={due} now={props.now} /> (<Instant iso={due} />)
          </span>
        )}
      </p>
    </>
  );
}

/**
 * The incident page: heading, then the obligations (what legal must act on first), lifecycle,
 * actions, scope, notices, delivery, alerts and timeline. Every form on it redraws through here when the server refuses it, with that status,
 * the reasons at the top and the typed values in the failed form.
 */
export async function renderIncidentPage(c: Context<ConsoleEnv>, deps: ConsoleDeps, incidentId: string, failure: FormFailure | null): Promise<Response> {
  const ctx = pageContext(c, deps.clock);
  let incident: IncidentView;
  try {
    incident = await deps.incidents.get(incidentId);
  } catch (error) {
    if (error instanceof NotFoundError) return messagePage(c, 404, 'Incident not found', `There is no incident ${incidentId}.`, ctx);
    throw error;
  }
  const [timeline, notices, delivery] = await Promise.all([
    deps.incidents.timeline(incident.id),
    loadNoticesPanel(deps, incident),
    loadDeliveryPanel(deps, incident, ctx),
  ]);
  const obligations = deps.obligations.forIncident(incident);
  const uncovered = deps.obligations.uncoveredFor(incident);
  const actorNames = actorNamesFrom(timeline);
  // While a send runs, a browser without JavaScript reloads the page to show its progress.
  const head = isSending(delivery) ? (
    <noscript>
      <meta http-equiv="refresh" content="10" />
    </noscript>
  ) : undefined;
  return renderPage(
    c,
    <Layout ctx={ctx} title={incident.title} section="incidents" head={head}>
      <IncidentHeading incident={incident} now={ctx.now} />
      <ErrorSummary failure={failure} />
      <ObligationsTable
        ctx={ctx}
        incident={incident}
        obligations={obligations}
        groups={deps.obligations.groups(obligations)}
        uncovered={uncovered}
        failure={failure}
        actorNames={actorNames}
      />
      <LifecycleTracks incident={incident} />
      <EventForms ctx={ctx} incident={incident} failure={failure} />
      <ScopeEditor ctx={ctx} incident={incident} failure={failure} actorNames={actorNames} />
      <NoticesPanel ctx={ctx} incident={incident} data={notices} failure={failure} />
      <DeliveryPanel ctx={ctx} incident={incident} data={delivery} failure={failure} />
      <LinkedAlerts incident={incident} />
      <Timeline entries={timeline} />
    </Layout>,
    failure?.status ?? 200,
  );
}
