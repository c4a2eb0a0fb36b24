import type { MailToEnqueue } from '../delivery/outbox-store.js';
import type { IncidentContext, Obligation } from '../lifecycle/incident-context.js';
import { dueSoonDeadlineKey, obligationDeadlineKey } from '../lifecycle/obligation-machine.js';
import type { EscalationInput } from '../notices/render/render-escalation.js';

/**
 * The email that tells an incident's responders a duty is due soon or overdue. Addresses come
 * from the incident's responders, or the configured fallback list when it names none; with
 * neither, there is no one to mail and the timeline entry is the escalation.
 */
export function escalationMail(
  render: (input: EscalationInput) => { subject: string; text: string },
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
  // The wording lives in templates/internal/escalation, with the other templates.
  const { subject, text } = render({ incidentId, incident: { title: context.title, severity: context.severity }, obligation, overdue });
  return {
    kind: overdue ? 'escalation.overdue' : 'escalation.due_soon',
    incidentId,
    // One mail per clock: a corrected due time is a new clock and may escalate again.
    dedupKey: `escalation:${incidentId}:${deadlineKey}:${obligation.dueAt ?? ''}`,
    to,
    subject,
    text,
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
