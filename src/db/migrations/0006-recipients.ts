import type { Kysely, Migration } from 'kysely';
import { withIdColumn } from '../migration-columns.js';

/** Recipient imports, the recipients they brought in (one per normalised email per incident), rejected rows. */
export const recipientsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('recipient_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull())
      .addColumn('duplicates', 'integer', (c) => c.notNull())
      .addColumn('rejected', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('failure', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .execute();
    await db.schema.createIndex('recipient_imports_incident').on('recipient_imports').columns(['incident_id', 'created_at']).execute();

    await withIdColumn(db, db.schema.createTable('recipients'))
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('import_id', 'text', (c) => c.notNull().references('recipient_imports.id'))
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('locale', 'text')
      .addColumn('jurisdiction', 'text')
      .addColumn('custom', 'text', (c) => c.notNull())
      // The fold: an insert that meets this key is a duplicate, within one import or across imports.
      .addUniqueConstraint('recipients_incident_email', ['incident_id', 'email_key'])
      .execute();
    await db.schema.createIndex('recipients_import').on('recipients').column('import_id').execute();

    await withIdColumn(db, db.schema.createTable('recipient_rejections'))
      .addColumn('import_id', 'text', (c) => c.notNull().references('recipient_imports.id'))
      .addColumn('row', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('recipient_rejections_import').on('recipient_rejections').columns(['import_id', 'id']).execute();
  },
};
