import type { Kysely, Migration } from 'kysely';
import { withIdColumn } from '../migration-columns.js';

/** Sends of an approved notice to individuals, and one delivery row per recipient of each. */
export const deliveriesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('delivery_sends')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('notice_id', 'text', (c) => c.notNull())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .addColumn('recipients_up_to', 'integer', (c) => c.notNull())
      .addColumn('prepared_through', 'integer', (c) => c.notNull())
      .addColumn('final_counts', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('delivery_sends_incident').on('delivery_sends').columns(['incident_id', 'created_at']).execute();
    await db.schema.createIndex('delivery_sends_status').on('delivery_sends').column('status').execute();

    await withIdColumn(db, db.schema.createTable('deliveries'))
      .addColumn('send_id', 'text', (c) => c.notNull().references('delivery_sends.id'))
      .addColumn('recipient_id', 'integer', (c) => c.notNull())
      // Deterministic from the notice version and the recipient: the same message can never be
      // queued twice, whichever send (or instance) tries.
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('response', 'text')
      .addColumn('error', 'text')
      .addColumn('sent_at', 'text')
      .execute();
    // Claims walk this index in order; progress counts read it without touching the rows.
    await db.schema.createIndex('deliveries_claim').on('deliveries').columns(['send_id', 'status', 'next_attempt_at', 'id']).execute();
    await db.schema.createIndex('deliveries_sent').on('deliveries').columns(['send_id', 'sent_at']).execute();
  },
};
