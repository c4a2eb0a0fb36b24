import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type Db } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * A fresh, migrated database for one test: a SQLite file in a temporary folder, or, when
 * TEST_DATABASE_URL names a PostgreSQL server, a new database on it (dropped at cleanup).
 * `reopen` opens a second handle on the same database. `migrate: false` leaves it empty, for tests
 * of what a starting server does to a database nobody has migrated yet.
 */
export interface TempDb {
  url: string;
  dir: string;
  db: Db;
  reopen(): Promise<Db>;
  cleanup(): Promise<void>;
}

const SERVER = process.env.TEST_DATABASE_URL;

/** Runs one statement on the server's maintenance database (create or drop a test database). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (SERVER === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `breachline_test_${randomBytes(6).toString('hex')}`;
  await onServer(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

export async function tempDb(options: { migrate?: boolean } = {}): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-test-'));
  const postgres = SERVER === undefined ? null : await freshDatabaseUrl();
  const url = postgres?.url ?? `sqlite:${join(dir, 'breachline.db')}`;
  const opened: Db[] = [];
  const open = async () => {
    const db = connect(url);
    opened.push(db);
    if (options.migrate !== false) await migrateToLatest(db);
    return db;
  };
  const db = await open();
  return {
    url,
    dir,
    db,
    reopen: open,
    async cleanup() {
      await Promise.allSettled(opened.map((d) => d.close()));
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
