import type { AlertView } from '../../alerts/alert-query.js';
import { ErrorSummary } from '../components/forms.js';
import { Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { AlertStatus, SeverityBadge } from './alert-status.js';
import { InboxFilters, inboxHref, type InboxQuery } from './inbox-filters.js';
import { InboxRowActions } from './inbox-row-actions.js';

export interface InboxProps {
  ctx: PageContext;
  query: InboxQuery;
  sources: string[];
  alerts: AlertView[];
  nextCursor: string | null;
  /** Titles of the incidents the listed alerts are on, by id. */
  incidentTitles: Map<string, string>;
  /** A refused filter or row action. */
  failure: FormFailure | null;
}

/** The alerts inbox: filters, one page of alerts newest first, and the way to the next page. */
export function InboxPage(props: InboxProps) {
  const { ctx, query } = props;
  const actions = ctx.can('actOnAlerts');
  const inbox = inboxHref(query);
  const { cursor, ...filters } = query;
  return (
    <Layout ctx={ctx} title="Alerts" section="alerts">
      <h1>Alerts</h1>
      <ErrorSummary failure={props.failure} />
      <InboxFilters query={query} sources={props.sources} failure={props.failure} />
      {props.alerts.length === 0 ? (
        <p>{cursor === undefined ? 'No alerts match these filters.' : 'No more alerts.'}</p>
      ) : (
        <table class="alert-inbox">
          <caption>Alerts, newest first{cursor !== undefined && ' (a later page)'}</caption>
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">Source</th>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Count
              </th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
              {actions && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {props.alerts.map((alert) => (
              <tr>
                <th scope="row">
                  <a href={`/console/alerts/${alert.id}`}>{alert.title}</a>
                </th>
                <td>{alert.source}</td>
                <td>
                  <SeverityBadge severity={alert.severity} />
                </td>
                <td>
                  <AlertStatus alert={alert} now={ctx.now} incidentTitle={alert.incidentId === null ? undefined : props.incidentTitles.get(alert.incidentId)} />
                </td>
                <td class="num">{alert.count}</td>
                <td>
                  <Instant iso={alert.firstSeenAt} />
                </td>
                <td>
                  <Instant iso={alert.lastSeenAt} />
                </td>
                {actions && <td>{alert.incidentId === null && <InboxRowActions ctx={ctx} alert={alert} inbox={inbox} failure={props.failure} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Pages of alerts">
        {cursor !== undefined && <a href={inboxHref(filters)}>First page</a>}
        {props.nextCursor !== null && <a href={inboxHref({ ...filters, cursor: props.nextCursor })}>Next page</a>}
      </nav>
    </Layout>
  );
}
