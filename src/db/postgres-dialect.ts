import pg from 'pg';
import { PostgresDialect } from 'kysely';

// int8 (count(*), sums) arrives as text by default; every such value here is a row count well
// inside Number's safe range, and the domains compare them as numbers, as on SQLite.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * A pooled PostgreSQL connection for kysely; `poolSize` connections at most per process. An idle
 * connection the server drops (restart, failover) is reported and replaced, not a crash.
 */
export function openPostgres(connectionString: string, poolSize: number, onIdleError: (error: Error) => void): PostgresDialect {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', onIdleError);
  return new PostgresDialect({ pool });
}
