import type { IncidentView } from '../lifecycle/incident-view.js';
import type { SendPausedInput } from '../notices/render/render-send-paused.js';
import type { MailToEnqueue } from './outbox-store.js';
import type { SendCounts } from './send-store.js';

/**
 * The email that tells an incident's responders (or the configured fallback list) that a send
 * stopped because its messages kept failing. Null when there is no one to tell: the timeline
 * entry is then the alert.
 */
export function sendPausedMail(
  render: (input: SendPausedInput) => { subject: string; text: string },
  incident: IncidentView,
  sendId: string,
  reason: string,
  counts: SendCounts,
  at: string,
  fallbackTo: readonly string[],
): MailToEnqueue | null {
  const to = incident.responders.length > 0 ? incident.responders.map((r) => r.email) : [...fallbackTo];
  if (to.length === 0) return null;
  const { subject, text } = render({ sendId, incident: { title: incident.title, severity: incident.severity }, reason, counts });
  return { kind: 'delivery.paused', incidentId: incident.id, dedupKey: `send-paused:${sendId}:${at}`, to, subject, text, at };
}
