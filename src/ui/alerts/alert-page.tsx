import type { AlertView } from '../../alerts/alert-query.js';
import type { IncidentSummary } from '../../lifecycle/incident-view.js';
import { ErrorSummary } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { MergeForm, PromoteForm, SnoozeForm } from './alert-action-forms.js';
import { AlertStatus, SeverityBadge } from './alert-status.js';

export interface AlertPageProps {
  ctx: PageContext;
  alert: AlertView & { payloads: { first: unknown; last: unknown } };
  incidentTitle: string | undefined;
  /** Incidents a merge may pick from (detected or in response, newest first). */
  openIncidents: IncidentSummary[];
  failure: FormFailure | null;
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** One alert: what it says, how often it fired, the sender's latest JSON, and what may be done with it. */
export function AlertPage(props: AlertPageProps) {
  const { ctx, alert, failure } = props;
  const labels = Object.entries(alert.labels);
  const details = Object.entries(alert.details);
  return (
    <Layout ctx={ctx} title={alert.title} section="alerts">
      <p>
        <a href="/console/alerts">Back to alerts</a>
      </p>
      <h1>{alert.title}</h1>
      <ErrorSummary failure={failure} />
      <dl class="alert-facts">
        <dt>Severity</dt>
        <dd>
          <SeverityBadge severity={alert.severity} />
        </dd>
        <dt>Status</dt>
        <dd>
          <AlertStatus alert={alert} now={ctx.now} incidentTitle={props.incidentTitle} />
        </dd>
        <dt>Source</dt>
        <dd>{alert.source}</dd>
        <dt>Fired</dt>
        <dd>{alert.count === 1 ? 'once' : `${alert.count} times`}</dd>
        <dt>Condition began</dt>
        <dd>
          <Instant iso={alert.occurredAt} />
        </dd>
        <dt>First seen</dt>
        <dd>
          <Instant iso={alert.firstSeenAt} />
        </dd>
        <dt>Last seen</dt>
        <dd>
          <Instant iso={alert.lastSeenAt} />
        </dd>
        <dt>Deduplication key</dt>
        <dd>
          <code>{alert.dedupKey}</code>
        </dd>
      </dl>

      <h2>Labels</h2>
      {labels.length === 0 ? (
        <p>No labels.</p>
      ) : (
        <table class="key-values">
          <caption>Labels the sender set</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {labels.map(([name, value]) => (
              <tr>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {details.length > 0 && (
        <table class="key-values">
          <caption>Details</caption>
          <thead>
            <tr>
              <th scope="col">Detail</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {details.map(([name, value]) => (
              <tr>
                <th scope="row">{name}</th>
                <td>{shown(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Latest payload</h2>
      <pre class="payload" tabindex={0} role="region" aria-label="Latest payload as JSON">
        {JSON.stringify(alert.payloads.last, null, 2)}
      </pre>

      {ctx.can('actOnAlerts') && (
        <section aria-labelledby="alert-actions">
          <h2 id="alert-actions">Act on this alert</h2>
          {alert.incidentId === null ? (
            <div class="alert-action-forms">
              <div>
                <h3>Promote to an incident</h3>
                <PromoteForm ctx={ctx} alert={alert} failure={failure} />
              </div>
              <div>
                <h3>Merge into an incident</h3>
                <MergeForm ctx={ctx} alert={alert} incidents={props.openIncidents} failure={failure} />
              </div>
            </div>
          ) : (
            <p>This alert is on an incident already, so it cannot be promoted or merged.</p>
          )}
          <h3>Snooze</h3>
          <p class="muted">While snoozed, its deliveries are counted but open no incident.</p>
          <SnoozeForm ctx={ctx} alert={alert} failure={failure} />
        </section>
      )}
    </Layout>
  );
}
