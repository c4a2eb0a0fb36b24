import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../support/temp-db.js';
import { killAll, logLines, startInstance, stop } from '../support/processes.js';

// Two processes spawned together reach their migrators at moments scheduling decides, and a pair
// may not overlap at all, so a race would go unseen. Several pairs make an unguarded one show
// itself: before SQLite's migrations ran in one transaction (src/db/sqlite-dialect.ts), between
// none and two in three pairs collided there ("table already exists"), depending on load.
const ROUNDS = 3;

const dbs: TempDb[] = [];
afterEach(async () => {
  killAll();
  await Promise.all(dbs.splice(0).map((d) => d.cleanup()));
});

const migrationNames = async (t: TempDb): Promise<string[]> => {
  const db = await t.reopen();
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
  return rows.map((row) => row.name);
};

describe('two instances starting at once on an empty database', () => {
  it('both come up healthy and every migration is applied exactly once', async () => {
    // What a single migrator leaves behind is the list to compare with.
    const reference = await tempDb();
    dbs.push(reference);
    const expected = await migrationNames(reference);
    expect(expected.length).toBeGreaterThan(0);

    for (let round = 1; round <= ROUNDS; round++) {
      const t = await tempDb({ migrate: false });
      dbs.push(t);
      await t.db.close();
      // A process whose migration fails exits 1, and startInstance fails with what it said.
      const instances = await Promise.all([startInstance(t.url), startInstance(t.url)]);
      for (const instance of instances) expect((await fetch(`${instance.base}/healthz`)).status, `round ${round}`).toBe(200);

      // Between them the two applied each migration once: one did all the work, or they split it,
      // but none ran in both (its tables would have been created twice).
      const applied = instances.flatMap((instance) => logLines(instance).filter((line) => line.msg === 'database migrated').flatMap((line) => line.migrations as string[]));
      expect([...applied].sort(), `round ${round}`).toEqual(expected);
      expect(await migrationNames(t), `round ${round}`).toEqual(expected);
      expect(await Promise.all(instances.map(stop))).toEqual([0, 0]);
    }
  }, 180_000);
});
