import { documentData } from './document-data.js';
import type { TemplateRegistry } from './template-registry.js';

/** What the paused-send alert says; delivery fills it in when a send stops on repeated failures. */
export interface SendPausedInput {
  sendId: string;
  incident: { title: string; severity: string };
  reason: string;
  counts: { total: number; sent: number; failed: number; pending: number };
}

/**
 * The internal "sending paused" mail as subject and plain text. Like the escalation mail it never
 * refuses its input: responders must hear that notices stopped going out.
 */
export function renderSendPausedMail(registry: TemplateRegistry, input: SendPausedInput): { subject: string; text: string } {
  const set = registry.get('internal/send-paused');
  if (set === undefined) throw new Error('template set internal/send-paused is missing');
  const rendered = registry.render(set, input, { doc: documentData({ fields: [], values: {}, knownFields: [] }) });
  return { subject: rendered.subject, text: rendered.text };
}
