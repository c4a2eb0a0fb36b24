import { CamelCasePlugin, Kysely } from 'kysely';
import { openSqlite } from './sqlite-dialect.js';
import type { Database } from './tables.js';

export type Dialect = 'sqlite';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export class UnsupportedDatabaseError extends Error {
  override name = 'UnsupportedDatabaseError';
}

/** Opens the database named by a `DATABASE_URL` (`sqlite:<path>`). */
export function connect(databaseUrl: string): Db {
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new UnsupportedDatabaseError(
      `DATABASE_URL: only sqlite:<path> is supported by this build (got scheme "${databaseUrl.split(':')[0]}")`,
    );
  }
  const path = databaseUrl.slice('sqlite:'.length);
  const kysely = new Kysely<Database>({ dialect: openSqlite(path), plugins: [new CamelCasePlugin()] });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}
