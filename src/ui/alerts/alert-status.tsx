import type { AlertView } from '../../alerts/alert-query.js';
import { Instant } from '../components/time.js';

/** Severity as a word in a badge: the colour only repeats what the word says. */
export const SeverityBadge = (props: { severity: string }) => <span class={`badge severity-${props.severity}`}>{props.severity}</span>;

/** Where an alert stands, in words: open or resolved, snoozed until when, and the incident it is on. */
export function AlertStatus(props: { alert: AlertView; now: Date; incidentTitle?: string | undefined }) {
  const { alert } = props;
  const snoozed = alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > props.now.getTime();
  return (
    <ul class="alert-status">
      <li>
        {alert.status === 'resolved' ? (
          <>
            <span class="badge status-resolved">resolved</span> <Instant iso={alert.resolvedAt} />
          </>
        ) : (
          <span class="badge status-open">open</span>
        )}
      </li>
      {snoozed && (
        <li>
          snoozed until <Instant iso={alert.snoozedUntil} />
        </li>
      )}
      {alert.incidentId !== null && (
        <li>
          linked to incident <a href={`/console/incidents/${alert.incidentId}`}>{props.incidentTitle ?? alert.incidentId}</a>
        </li>
      )}
    </ul>
  );
}
