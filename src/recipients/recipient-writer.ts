import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { reportsLastInsertId } from '../db/concurrency.js';
import { BulkInsert } from './bulk-insert.js';
import { RECIPIENT_VALUES, type CheckedBatch, type Rejection } from './checked-batch.js';

const DUPLICATE = 'duplicate: the email (trimmed, lower-case) is already a recipient of this incident';

const recipientInsert = new BulkInsert(
  ['incidentId', 'importId', 'emailKey', 'email', 'name', 'locale', 'jurisdiction', 'custom'] as const,
  (db, rows) =>
    db
      .insertInto('recipients')
      .values(rows)
      // The unique (incident, email key) folds duplicates: a row whose key is taken is skipped.
      .onConflict((oc) => oc.columns(['incidentId', 'emailKey']).doNothing())
      // Without a last-insert id to find a statement's rows by, it says which keys it took.
      .$if(!reportsLastInsertId(db), (qb) => qb.returning('emailKey') as never),
);
const RECIPIENT_COLUMNS = 2 + RECIPIENT_VALUES; // incidentId, importId, then the row's values

const rejectionInsert = new BulkInsert(['importId', 'row', 'reason', 'email'] as const, (db, rows) => db.insertInto('recipientRejections').values(rows as never));

/**
 * Writes one import's batches, each inside the caller's transaction: recipients first, in file
 * order, so the first of several rows with one email wins; the later ones become rejections with
 * the reason "duplicate", in row order with the batch's other rejections.
 *
 * Duplicates are found without `returning` on SQLite (where it cost a third of the insert): a
 * statement that inserted all its rows had none, and only one that skipped some reads back which
 * keys it took. PostgreSQL has no last-insert id to read them back by, so there the insert returns them.
 */
export class RecipientWriter {
  /** The highest recipients.id this import has inserted: its rows above it are the last statement's. */
  private lastId = 0;

  constructor(
    private readonly incidentId: string,
    private readonly importId: string,
  ) {}

  async write(trx: Kysely<Database>, batch: CheckedBatch): Promise<{ accepted: number; duplicates: number }> {
    const duplicates: Rejection[] = [];
    const count = batch.rows.length;
    for (let first = 0; first < count; first += BulkInsert.CHUNK) {
      const rows = Math.min(BulkInsert.CHUNK, count - first);
      const result = await recipientInsert.run(trx, this.parameters(batch.values, first, rows), rows);
      const inserted = Number(result.numAffectedRows ?? 0);
      if (inserted < rows) {
        const taken = reportsLastInsertId(trx) ? await this.takenByLast(trx, inserted) : (result.rows as Array<{ emailKey: string }>);
        duplicates.push(...this.skipped(batch, first, rows, taken));
      }
      // SQLite: ids only grow (AUTOINCREMENT), and this is the id of the statement's last inserted row.
      if (inserted > 0 && reportsLastInsertId(trx)) this.lastId = Number(result.insertId);
    }
    const rejections = duplicates.length === 0 ? batch.rejections : [...batch.rejections, ...duplicates].sort((a, b) => a.row - b.row);
    await rejectionInsert.runAll(trx, rejections.flatMap((r) => [this.importId, r.row, r.reason, r.email]), rejections.length);
    return { accepted: count - duplicates.length, duplicates: duplicates.length };
  }

  /** SQLite: the keys the last statement inserted, read back as this import's rows above the last id. */
  private async takenByLast(trx: Kysely<Database>, inserted: number): Promise<Array<{ emailKey: string }>> {
    if (inserted === 0) return [];
    return trx.selectFrom('recipients').select('emailKey').where('importId', '=', this.importId).where('id', '>', this.lastId).execute();
  }

  /** The rows a statement skipped: those whose key is not among the keys it inserted. */
  private skipped(batch: CheckedBatch, first: number, rows: number, taken: Array<{ emailKey: string }>): Rejection[] {
    const claimable = new Set(taken.map((row) => row.emailKey));
    const skipped: Rejection[] = [];
    for (let i = first; i < first + rows; i++) {
      const at = i * RECIPIENT_VALUES;
      // Delete as claimed: a second row with the same key in this statement is then a duplicate too.
      if (!claimable.delete(batch.values[at] as string)) skipped.push({ row: batch.rows[i]!, reason: DUPLICATE, email: batch.values[at + 1] as string });
    }
    return skipped;
  }

  /** The statement's values: each row's own behind the import's two ids. */
  private parameters(values: CheckedBatch['values'], first: number, rows: number): unknown[] {
    const parameters = new Array<unknown>(rows * RECIPIENT_COLUMNS);
    let p = 0;
    for (let v = first * RECIPIENT_VALUES; p < parameters.length; ) {
      parameters[p++] = this.incidentId;
      parameters[p++] = this.importId;
      for (let k = 0; k < RECIPIENT_VALUES; k++) parameters[p++] = values[v++];
    }
    return parameters;
  }
}
