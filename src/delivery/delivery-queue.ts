import { sql, type Kysely } from 'kysely';
import { skippingLockedRows } from '../db/concurrency.js';
import { equalsUnindexed } from '../db/row-id-range.js';
import { statementTemplate } from '../db/statement-template.js';
import type { Database } from '../db/tables.js';
import type { SendRow } from './delivery-tables.js';

/** A claimed delivery with what its message needs from the recipient. */
export interface ClaimedDelivery {
  id: number;
  sendId: string;
  messageId: string;
  attempts: number;
  email: string;
  name: string | null;
  locale: string | null;
  jurisdiction: string | null;
  custom: Record<string, string>;
}

/**
 * Creates the delivery rows of the next slice of a send's recipients (ids after `preparedThrough`)
 * and advances `preparedThrough`, in one transaction: a crash repeats at most the slice, and the
 * unique Message-ID makes the repeat a no-op. A recipient whose message (same version) is still
 * pending under an earlier, cancelled send is taken over; one already sent or failed is left alone,
 * so each recipient gets the words once.
 */
export async function prepareSlice(db: Kysely<Database>, send: SendRow, domain: string, sliceSize: number, at: string): Promise<void> {
  if (send.preparedThrough >= send.recipientsUpTo) return;
  await db.transaction().execute(async (trx) => {
    // A slice is a range of row ids (other incidents' rows in it are skipped below).
    const window = trx
      .selectFrom('recipients')
      .select('id')
      .where('id', '>', send.preparedThrough)
      .where('id', '<=', send.recipientsUpTo)
      .orderBy('id')
      .limit(sliceSize);
    const last = await trx.selectFrom(window.as('slice')).select((eb) => eb.fn.max('slice.id').as('last')).executeTakeFirst();
    const through = last?.last ?? send.recipientsUpTo;
    const claimed = await trx
      .updateTable('deliverySends')
      .set({ preparedThrough: through, updatedAt: at })
      .where('id', '=', send.id)
      .where('preparedThrough', '=', send.preparedThrough)
      .executeTakeFirst();
    // Another pass (or instance) prepared this slice first.
    if (claimed.numUpdatedRows !== 1n) return;
    const messageId = sql<string>`'<notice.' || ${send.versionId} || '.' || recipients.id || '@' || ${domain} || '>'`;
    await trx
      .insertInto('deliveries')
      .columns(['sendId', 'recipientId', 'messageId', 'status', 'attempts', 'nextAttemptAt'])
      .expression((eb) =>
        eb
          .selectFrom('recipients')
          .innerJoin('recipientImports', 'recipientImports.id', 'recipients.importId')
          .select([
            eb.val(send.id).as('sendId'),
            'recipients.id as recipientId',
            messageId.as('messageId'),
            eb.val('pending').as('status'),
            eb.val(0).as('attempts'),
            eb.val(at).as('nextAttemptAt'),
          ])
          .where(equalsUnindexed('recipients.incidentId', send.incidentId))
          .where('recipients.id', '>', send.preparedThrough)
          .where('recipients.id', '<=', through)
          .where('recipientImports.status', '=', 'complete'),
      )
      .onConflict((oc) =>
        oc
          .column('messageId')
          .doUpdateSet((eb) => ({ sendId: eb.ref('excluded.sendId'), nextAttemptAt: eb.ref('excluded.nextAttemptAt') }))
          .where('deliveries.status', '=', 'pending'),
      )
      .execute();
  });
}

/**
 * Leases up to `limit` due rows of one running send to this worker until `leaseUntil`: until then
 * no other pass or instance picks them up. A paused or cancelled send yields nothing, so a pause
 * takes effect at the next claim.
 */
