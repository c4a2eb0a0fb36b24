import { DateTime } from 'luxon';
import type { IncidentView } from '../lifecycle/incident-view.js';
import type { AssessedObligation } from './assess.js';

export const LIVE_STATUSES = ['pending', 'in_progress', 'met', 'not_required', 'missed'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export interface IncidentObligation extends AssessedObligation {
  status: LiveStatus;
  /** The due time on the regulator's wall clock, with its offset, for people reading it there. */
  dueAtLocal: string | null;
  dueSoonSince: string | null;
  overdueSince: string | null;
  submittedAt: string | null;
  notRequiredReason: string | null;
}

/**
 * Where each assessed duty stands on this incident. A regulator duty follows its own report
 * lifecycle; a duty to individuals follows the individuals track. "missed" means the due time
 * passed with the duty unsettled, and stays until it is met or legal records why not.
 */
export function withLiveStatus(assessed: AssessedObligation[], incident: IncidentView, now: Date): IncidentObligation[] {
  return assessed.map((obligation) => {
    const tracked = incident.obligations.find((o) => o.id === obligation.id);
    const overdue = tracked?.overdueSince != null || (obligation.dueAt !== null && Date.parse(obligation.dueAt) < now.getTime());
    let status: LiveStatus;
    let submittedAt: string | null = null;
    let notRequiredReason: string | null = null;
    if (obligation.recipient === 'individuals') {
      notRequiredReason = incident.individuals.notRequired?.reason ?? null;
      submittedAt = incident.clock.individualsNotifiedAt;
      const started = incident.tracks !== null && incident.tracks.individuals !== 'assessing';
      status = notRequiredReason !== null ? 'not_required' : submittedAt !== null ? 'met' : overdue ? 'missed' : started ? 'in_progress' : 'pending';
    } else {
      notRequiredReason = tracked?.notRequired?.reason ?? null;
      submittedAt = tracked?.submission?.submittedAt ?? null;
      const started = tracked !== undefined && tracked.status !== 'pending';
      status =
        tracked?.status === 'not_required' ? 'not_required' : tracked?.status === 'submitted' ? 'met' : overdue ? 'missed' : started ? 'in_progress' : 'pending';
    }
    return {
      ...obligation,
      status,
      dueAtLocal: obligation.dueAt === null ? null : DateTime.fromISO(obligation.dueAt, { zone: obligation.timeZone }).toISO(),
      dueSoonSince: tracked?.dueSoonSince ?? null,
      overdueSince: tracked?.overdueSince ?? null,
      submittedAt,
      notRequiredReason,
    };
  });
}
