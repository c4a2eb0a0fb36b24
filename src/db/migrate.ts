import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.js';
import { lifecycleMigration } from './migrations/0001-lifecycle.js';
import { apiTokensMigration } from './migrations/0002-api-tokens.js';
import { alertsMigration } from './migrations/0003-alerts.js';
import { outboxMigration } from './migrations/0004-outbox.js';
import { noticesMigration } from './migrations/0005-notices.js';
import { recipientsMigration } from './migrations/0006-recipients.js';
import { deliveriesMigration } from './migrations/0007-deliveries.js';
import { authorityContactsMigration } from './migrations/0008-authority-contacts.js';
import { consoleSessionsMigration } from './migrations/0009-console-sessions.js';
import { incidentNextDueMigration } from './migrations/0010-incident-next-due.js';
import { organizationMigration } from './migrations/0011-organization.js';

/** Migrations as code, in order; names sort in the order they must run. */
const migrations: Record<string, Migration> = {
  '0001-lifecycle': lifecycleMigration,
  '0002-api-tokens': apiTokensMigration,
  '0003-alerts': alertsMigration,
  '0004-outbox': outboxMigration,
  '0005-notices': noticesMigration,
  '0006-recipients': recipientsMigration,
  '0007-deliveries': deliveriesMigration,
  '0008-authority-contacts': authorityContactsMigration,
  '0009-console-sessions': consoleSessionsMigration,
  '0010-incident-next-due': incidentNextDueMigration,
  '0011-organization': organizationMigration,
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(setup)'} failed: ${cause}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
