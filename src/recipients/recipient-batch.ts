import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { BulkInsert } from './bulk-insert.js';
import type { Recipient } from './recipient-row.js';

export interface Rejection {
  row: number;
  reason: string;
  email: string;
}

const DUPLICATE = 'duplicate: the email (trimmed, lower-case) is already a recipient of this incident';

const recipientInsert = new BulkInsert(
  ['incidentId', 'importId', 'emailKey', 'email', 'name', 'locale', 'jurisdiction', 'custom'] as const,
  (db, rows) =>
    db
      .insertInto('recipients')
      .values(rows)
      // The unique (incident, email key) folds duplicates: only rows that were inserted come back.
      .onConflict((oc) => oc.columns(['incidentId', 'emailKey']).doNothing())
      .returning('emailKey'),
);

const rejectionInsert = new BulkInsert(['importId', 'row', 'reason', 'email'] as const, (db, rows) =>
  db.insertInto('recipientRejections').values(rows as never),
);

/**
 * Writes one batch of rows (called inside a transaction): recipients first, in file order, so the
 * first of several rows with one email wins; the later ones become rejections with the reason
 * "duplicate". Returns how many were accepted and how many were duplicates.
 */
export async function writeBatch(
  trx: Kysely<Database>,
  incidentId: string,
  importId: string,
  recipients: ReadonlyArray<{ row: number; recipient: Recipient }>,
  rejections: Rejection[],
): Promise<{ accepted: number; duplicates: number }> {
  const values = recipients.map(({ recipient: r }) => [incidentId, importId, r.emailKey, r.email, r.name, r.locale, r.jurisdiction, r.custom]);
  const inserted = new Set((await recipientInsert.run<{ emailKey: string }>(trx, values)).map((row) => row.emailKey));
  let duplicates = 0;
  for (const { row, recipient } of recipients) {
    // Delete as claimed: a second row with the same key in this batch is then a duplicate too.
    if (!inserted.delete(recipient.emailKey)) {
      duplicates += 1;
      rejections.push({ row, reason: DUPLICATE, email: recipient.email });
    }
  }
  rejections.sort((a, b) => a.row - b.row);
  await rejectionInsert.run(trx, rejections.map((r) => [importId, r.row, r.reason, r.email]));
  return { accepted: recipients.length - duplicates, duplicates };
}
