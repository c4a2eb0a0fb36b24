import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { CompiledQuery as Compiled } from 'kysely';
import type { Database } from '../db/tables.js';

/**
 * Multi-row inserts compiled once per row count and run with flat parameter arrays. Building a
 * kysely query per row costs more than SQLite spends inserting it (see statement-template.ts); a
 * 100-row statement also saves 99 round trips through the driver. kysely still writes the SQL.
 *
 * `build` gets one placeholder per (row, column) and must bind them in row-major order; that is
 * checked once, when the statement is compiled.
 */
export class BulkInsert<C extends string> {
  static readonly CHUNK = 100;
  private readonly statements = new Map<number, string>();

  constructor(
    private readonly columns: readonly C[],
    private readonly build: (db: Kysely<Database>, rows: Record<C, string>[]) => Compilable,
  ) {}

  /** Runs the inserts for `rows` (each an array of values in column order); returns the rows each chunk returned. */
  async run<R>(db: Kysely<Database>, rows: readonly unknown[][]): Promise<R[]> {
    const returned: R[] = [];
    for (let start = 0; start < rows.length; start += BulkInsert.CHUNK) {
      const chunk = rows.slice(start, start + BulkInsert.CHUNK);
      const result = await db.executeQuery<R>(Compiled.raw(this.sql(db, chunk.length), chunk.flat()) as CompiledQuery<R>);
      returned.push(...result.rows);
    }
    return returned;
  }

  private sql(db: Kysely<Database>, count: number): string {
    let text = this.statements.get(count);
    if (text === undefined) {
      const expected: string[] = [];
      const rows = Array.from({ length: count }, (_, row) =>
        Object.fromEntries(this.columns.map((column) => {
          const placeholder = `\u0000${row}:${column}\u0000`;
          expected.push(placeholder);
          return [column, placeholder];
        })) as Record<C, string>,
      );
      const compiled = this.build(db, rows).compile();
      // A value bound out of order would land in the wrong column, so refuse to run at all.
      if (compiled.parameters.length !== expected.length || compiled.parameters.some((p, i) => p !== expected[i])) {
        throw new Error('bulk insert: the statement does not bind its values in row-major column order');
      }
      text = compiled.sql;
      this.statements.set(count, text);
    }
    return text;
  }
}
