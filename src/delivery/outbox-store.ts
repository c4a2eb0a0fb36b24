import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { skippingLockedRows } from '../db/concurrency.js';
import type { Database } from '../db/tables.js';
import type { OutboxRow } from './outbox-tables.js';

export interface MailToEnqueue {
  kind: string;
  incidentId: string | null;
  dedupKey: string;
  to: string[];
  subject: string;
  text: string;
  html?: string | null;
  /** A Message-ID the caller derives, so a resend is recognisably the same message; unset: a fresh one. */
  messageId?: string;
  /** What the kind's hooks need to act on the row; stored as JSON. */
  meta?: Record<string, unknown>;
  at: string;
}

/**
 * Queues a message inside the caller's transaction: it is sent only if that transaction commits,
 * and at most once per dedup key however often the transaction is retried. Returns false when the
 * dedup key was already queued (nothing new was written).
 */
export async function enqueueMail(trx: Kysely<Database>, mail: MailToEnqueue): Promise<boolean> {
  const id = randomUUID();
  const result = await trx
    .insertInto('outbox')
    .values({
      id,
      kind: mail.kind,
      incidentId: mail.incidentId,
      dedupKey: mail.dedupKey,
      messageId: mail.messageId ?? `<${id}@breachline.local>`,
      recipients: JSON.stringify(mail.to),
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
      meta: mail.meta === undefined ? null : JSON.stringify(mail.meta),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: mail.at,
      lastError: null,
      serverResponse: null,
      leaseUntil: null,
      createdAt: mail.at,
      sentAt: null,
    })
    .onConflict((oc) => oc.column('dedupKey').doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

/** An incident's messages of one kind, oldest first. */
export async function mailOf(db: Kysely<Database>, incidentId: string, kind: string): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('incidentId', '=', incidentId).where('kind', '=', kind).orderBy('createdAt').orderBy('id').execute();
}

/** Takes up to `limit` due messages for `leaseMs`: until then no other pass picks them up. */
export async function claimDueMail(db: Kysely<Database>, now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return db.transaction().execute(async (trx) => {
    const candidates = trx
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', at)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', at)]))
      .orderBy('nextAttemptAt')
      .limit(limit);
    // Several instances claim at once: each takes rows no other has locked.
    const due = await skippingLockedRows(trx, candidates).execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set({ leaseUntil })
      .where('id', 'in', due.map((row) => row.id))
      .returningAll()
      .execute();
  });
}

export async function markSent(db: Kysely<Database>, id: string, response: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sent', sentAt: at, serverResponse: response.slice(0, 1000), attempts: eb('attempts', '+', 1), leaseUntil: null }))
    .where('id', '=', id)
    .execute();
}

/** Never sent: its kind's check found it should not go out any more; the reason shows as its error. */
export async function markWithdrawn(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'failed', lastError: `withdrawn before sending: ${reason}`.slice(0, 1000), leaseUntil: null })
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(
  db: Kysely<Database>,
  row: OutboxRow,
  error: string,
  next: { retryAt: string } | { giveUp: true },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      attempts: row.attempts + 1,
      lastError: error.slice(0, 1000),
      leaseUntil: null,
      ...('giveUp' in next ? { status: 'failed' as const } : { nextAttemptAt: next.retryAt }),
    })
    .where('id', '=', row.id)
    .execute();
}
