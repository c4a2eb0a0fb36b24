import type { IncidentView } from '../../lifecycle/incident-view.js';
import { Instant } from '../components/time.js';

/** The monitoring alerts folded into this incident; a resolved alert is noted, never closing anything. */
export function LinkedAlerts(props: { incident: IncidentView }) {
  const { alerts } = props.incident;
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Linked alerts</h2>
      {alerts.length === 0 ? (
        <p class="muted">No alerts are linked to this incident.</p>
      ) : (
        <table>
          <caption>Alerts folded into this incident</caption>
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">Source</th>
              <th scope="col">Severity</th>
              <th scope="col">Linked</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <tr>
                <th scope="row">
                  <a href={`/console/alerts/${encodeURIComponent(alert.alertId)}`}>{alert.title}</a>
                </th>
                <td>{alert.source}</td>
                <td>{alert.severity}</td>
                <td>
                  <Instant iso={alert.linkedAt} />
                </td>
                <td>
                  {alert.resolvedAt === null ? (
                    'Firing'
                  ) : (
                    <>
                      Resolved <Instant iso={alert.resolvedAt} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
