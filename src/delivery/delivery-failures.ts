import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { InvalidInputError } from '../errors.js';
import { findSend } from './send-store.js';

export interface FailureView {
  email: string;
  messageId: string;
  attempts: number;
  error: string | null;
}

const CURSOR = /^[1-9]\d{0,15}$/;

/** Who did not get the notice and why: the list a team works through for substitute notice. */
export class DeliveryFailures {
  constructor(private readonly db: Kysely<Database>) {}

  async list(sendId: string, limit: number, cursor: string | undefined): Promise<{ items: FailureView[]; nextCursor: string | null }> {
    await findSend(this.db, sendId);
    const after = cursor === undefined ? 0 : Number(CURSOR.test(cursor) ? cursor : NaN);
    if (Number.isNaN(after)) throw new InvalidInputError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this server issued' }]);
    const rows = await this.db
      .selectFrom('deliveries')
      .innerJoin('recipients', 'recipients.id', 'deliveries.recipientId')
      .select(['deliveries.id', 'recipients.email', 'deliveries.messageId', 'deliveries.attempts', 'deliveries.error'])
      .where('deliveries.sendId', '=', sendId)
      .where('deliveries.status', '=', 'failed')
      .where('deliveries.id', '>', after)
      .orderBy('deliveries.id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ id: _id, ...row }) => row),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    };
  }
}
