import { CamelCasePlugin, Kysely } from 'kysely';
import { openPostgres } from './postgres-dialect.js';
import { openSqlite } from './sqlite-dialect.js';
import type { Database } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export class UnsupportedDatabaseError extends Error {
  override name = 'UnsupportedDatabaseError';
}

/** Opens the database named by a `DATABASE_URL`: `sqlite:<path>` or `postgres://...`. */
export function connect(databaseUrl: string, options: { poolSize?: number; onIdleError?: (error: Error) => void } = {}): Db {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const kysely = new Kysely<Database>({ dialect: openPostgres(databaseUrl, options.poolSize ?? 10, options.onIdleError ?? (() => undefined)), plugins: [new CamelCasePlugin()] });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new UnsupportedDatabaseError(
      `DATABASE_URL: must be sqlite:<path> or postgres://... (got scheme "${databaseUrl.split(':')[0]}")`,
    );
  }
  const path = databaseUrl.slice('sqlite:'.length);
  const kysely = new Kysely<Database>({ dialect: openSqlite(path), plugins: [new CamelCasePlugin()] });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}
