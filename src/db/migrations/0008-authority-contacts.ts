import type { Kysely, Migration } from 'kysely';

/**
 * The organisation's addresses for each regime's authority (settings), and what the outbox needs to
 * carry a report to one: an HTML body beside the text, and JSON meta tying a row to its obligation.
 */
export const authorityContactsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('authority_contacts')
      .addColumn('regime_id', 'text', (c) => c.primaryKey())
      // JSON array of addresses.
      .addColumn('emails', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // One column per statement: SQLite adds a single column per ALTER TABLE.
    await db.schema.alterTable('outbox').addColumn('body_html', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('meta', 'text').execute();
    // The submissions list reads an incident's rows of one kind.
    await db.schema.createIndex('outbox_incident_kind').on('outbox').columns(['incident_id', 'kind']).execute();
  },
};
