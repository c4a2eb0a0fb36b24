import type { IncidentContext } from './incident-context.js';
import type { Phase } from './incident-transitions.js';
import { isObligationSettled } from './obligation-status.js';

/**
 * The earliest due time among the incident's unsettled obligations, or null when none has one.
 *
 * Read from the obligations the incident itself tracks (the engine's assessment, recorded on the
 * incident whenever its facts change), with the lifecycle's own rule for "settled". Not from the
 * deadline rows: the scheduler marks a row fired exactly when it becomes overdue, and the rows also
 * hold the due-soon escalations. Not from a fresh assessment either: that recomputes what is stored.
 */
export function nextDueAt(phase: Phase, context: IncidentContext): string | null {
  // A closed incident's unmet duties were explained when it closed; no clock runs for it any more.
  if (phase === 'closed') return null;
  const due = context.obligations
    .filter((o) => o.dueAt !== null && !isObligationSettled(context, o))
    .map((o) => o.dueAt!)
    .sort();
  return due[0] ?? null;
}
