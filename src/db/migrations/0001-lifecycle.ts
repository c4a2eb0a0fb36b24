import type { Kysely, Migration } from 'kysely';
import { withIdColumn } from '../migration-columns.js';

/** Incidents, their event log, the audit hash chains and deadline rows. */
export const lifecycleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('machine_version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Listing pages newest first, optionally within one phase or severity.
    await db.schema.createIndex('incidents_created').on('incidents').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('incidents_phase').on('incidents').columns(['phase', 'created_at']).execute();

    await withIdColumn(db, db.schema.createTable('incident_events'))
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addUniqueConstraint('incident_events_seq', ['incident_id', 'seq'])
      .execute();

    await withIdColumn(db, db.schema.createTable('audit_log'))
      .addColumn('chain', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('incident_id', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      // Two appends that read the same chain head cannot both commit: the chain stays linear.
      .addUniqueConstraint('audit_log_chain_seq', ['chain', 'seq'])
      .execute();

    await withIdColumn(db, db.schema.createTable('deadlines'))
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('fired_at', 'text')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('deadlines_incident_key', ['incident_id', 'key'])
      .execute();
    // The scheduler's query: pending rows by due time.
    await db.schema.createIndex('deadlines_due').on('deadlines').columns(['status', 'due_at']).execute();
  },
};
