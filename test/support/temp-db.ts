import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Db } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** A real SQLite file in a fresh temporary folder, migrated; `reopen` opens a second handle on it. */
export interface TempDb {
  url: string;
  dir: string;
  db: Db;
  reopen(): Promise<Db>;
  cleanup(): Promise<void>;
}

export async function tempDb(): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-test-'));
  const url = `sqlite:${join(dir, 'breachline.db')}`;
  const opened: Db[] = [];
  const open = async () => {
    const db = connect(url);
    opened.push(db);
    await migrateToLatest(db);
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
