import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DialectAdapter,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';

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

// Enough for every distinct statement the domains issue; `in (...)` lists of many lengths can
// exceed it, and then the oldest statements are simply prepared again.
const STATEMENT_CACHE_SIZE = 500;

/**
 * kysely prepares every query afresh, and preparing costs as much as running a small statement;
 * the query texts repeat, so prepared statements are kept by text. Safe because kysely runs one
 * query at a time on this single connection.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => database.close(),
  };
}

/**
 * SQLite does run DDL in transactions; saying so makes kysely's migrator run in one (BEGIN
 * IMMEDIATE, above). Two processes starting on one file then take turns: the second waits for
 * the first's commit and finds every migration applied. kysely's default adapter assumes one
 * process and takes no lock at all.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateTransactionSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;

  constructor(database: SqliteDatabase) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver({ database: this.#database });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
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
  return new ImmediateTransactionSqliteDialect(withStatementCache(database));
}
