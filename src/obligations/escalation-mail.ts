import type { MailToEnqueue } from '../delivery/outbox-store.js';
import type { IncidentContext, Obligation } from '../lifecycle/incident-context.js';
import { dueSoonDeadlineKey, obligationDeadlineKey } from '../lifecycle/obligation-machine.js';

/**
 * The email that tells an incident's responders a duty is due soon or overdue. Addresses come
 * from the incident's responders, or the configured fallback list when it names none; with
 * neither, there is no one to mail and the timeline entry is the escalation.
 */
export function escalationMail(
  incidentId: string,
  context: IncidentContext,
  deadlineKey: string,
  at: string,
  fallbackTo: readonly string[],
): MailToEnqueue | null {
  const match = findObligation(context.obligations, deadlineKey);
  const to = context.responders.length > 0 ? context.responders.map((r) => r.email) : [...fallbackTo];
  if (match === null || to.length === 0) return null;
  const { obligation, overdue } = match;
  const state = overdue ? 'OVERDUE' : 'Due soon';
  const lines = [
    `${state}: ${obligation.regime} duty to ${obligation.recipient === 'individuals' ? 'notify individuals' : `report to ${obligation.authority}`} (${obligation.jurisdiction}).`,
    '',
    `Incident: ${context.title} (severity ${context.severity})`,
    `Due at: ${obligation.dueAt ?? 'no fixed time'} (UTC)`,
    `Status: ${obligation.status}`,
    `Citation: ${obligation.citation}`,
    '',
    overdue
      ? 'The due time has passed and the duty is not settled. Submit the report, or have legal record why it is not required.'
      : 'Most of the time to act has gone. Draft, review and approve the notice now.',
    '',
    `Obligations: /api/v1/incidents/${incidentId}/obligations`,
  ];
  return {
    kind: overdue ? 'escalation.overdue' : 'escalation.due_soon',
    incidentId,
    // One mail per clock: a corrected due time is a new clock and may escalate again.
    dedupKey: `escalation:${incidentId}:${deadlineKey}:${obligation.dueAt ?? ''}`,
    to,
    subject: `[Breachline] ${state}: ${obligation.regime} ${obligation.recipient} (${obligation.jurisdiction}) - ${context.title}`,
    text: lines.join('\n'),
    at,
  };
}

function findObligation(obligations: Obligation[], key: string): { obligation: Obligation; overdue: boolean } | null {
  for (const obligation of obligations) {
    if (obligationDeadlineKey(obligation.id) === key) return { obligation, overdue: true };
    if (dueSoonDeadlineKey(obligation.id) === key) return { obligation, overdue: false };
  }
  return null;
}
