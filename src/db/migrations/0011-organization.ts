import type { Kysely, Migration } from 'kysely';

/** The organisation's own settings: its name and the sender its notices come from (one row). */
export const organizationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organization_settings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('sender_name', 'text')
      .addColumn('sender_address', 'text')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
