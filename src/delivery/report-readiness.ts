import { NotFoundError } from '../errors.js';
import type { IncidentView } from '../lifecycle/incident-view.js';

export type TrackedObligation = IncidentView['obligations'][number];

/** The report cannot be exported or submitted now; the message says why and what would unblock it. */
export class ReportNotReadyError extends Error {
  override name = 'ReportNotReadyError';
}

/** What the caller wants to do with the report: export works after submission too, submitting does not. */
export type ReportUse = 'export' | 'submit';

/** The incident's obligation that a report answers; a duty to individuals has none. */
export function reportObligation(incident: IncidentView, obligationId: string): TrackedObligation {
  const obligation = incident.obligations.find((o) => o.id === obligationId);
  if (obligation === undefined) throw new NotFoundError(`obligation "${obligationId}" is not one of incident ${incident.id}'s obligations`);
  if (obligation.recipient === 'individuals') {
    throw new ReportNotReadyError(`obligation "${obligationId}" is owed to individuals: the notice to individuals settles it, not a report`);
  }
  return obligation;
}

/**
 * Why the obligation's state refuses this use, or null when it allows it. `approvedBefore` tells
 * a report that was never approved from one whose approval an edit voided.
 */
export function stateRefusal(obligation: TrackedObligation, use: ReportUse, approvedBefore: boolean): string | null {
  const subject = `the report for ${obligation.id}`;
  switch (obligation.status) {
    case 'approved':
      return null;
    case 'submitted': {
      if (use === 'export') return null;
      const submission = obligation.submission;
      const how = submission === null ? '' : ` by ${submission.channel}${submission.reference === null ? '' : ` (reference ${submission.reference})`} at ${submission.submittedAt}`;
      return `${subject} was already submitted${how}`;
    }
    case 'pending':
      return `no report has been drafted for ${obligation.id} yet: draft it with POST /api/v1/incidents/{id}/notices, then have legal approve it`;
    case 'drafting':
      return approvedBefore
        ? `${subject} was edited after legal approved it, which voided the approval: the new version needs review and approval`
        : `${subject} is still a draft: submit it for review and have legal approve it`;
    case 'in_review':
      return approvedBefore
        ? `${subject} was edited after approval and the new version is waiting for legal's approval`
        : `${subject} is waiting for legal's approval`;
    case 'not_required':
      return `legal recorded that ${obligation.id} does not apply: there is no report to submit`;
  }
}

/** The lifecycle says approved, yet the notices domain has no sendable version: the words changed since. */
export const versionRefusal = (obligation: TrackedObligation): string =>
  `the newest version of the report for ${obligation.id} is not the one legal approved, or its words no longer match the approved hash: have it reviewed and approved again`;
