import { documentData } from './document-data.js';
import type { TemplateRegistry } from './template-registry.js';

/** What a deadline alert says about one duty; built by the scheduler from the incident's context. */
export interface EscalationInput {
  incidentId: string;
  incident: { title: string; severity: string };
  obligation: { regime: string; recipient: string; authority: string; jurisdiction: string; dueAt: string | null; status: string; citation: string };
  overdue: boolean;
}

/**
 * The internal escalation mail as subject and plain text. Unlike notices it never refuses its
 * input: a deadline alert must go out, so line breaks in a title are folded into the subject
 * rather than rejected.
 */
export function renderEscalationMail(registry: TemplateRegistry, input: EscalationInput): { subject: string; text: string } {
  const set = registry.get('internal/escalation');
  if (set === undefined) throw new Error('template set internal/escalation is missing');
  const view = {
    incidentId: input.incidentId,
    incident: input.incident,
    obligation: { ...input.obligation, dueAt: input.obligation.dueAt ?? 'no fixed time' },
    overdue: input.overdue,
    toIndividuals: input.obligation.recipient === 'individuals',
  };
  const rendered = registry.render(set, view, { doc: documentData({ fields: [], values: {}, knownFields: [] }) });
  return { subject: rendered.subject, text: rendered.text };
}
