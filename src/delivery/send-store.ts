import type { Kysely } from 'kysely';
import { equalsUnindexed } from '../db/row-id-range.js';
import type { Database } from '../db/tables.js';
import { NotFoundError } from '../errors.js';
import type { SendRow, SendStatus } from './delivery-tables.js';

/**
 * Where a send's messages stand. `total` leaves out recipients an earlier send of the same words
 * already reached; `pending` includes recipients whose rows are not created yet (for a cancelled
 * send: what will now not be sent).
 */
export interface SendCounts {
  total: number;
  sent: number;
  failed: number;
  pending: number;
}

export async function findSend(db: Kysely<Database>, sendId: string): Promise<SendRow> {
  const row = await db.selectFrom('deliverySends').selectAll().where('id', '=', sendId).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`no send ${sendId}`);
  return row;
}

export const sendsOf = (db: Kysely<Database>, incidentId: string): Promise<SendRow[]> =>
  db.selectFrom('deliverySends').selectAll().where('incidentId', '=', incidentId).orderBy('createdAt').orderBy('id').execute();

/** Sends the worker has something to do for: running ones, and paused ones still being prepared. */
export const activeSends = (db: Kysely<Database>): Promise<SendRow[]> =>
  db.selectFrom('deliverySends').selectAll().where('status', 'in', ['running', 'paused']).orderBy('createdAt').execute();

/** Moves a send from one of `from` to `to`; false when another writer moved it first. */
export async function moveSend(
  db: Kysely<Database>,
  sendId: string,
  from: readonly SendStatus[],
  change: { status: SendStatus; statusReason: string | null; finalCounts?: SendCounts; finishedAt?: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('deliverySends')
    .set({
      status: change.status,
      statusReason: change.statusReason,
      updatedAt: at,
      ...(change.finalCounts === undefined ? {} : { finalCounts: JSON.stringify(change.finalCounts) }),
      ...(change.finishedAt === undefined ? {} : { finishedAt: change.finishedAt }),
    })
    .where('id', '=', sendId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Counts from the rows (read through the claim index, never the rows themselves). */
export async function countSend(db: Kysely<Database>, send: SendRow): Promise<SendCounts> {
  const byStatus = await db
    .selectFrom('deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('sendId', '=', send.id)
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(byStatus.find((row) => row.status === status)?.n ?? 0);
  const unprepared =
    send.preparedThrough >= send.recipientsUpTo
      ? 0
      : Number(
          (
            await db
              .selectFrom('recipients')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where(equalsUnindexed('incidentId', send.incidentId))
              .where('id', '>', send.preparedThrough)
              .where('id', '<=', send.recipientsUpTo)
              .executeTakeFirstOrThrow()
          ).n,
        );
  const [sent, failed, pending] = [of('sent'), of('failed'), of('pending') + unprepared];
  return { total: sent + failed + pending, sent, failed, pending };
}

/** Messages the server accepted since `since`: the recent rate. */
export async function sentSince(db: Kysely<Database>, sendId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sendId', '=', sendId)
    .where('sentAt', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when the send has a row still to go, now or after a retry wait. */
export async function hasPending(db: Kysely<Database>, sendId: string): Promise<boolean> {
  const row = await db.selectFrom('deliveries').select('id').where('sendId', '=', sendId).where('status', '=', 'pending').limit(1).executeTakeFirst();
  return row !== undefined;
}
