import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * SQLite driver whose transactions take the write lock at BEGIN. A plain (deferred) BEGIN lets
 * two processes on one file both read and then fail with SQLITE_BUSY when they upgrade to write;
 * BEGIN IMMEDIATE makes the second writer wait (busy_timeout) and then read the committed state,
 * which is what the version check needs.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateTransactionSqliteDialect extends SqliteDialect {
  readonly #database: SQLite.Database;

  constructor(database: SQLite.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver({ database: this.#database });
  }
}

/** Opens (creating if needed) the SQLite file with the settings the durability rules rely on. */
export function openSqlite(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL + NORMAL: a commit survives a process crash (the case we test); only an OS crash or
  // power loss can drop the last transactions, the usual trade for an embedded default.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new ImmediateTransactionSqliteDialect(database);
}
