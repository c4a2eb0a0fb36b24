import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Actor } from '../src/auth/actor.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { IncidentService } from '../src/lifecycle/incident-service.js';
import { compare, rate, type Comparison } from './measure.js';

const EVENTS = 5_000;
const actor: Actor = { kind: 'token', id: 'bench', name: 'bench', role: 'responder' };

/**
 * Lifecycle events applied through the incident service (load, pure transition, snapshot + event
 * row + audit row + deadline reconcile in one transaction) beside the floor under it: one
 * better-sqlite3 single-row commit in WAL + NORMAL on the same disk.
 */
export async function lifecycleBenchmark(): Promise<Comparison> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  try {
    const raw = new SQLite(join(dir, 'baseline.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('create table t (id integer primary key, body text not null)');
    const insert = raw.prepare('insert into t (body) values (?)');
    const body = JSON.stringify({ type: 'RECORD_CONTAINMENT_ACTION', description: 'rotated credentials' });
    const baseline = await rate(EVENTS, () => insert.run(body));
    raw.close();

    const db = connect(`sqlite:${join(dir, 'breachline.db')}`);
    await migrateToLatest(db);
    const service = new IncidentService(db.kysely);
    // Spread the events over incidents, as real traffic is, so snapshots stay a realistic size.
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { id } = await service.create({ title: `Incident ${i}`, severity: 'high' }, actor);
      await service.send(id, { type: 'CONFIRM', awarenessAt: new Date().toISOString() }, { actor });
      ids.push(id);
    }
    const ours = await rate(EVENTS, (i) =>
      service.send(ids[i % ids.length]!, { type: 'RECORD_CONTAINMENT_ACTION', description: `step ${i}` }, { actor }),
    );
    await db.close();
    return compare(
      'lifecycle event, one transaction',
      { name: 'better-sqlite3 single-row commit', unit: 'commits/s', value: baseline },
      { name: 'IncidentService.send', unit: 'events/s', value: ours },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
