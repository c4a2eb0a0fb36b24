import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/audit/hash-chain.js';
import { call, expectStatus, roleTokens } from '../delivery/support.js';
import { tempDb, type TempDb } from '../support/temp-db.js';
import { ADMIN, killAll, startInstance, stop } from '../support/processes.js';

const PER_INSTANCE = 30;

let t: TempDb | undefined;
afterEach(async () => {
  killAll();
  await t?.cleanup();
});

describe('two instances on one incident', () => {
  it('serialise concurrent events: every one accepted, versions gapless, the audit chain linear and verified', async () => {
    t = await tempDb();
    await t.db.close();
    const [a, b] = await Promise.all([startInstance(t.url), startInstance(t.url)]);
    const tokens = await roleTokens(a.base, ADMIN);
    const send = (base: string, path: string, json: unknown, status: number) => call(base, path, { token: tokens.responder, json }).then((r) => expectStatus(r, status));

    const incident = await send(a.base, '/api/v1/incidents', { title: 'Shared writer test', severity: 'high', summary: 'Two instances, one incident.' }, 201);
    const events = `/api/v1/incidents/${incident.id}/events`;
    const confirmed = await send(b.base, events, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 60_000).toISOString() }, 200);

    // All at once, alternating instances. No expectedVersion (If-Match) is named, so each one must
    // wait for the previous writer and then apply on top of it: any 409 or 412 fails the test.
    const descriptions = Array.from({ length: 2 * PER_INSTANCE }, (_, i) => `action ${i} via ${i % 2 === 0 ? 'A' : 'B'}`);
    const answers = await Promise.all(
      descriptions.map((description, i) => send(i % 2 === 0 ? a.base : b.base, events, { type: 'RECORD_CONTAINMENT_ACTION', description }, 200)),
    );
    const total = confirmed.version + descriptions.length;
    // Each answer saw its own version: no two writers built on the same one.
    expect(answers.map((answer) => answer.version).sort((x, y) => x - y)).toEqual(Array.from({ length: descriptions.length }, (_, i) => confirmed.version + 1 + i));

    const after = await expectStatus(await call(b.base, `/api/v1/incidents/${incident.id}`, { token: tokens.viewer! }), 200);
    expect(after.version).toBe(total);
    expect(after.containment.actions.map((action: { description: string }) => action.description).sort()).toEqual([...descriptions].sort());

    // The event log is one sequence, 1..version, with each action once.
    const { items } = await expectStatus(await call(a.base, `/api/v1/incidents/${incident.id}/timeline`, { token: tokens.viewer! }), 200);
    expect(items.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(items.filter((e: { type: string }) => e.type === 'RECORD_CONTAINMENT_ACTION')).toHaveLength(descriptions.length);

    // The incident's audit chain: one row per event, seq 1..n, each linked to the one before.
    const exported = await call(a.base, `/api/v1/incidents/${incident.id}/audit`, { token: tokens.viewer! });
    expect(exported.status).toBe(200);
    const rows = (await exported.text()).trim().split('\n').map((line) => JSON.parse(line) as { seq: number; prevHash: string; hash: string; payload: { version: number } });
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(rows.map((row) => row.payload.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    rows.forEach((row, i) => expect(row.prevHash, `seq ${row.seq}`).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash));

    // And the hashes recompute, for this incident and for every chain (system chain included).
    for (const query of [`?incidentId=${incident.id}`, '']) {
      const verified = await expectStatus(await call(b.base, `/api/v1/audit/verify${query}`, { token: tokens.admin }), 200);
      expect(verified).toMatchObject({ ok: true, firstBroken: null });
    }
    expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
  }, 120_000);

  it('fire each due deadline once, though both schedulers look for it', async () => {
    t = await tempDb();
    await t.db.close();
    const eager = { SCHEDULER_INTERVAL_MS: '50' };
    const [a, b] = await Promise.all([startInstance(t.url, eager), startInstance(t.url, eager)]);
    const tokens = await roleTokens(a.base, ADMIN);
    const send = (path: string, json: unknown, status: number) => call(a.base, path, { token: tokens.responder, json }).then((r) => expectStatus(r, status));
    const incident = await send('/api/v1/incidents', { title: 'Old breach found late', severity: 'high' }, 201);
    const events = `/api/v1/incidents/${incident.id}/events`;
    // Aware ten days ago: every clock with a fixed length has run out, so each is due at once.
    await send(events, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }, 200);
    const scoped = await send(events, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'CN', count: 1_200_000 }, { jurisdiction: 'DE', count: 40_000 }], dataCategories: ['contact'] }, 200);
    const overdue = scoped.obligations.filter((o: { dueAt: string | null }) => o.dueAt !== null && o.dueAt < new Date().toISOString());
    expect(overdue.length).toBeGreaterThan(0);

    const firedKeys = async (): Promise<string[]> => {
      const { items } = await expectStatus(await call(b.base, `/api/v1/incidents/${incident.id}/timeline`, { token: tokens.viewer! }), 200);
      return items.filter((e: { type: string }) => e.type === 'DEADLINE_REACHED').map((e: { payload: { key: string } }) => e.payload.key);
    };
    await expect.poll(async () => (await firedKeys()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(overdue.length);
    // Twenty more passes of each scheduler: nothing fires a second time.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const keys = await firedKeys();
    expect(keys.length).toBe(new Set(keys).size);
    const verified = await expectStatus(await call(b.base, `/api/v1/audit/verify?incidentId=${incident.id}`, { token: tokens.admin }), 200);
    expect(verified).toMatchObject({ ok: true, firstBroken: null });
    expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
  }, 120_000);
});