export async function claimDeliveries(db: Kysely<Database>, sendId: string, now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> {
  const claimed = await db.transaction().execute(async (trx) => {
    const candidates = trx
      .selectFrom('deliveries')
      .select('id')
      .where('sendId', '=', sendId)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', now)]))
      .where((eb) => eb.exists(eb.selectFrom('deliverySends').select('id').where('id', '=', sendId).where('status', '=', 'running')))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit);
    // Several instances claim at once: each takes rows no other has locked.
    const due = skippingLockedRows(trx, candidates);
    return trx
      .updateTable('deliveries')
      .set((eb) => ({ leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due)
      .returning(['id', 'recipientId', 'messageId', 'attempts'])
      .execute();
  });
  if (claimed.length === 0) return [];
  const people = await db
    .selectFrom('recipients')
    .select(['id', 'email', 'name', 'locale', 'jurisdiction', 'custom'])
    .where('id', 'in', claimed.map((row) => row.recipientId))
    .execute();
  const byId = new Map(people.map((person) => [person.id, person]));
  return claimed.flatMap((row) => {
    const person = byId.get(row.recipientId);
    // Recipients are deleted only after their incident ends, when no send is running.
    if (person === undefined) return [];
    const custom = JSON.parse(person.custom) as Record<string, string>;
    return [{ id: row.id, sendId, messageId: row.messageId, attempts: row.attempts, email: person.email, name: person.name, locale: person.locale, jurisdiction: person.jurisdiction, custom }];
  });
}

/**
 * What happened to one message, written once per message and so compiled once per database
 * (statement-template.ts). An acceptance is committed in the same turn of the event loop that
 * heard it, together with the others of that turn: one WAL commit for many rows, and the window
 * between the server's acceptance and our record of it stays that short (README "Exactly once").
 */
export function deliveryOutcomes(db: Kysely<Database>) {
  const sent = statementTemplate(['id', 'response', 'at'], (v) =>
    db
      .updateTable('deliveries')
      .set({ status: sql<'sent'>`'sent'`, response: v.response, sentAt: v.at, leaseUntil: sql<null>`null` })
      .where('id', '=', sql<number>`${v.id}`),
  );
  const retry = statementTemplate(['id', 'error', 'nextAttemptAt'], (v) =>
    db
      .updateTable('deliveries')
      .set({ error: v.error, nextAttemptAt: v.nextAttemptAt, leaseUntil: sql<null>`null` })
      .where('id', '=', sql<number>`${v.id}`),
  );
  const failed = statementTemplate(['id', 'error'], (v) =>
    db
      .updateTable('deliveries')
      .set({ status: sql<'failed'>`'failed'`, error: v.error, leaseUntil: sql<null>`null` })
      .where('id', '=', sql<number>`${v.id}`),
  );
  // Acceptances that arrive in the same turn of the event loop commit together. Each caller still
  // waits for the commit, so a message is never counted done (nor its slot freed) before it is recorded.
  let accepted: Array<{ id: number; response: string; at: string; settle: (error: unknown) => void }> = [];
  const commitAccepted = async () => {
    const batch = accepted;
    accepted = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const row of batch) await trx.executeQuery(sent(row));
      });
      for (const row of batch) row.settle(null);
    } catch (error) {
      for (const row of batch) row.settle(error);
    }
  };
  return {
    sent: (id: number, response: string, at: string) =>
      new Promise<void>((resolve, reject) => {
        accepted.push({ id, response: response.slice(0, 1000), at, settle: (error) => (error === null ? resolve() : reject(error)) });
        if (accepted.length === 1) setImmediate(() => void commitAccepted());
      }),
    retry: (id: number, error: string, nextAttemptAt: string) => db.executeQuery(retry({ id, error: error.slice(0, 1000), nextAttemptAt })),
    failed: (id: number, error: string) => db.executeQuery(failed({ id, error: error.slice(0, 1000) })),
    /** Gives claimed rows back unsent (the worker is stopping), so the next pass takes them at once. */
    release: (ids: number[]) =>
      ids.length === 0 ? Promise.resolve() : db.updateTable('deliveries').set({ leaseUntil: null }).where('id', 'in', ids).where('status', '=', 'pending').execute(),
  };
}

export type DeliveryOutcomes = ReturnType<typeof deliveryOutcomes>;
