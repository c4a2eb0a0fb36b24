import type { ObligationInput } from './events.js';
import type { Obligation } from './incident-context.js';

/**
 * Folds a new assessment into the obligations already known. A re-assessment (new scope, new clock
 * facts) must not undo work: an obligation someone has started on keeps its status and history and
 * only takes the new due time and wording; an untouched (pending) one that no longer applies is
 * dropped; new ones start pending. Work started on an obligation the new assessment no longer lists
 * stays, for legal to settle (report it anyway, or record why not).
 */
export function mergeAssessment(existing: Obligation[], assessed: ObligationInput[], at: string): Obligation[] {
  const incoming = new Map(assessed.map((o) => [o.id, o]));
  const kept = existing
    .filter((o) => incoming.has(o.id) || o.status !== 'pending')
    .map((o) => {
      const update = incoming.get(o.id);
      if (update === undefined) return o;
      const overdueSince = update.dueAt === o.dueAt ? o.overdueSince : null;
      return { ...o, ...update, assessedAt: at, overdueSince };
    });
  const known = new Set(existing.map((o) => o.id));
  const added: Obligation[] = assessed
    .filter((o) => !known.has(o.id))
    .map((o) => ({
      ...o,
      status: 'pending',
      assessedAt: at,
      overdueSince: null,
      notRequired: null,
      approvedVersion: null,
      submission: null,
    }));
  return [...kept, ...added];
}
