import type { Kysely, Migration } from 'kysely';

/** Browser sessions of the web console: each one stands for an API token signed in with. */
export const consoleSessionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('console_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // sha256 of the cookie's secret: a copy of the table signs nobody in.
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('token_id', 'text', (c) => c.notNull().references('api_tokens.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    // Sign-in prunes the expired sessions.
    await db.schema.createIndex('console_sessions_expires').on('console_sessions').column('expires_at').execute();
  },
};
