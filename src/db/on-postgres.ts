import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Whether this handle (or transaction) talks to PostgreSQL. The few statements that must differ
 * (row locks, what an insert returns, key columns) ask this, in src/db/ and next to the statement.
 */
export const onPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
