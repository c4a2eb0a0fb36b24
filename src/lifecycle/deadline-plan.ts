import type { IncidentSnapshot } from './incident-transitions.js';
import { phaseOf } from './incident-transitions.js';
import { isSettled, obligationDeadlineKey } from './obligation-machine.js';

export interface PlannedDeadline {
  key: string;
  dueAt: string;
}

/**
 * The deadlines an incident in this state should have armed: one per unsettled obligation with a
 * known due time that has not yet passed unmet. Derived from the snapshot after every event, so the
 * rows can never drift from what the incident says.
 */
export function plannedDeadlines(snapshot: IncidentSnapshot): PlannedDeadline[] {
  const phase = phaseOf(snapshot);
  if (phase !== 'response' && phase !== 'review') return [];
  return snapshot.context.obligations
    .filter((o) => o.dueAt !== null && !isSettled(o.status) && o.overdueSince === null)
    .map((o) => ({ key: obligationDeadlineKey(o.id), dueAt: o.dueAt as string }));
}
