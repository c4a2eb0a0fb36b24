import type { ObligationInput } from './events.js';
import type { ObligationStatus } from './obligation-machine.js';
import { emptyClockFacts, emptyScope, type ClockFacts, type Scope, type Severity } from './scope.js';

export interface Decision {
  reason: string;
  by: string;
  at: string;
}

export interface ApprovedVersion {
  versionId: string;
  contentHash: string;
}

export interface Obligation extends Omit<ObligationInput, 'dueSoonAt'> {
  status: ObligationStatus;
  assessedAt: string;
  dueSoonAt: string | null;
  /** When the due-soon escalation fired while it was still unsettled. */
  dueSoonSince: string | null;
  /** When its due time passed while it was still unsettled. */
  overdueSince: string | null;
  notRequired: Decision | null;
  approvedVersion: ApprovedVersion | null;
  submission: { channel: string; reference: string | null; submittedAt: string; by: string } | null;
}

export interface IncidentContext {
  title: string;
  severity: Severity;
  summary: string;
  detectedAt: string;
  scope: Scope;
  clock: ClockFacts;
  /** Who is told when a deadline comes due soon or passes. */
  responders: Array<{ name: string; email: string }>;
  containment: {
    actions: Array<{ description: string; performedAt: string; by: string }>;
    containedAt: string | null;
  };
  individuals: {
    notRequired: (Decision & { citation: string | null }) | null;
    approvedVersion: ApprovedVersion | null;
    sendId: string | null;
    /** Set while the send in progress is paused (by a person, or after repeated failures). */
    sendPaused: { reason: string; at: string } | null;
  };
  /** One entry per regulator obligation; the regulators track's children. */
  obligations: Obligation[];
  /** When obligations were last assessed; null until the first assessment. */
  obligationsAssessedAt: string | null;
  dismissal: Decision | null;
  review: {
    cause: string;
    lessons: string;
    actions: Array<{ description: string; owner?: string | undefined }>;
    completedAt: string;
    by: string;
  } | null;
  closure: { closedAt: string; by: string; unmetObligationsReason: string | null; unmetObligationIds: string[] } | null;
  reopenings: Decision[];
  /** Monitoring alerts folded into this incident; resolving one is noted, never auto-closing. */
  alerts: Array<{ alertId: string; source: string; title: string; severity: string; linkedAt: string; resolvedAt: string | null }>;
}

export interface IncidentInput {
  title: string;
  severity: Severity;
  summary: string;
  detectedAt: string;
}

export const initialContext = (input: IncidentInput): IncidentContext => ({
  ...input,
  scope: emptyScope(),
  clock: emptyClockFacts(),
  responders: [],
  containment: { actions: [], containedAt: null },
  individuals: { notRequired: null, approvedVersion: null, sendId: null, sendPaused: null },
  obligations: [],
  obligationsAssessedAt: null,
  dismissal: null,
  review: null,
  closure: null,
  reopenings: [],
  alerts: [],
});
