import type { IncidentSnapshot } from './incident-transitions.js';
import { phaseOf } from './incident-transitions.js';
import { dueSoonDeadlineKey, obligationDeadlineKey } from './obligation-machine.js';
import { unsettledObligations } from './obligation-status.js';

export interface PlannedDeadline {
  key: string;
  dueAt: string;
}

/**
 * The deadlines an incident in this state should have armed: for each unsettled obligation with a
 * known due time, the due-soon escalation and the due time itself, each until it has fired. Derived from the snapshot after every event, so the
 * rows can never drift from what the incident says.
 */
export function plannedDeadlines(snapshot: IncidentSnapshot): PlannedDeadline[] {
  const phase = phaseOf(snapshot);
  if (phase !== 'response' && phase !== 'review') return [];
  return unsettledObligations(snapshot.context).flatMap((o) => [
      ...(o.dueSoonAt !== null && o.dueSoonSince === null && o.overdueSince === null ? [{ key: dueSoonDeadlineKey(o.id), dueAt: o.dueSoonAt }] : []),
      ...(o.dueAt !== null && o.overdueSince === null ? [{ key: obligationDeadlineKey(o.id), dueAt: o.dueAt }] : []),
    ]);
}
