import { sql, type RawBuilder } from 'kysely';

/**
 * `column = value` written so that no index can serve it, on SQLite and PostgreSQL alike. For
 * walking a table by row-id range with a second filter: given an index on that column, SQLite
 * plans a scan of every matching row plus a sort, once per slice, which makes a walk over a
 * million rows quadratic; with the column out of reach it reads just the id range.
 */
export const equalsUnindexed = (column: string, value: string): RawBuilder<boolean> => sql<boolean>`(${sql.ref(column)} || '') = ${value}`;
