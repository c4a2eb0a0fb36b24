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
      const dueSoonAt = update.dueSoonAt ?? null;
      // A moved due time is a new clock: its escalations may fire again.
      const overdueSince = update.dueAt === o.dueAt ? o.overdueSince : null;
      const dueSoonSince = dueSoonAt === o.dueSoonAt ? o.dueSoonSince : null;
      return { ...o, ...update, dueSoonAt, assessedAt: at, overdueSince, dueSoonSince };
    });
  const known = new Set(existing.map((o) => o.id));
  const added: Obligation[] = assessed
    .filter((o) => !known.has(o.id))
    .map((o) => ({
      ...o,
      status: 'pending',
      assessedAt: at,
      dueSoonAt: o.dueSoonAt ?? null,
      dueSoonSince: null,
      overdueSince: null,
      notRequired: null,
      approvedVersion: null,
      submission: null,
    }));
  return [...kept, ...added];
}

const inputFields = (o: ObligationInput | Obligation) =>
  JSON.stringify([o.id, o.regime, o.jurisdiction, o.recipient, o.authority, o.dueAt, o.dueSoonAt ?? null, o.citation]);

/** Whether folding `assessed` in would change anything: saves an event when the facts did not move a duty. */
export function assessmentChanges(existing: Obligation[], assessed: ObligationInput[]): boolean {
  const current = new Map(existing.map((o) => [o.id, inputFields(o)]));
  const incoming = new Set(assessed.map((o) => o.id));
  return (
    assessed.some((o) => current.get(o.id) !== inputFields(o)) ||
    existing.some((o) => o.status === 'pending' && !incoming.has(o.id))
  );
}
