import type { Kysely } from 'kysely';
import type { Database, DeadlineRow } from '../db/tables.js';
import type { PlannedDeadline } from './deadline-plan.js';

/**
 * Makes an incident's deadline rows match its plan, inside the transaction that changed the
 * incident: new keys are armed, moved due times re-arm (also a fired row, when the due time was
 * corrected), and pending rows the plan no longer has are cancelled. Fired rows stay as history.
 */
export async function reconcileDeadlines(
  trx: Kysely<Database>,
  incidentId: string,
  planned: PlannedDeadline[],
  now: string,
): Promise<void> {
  const existing = await trx.selectFrom('deadlines').selectAll().where('incidentId', '=', incidentId).execute();
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const plannedKeys = new Set(planned.map((p) => p.key));

  for (const { key, dueAt } of planned) {
    const row = byKey.get(key);
    if (row === undefined) {
      await trx
        .insertInto('deadlines')
        .values({ incidentId, key, dueAt, status: 'pending', firedAt: null, note: null, createdAt: now, updatedAt: now })
        .execute();
    } else if (row.dueAt !== dueAt || row.status === 'cancelled') {
      await trx
        .updateTable('deadlines')
        .set({ dueAt, status: 'pending', firedAt: null, note: null, updatedAt: now })
        .where('id', '=', row.id)
        .execute();
    }
  }
  const obsolete = existing.filter((row) => row.status === 'pending' && !plannedKeys.has(row.key)).map((row) => row.id);
  if (obsolete.length > 0) {
    await trx
      .updateTable('deadlines')
      .set({ status: 'cancelled', note: 'no longer applies', updatedAt: now })
      .where('id', 'in', obsolete)
      .execute();
  }
}

export function pendingDeadlines(db: Kysely<Database>, incidentId: string): Promise<DeadlineRow[]> {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('incidentId', '=', incidentId)
    .where('status', '=', 'pending')
    .orderBy('dueAt')
    .orderBy('key')
    .execute();
}

export function dueDeadlines(db: Kysely<Database>, now: string, limit: number): Promise<DeadlineRow[]> {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('status', '=', 'pending')
    .where('dueAt', '<=', now)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes a due row for firing; false when another worker fired or cancelled it first. */
export async function claimDeadline(trx: Kysely<Database>, row: DeadlineRow, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('deadlines')
    .set({ status: 'fired', firedAt: now, updatedAt: now })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('dueAt', '=', row.dueAt)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function cancelDeadline(trx: Kysely<Database>, id: number, note: string, now: string): Promise<void> {
  await trx.updateTable('deadlines').set({ status: 'cancelled', note, updatedAt: now }).where('id', '=', id).execute();
}
