import { setup, transition } from 'xstate';
import type { IncidentEventOf } from './events.js';

/**
 * The lifecycle of one regulator obligation (one child of the regulators track). Obligations are
 * decided at run time, so they cannot be static states of the incident machine; each keeps its own
 * state value in the incident's context and is stepped with this machine through xstate's pure
 * `transition()`, so the rules stay declared in one place and persisted as plain data.
 */
type ObligationEvent = IncidentEventOf<
  | 'REPORT_DRAFT_STARTED'
  | 'REPORT_SUBMITTED_FOR_REVIEW'
  | 'REPORT_CHANGES_REQUESTED'
  | 'REPORT_APPROVED'
  | 'REPORT_EDITED'
  | 'REPORT_SUBMITTED'
  | 'OBLIGATION_NOT_REQUIRED'
>;
export type ObligationEventType = ObligationEvent['type'];

export const obligationMachine = setup({ types: { events: {} as ObligationEvent } }).createMachine({
  id: 'obligation',
  initial: 'pending',
  states: {
    pending: { on: { REPORT_DRAFT_STARTED: 'drafting', OBLIGATION_NOT_REQUIRED: 'not_required' } },
    drafting: { on: { REPORT_SUBMITTED_FOR_REVIEW: 'in_review', OBLIGATION_NOT_REQUIRED: 'not_required' } },
    in_review: {
      on: { REPORT_CHANGES_REQUESTED: 'drafting', REPORT_APPROVED: 'approved', REPORT_EDITED: 'drafting' },
    },
    // Only an approved report can be submitted; an edit voids the approval.
    approved: { on: { REPORT_SUBMITTED: 'submitted', REPORT_EDITED: 'drafting' } },
    submitted: { type: 'final' },
    not_required: { type: 'final' },
  },
});

export type ObligationStatus = 'pending' | 'drafting' | 'in_review' | 'approved' | 'submitted' | 'not_required';
export const OBLIGATION_EVENT_TYPES: readonly ObligationEventType[] = [
  'REPORT_DRAFT_STARTED',
  'REPORT_SUBMITTED_FOR_REVIEW',
  'REPORT_CHANGES_REQUESTED',
  'REPORT_APPROVED',
  'REPORT_EDITED',
  'REPORT_SUBMITTED',
  'OBLIGATION_NOT_REQUIRED',
];

/** Settled obligations need no more work: reported, or judged not to apply. */
export const isSettled = (status: ObligationStatus): boolean => status === 'submitted' || status === 'not_required';

/** The deadline row keys of an obligation: its due time, and the due-soon escalation before it. */
export const obligationDeadlineKey = (obligationId: string): string => `obligation:${obligationId}`;
export const dueSoonDeadlineKey = (obligationId: string): string => `obligation:${obligationId}:due-soon`;

const restore = (status: ObligationStatus) => obligationMachine.resolveState({ value: status, context: {} });

/** The status after `event`, or null when an obligation in `status` does not accept it. */
export function nextObligationStatus(status: ObligationStatus, event: ObligationEvent): ObligationStatus | null {
  const snapshot = restore(status);
  if (!snapshot.can(event)) return null;
  const [next] = transition(obligationMachine, snapshot, event);
  return next.value as ObligationStatus;
}

/** Event types an obligation in `status` accepts. */
export function obligationAcceptedEvents(status: ObligationStatus): ObligationEventType[] {
  const snapshot = restore(status);
  // No guards here, so the event type alone decides.
  return OBLIGATION_EVENT_TYPES.filter((type) => snapshot.can({ type } as ObligationEvent));
}
