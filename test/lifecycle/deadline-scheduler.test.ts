import { pino } from 'pino';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { IncidentService } from '../../src/lifecycle/incident-service.js';
import { DeadlineScheduler } from '../../src/lifecycle/deadline-scheduler.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { engine, responder } from '../support/actors.js';
import { manualClock } from '../support/clock.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
const clock = manualClock('2026-03-06T10:00:00.000Z');
const silent = pino({ level: 'silent' });
const runtimes: Runtime[] = [];

beforeEach(async () => {
  t = await tempDb();
  clock.set('2026-03-06T10:00:00.000Z');
});
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.stop()));
  await t.cleanup();
});

const obligation = (id: string, dueAt: string) => ({
  id,
  regime: 'CN-CAC-Incident-Reporting-Measures',
  jurisdiction: 'CN',
  recipient: 'regulator' as const,
  authority: 'Provincial CAC',
  dueAt,
  citation: '国家网络安全事件报告管理办法 Art. 4',
});

async function incidentWithObligations(service: IncidentService, ...obligations: ReturnType<typeof obligation>[]) {
  const { id } = await service.create({ title: 'Leak', severity: 'critical' }, responder);
  await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:00:00Z' }, { actor: responder });
  await service.dispatch(id, { type: 'OBLIGATIONS_ASSESSED', obligations }, { actor: engine });
  return id;
}

const boot = async () => {
  const config = loadConfig({ DATABASE_URL: t.url, SCHEDULER_INTERVAL_MS: '50' });
  const runtime = await startRuntime(config, silent, clock);
  runtimes.push(runtime);
  return runtime;
};

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
};

describe('deadline scheduler', () => {
  it('fires a deadline that came due while Breachline was down exactly once after start', async () => {
    const id = await incidentWithObligations(new IncidentService(t.db.kysely, clock), obligation('cac-4h', '2026-03-06T13:00:00.000Z'));
    await t.db.close();

    clock.set('2026-03-06T15:00:00.000Z'); // two hours after the due time, while nothing ran
    const first = await boot();
    await until(async () => (await first.incidents.pendingDeadlines(id)).length === 0);
    const fired = await first.incidents.get(id);
    expect(fired.obligations[0]).toMatchObject({ id: 'cac-4h', overdueSince: '2026-03-06T15:00:00.000Z', status: 'pending' });
    await first.stop();
    runtimes.pop();

    clock.advance(60 * 60_000);
    const second = await boot();
    expect(await second.scheduler.tick()).toBe(0);
    const timeline = await second.incidents.timeline(id);
    expect(timeline.filter((e) => e.type === 'DEADLINE_REACHED')).toEqual([
      expect.objectContaining({ actor: { kind: 'system', id: 'scheduler' }, payload: { key: 'obligation:cac-4h' } }),
    ]);
  });

  it('fires only what is due, in due order, and leaves the rest armed', async () => {
    const service = new IncidentService(t.db.kysely, clock);
    const scheduler = new DeadlineScheduler(t.db.kysely, service, { intervalMs: 1000, clock, batchSize: 1 });
    const id = await incidentWithObligations(
      service,
      obligation('late', '2026-03-06T12:00:00.000Z'),
      obligation('early', '2026-03-06T11:00:00.000Z'),
      obligation('later', '2026-03-09T10:00:00.000Z'),
    );
    clock.set('2026-03-06T12:30:00.000Z');
    expect(await scheduler.tick()).toBe(2);
    const keys = (await service.timeline(id)).filter((e) => e.type === 'DEADLINE_REACHED').map((e) => e.payload.key);
    expect(keys).toEqual(['obligation:early', 'obligation:late']);
    expect(await service.pendingDeadlines(id)).toEqual([{ key: 'obligation:later', dueAt: '2026-03-09T10:00:00.000Z' }]);
  });

  it('cancels, with the reason, a due row its incident no longer accepts', async () => {
    const service = new IncidentService(t.db.kysely, clock);
    const scheduler = new DeadlineScheduler(t.db.kysely, service, { intervalMs: 1000, clock });
    const id = await incidentWithObligations(service);
    const now = clock().toISOString();
    await t.db.kysely
      .insertInto('deadlines')
      .values({ incidentId: id, key: 'obligation:ghost', dueAt: now, status: 'pending', firedAt: null, note: null, createdAt: now, updatedAt: now })
      .execute();
    expect(await scheduler.tick()).toBe(0);
    const row = await t.db.kysely.selectFrom('deadlines').selectAll().where('key', '=', 'obligation:ghost').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'cancelled', note: 'deadline "obligation:ghost" is not open' });
    expect((await service.get(id)).version).toBe(3);
  });

  it('keeps a row pending when firing fails, so nothing is lost', async () => {
    const service = new IncidentService(t.db.kysely, clock);
    const scheduler = new DeadlineScheduler(t.db.kysely, service, { intervalMs: 1000, clock, logger: silent });
    const id = await incidentWithObligations(service, obligation('cac-4h', '2026-03-06T13:00:00.000Z'));
    await sql`update incidents set machine_version = 99 where id = ${id}`.execute(t.db.kysely);
    clock.set('2026-03-06T14:00:00.000Z');
    expect(await scheduler.tick()).toBe(0);
    expect(await service.pendingDeadlines(id)).toEqual([{ key: 'obligation:cac-4h', dueAt: '2026-03-06T13:00:00.000Z' }]);
  });
});
