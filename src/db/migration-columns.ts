import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { onPostgres } from './on-postgres.js';

/**
 * An integer key the database numbers: SQLite's AUTOINCREMENT (never reuses a number) or
 * PostgreSQL's identity column. Both give 1, 2, 3... in insert order within a writer.
 */
export function withIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return onPostgres(db)
    ? table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
