import type { IncidentView } from '../../lifecycle/incident-view.js';
import { isObligationSettled } from '../../lifecycle/obligation-status.js';

/**
 * The earliest due time among the incident's unsettled obligations, or null when none has one.
 *
 * Read from the obligations the incident itself tracks (the engine's assessment, recorded on the
 * incident whenever its facts change), with the lifecycle's own rule for "settled". The two other
 * sources would be wrong or wasteful here: `pendingDeadlines` loses a due time once the scheduler
 * fires it (exactly when it is overdue) and mixes in the due-soon escalations; and
 * `ObligationsService.forIncident` runs the whole regime assessment again (about 1 ms each, 50 per
 * list page) to recompute due times the incident already holds.
 */
export function nextDeadline(incident: IncidentView): string | null {
  // A closed incident's unmet duties were explained when it closed; no clock runs for it any more.
  if (incident.phase === 'closed') return null;
  const due = incident.obligations
    .filter((o) => o.dueAt !== null && !isObligationSettled(incident, o))
    .map((o) => o.dueAt!)
    .sort();
  return due[0] ?? null;
}
