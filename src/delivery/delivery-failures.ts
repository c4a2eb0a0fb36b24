import type { Kysely } from 'kysely';
import { afterRowId, rowIdPage } from '../db/keyset-page.js';
import type { Database } from '../db/tables.js';
import { findSend } from './send-store.js';

export interface FailureView {
  email: string;
  messageId: string;
  attempts: number;
  error: string | null;
}

/** Who did not get the notice and why: the list a team works through for substitute notice. */
export class DeliveryFailures {
  constructor(private readonly db: Kysely<Database>) {}

  async list(sendId: string, limit: number, cursor: string | undefined): Promise<{ items: FailureView[]; nextCursor: string | null }> {
    await findSend(this.db, sendId);
    const after = afterRowId(cursor);
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
    const { page, nextCursor } = rowIdPage(rows, limit);
    return { items: page.map(({ id: _id, ...row }) => row), nextCursor };
  }
}
