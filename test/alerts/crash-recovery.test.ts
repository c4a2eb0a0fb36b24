import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, killAll, startInstance } from '../support/processes.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
afterEach(async () => {
  killAll();
  await t?.cleanup();
});

const webhook = (fingerprints: string[]) => ({
  version: '4',
  status: 'firing',
  receiver: 'breachline',
  alerts: fingerprints.map((fingerprint) => ({
    status: 'firing',
    labels: { alertname: 'CrashTest', fingerprint },
    annotations: { summary: `alert ${fingerprint}` },
    startsAt: '2026-11-20T08:00:00Z',
    fingerprint,
  })),
});

describe('alert intake under SIGKILL', () => {
  it('keeps every alert it answered 2xx, none twice, across a kill -9 and restart', async () => {
    t = await tempDb();
    await t.db.close();
    const first = await startInstance(t.url);
    const call = (path: string, body: unknown, token = ADMIN) =>
      fetch(first.base + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await call('/api/v1/tokens', { name: 'crash ingest', role: 'ingest' })).json()) as { token: string };
    expect((await call('/api/v1/alert-sources', { name: 'prom', kind: 'alertmanager' })).status).toBe(201);

    // Acknowledged deliveries per fingerprint: each webhook carries a new alert and a repeat.
    const acked = new Map<string, number>();
    let answered = 0;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const fingerprints = [`w${w}-${i}`, `w${w}-${Math.floor(i / 2)}`];
        try {
          const response = await call('/api/v1/alerts/alertmanager?source=prom', webhook(fingerprints), token);
          if (response.status !== 200) throw new Error(`answered ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
          for (const f of fingerprints) acked.set(f, (acked.get(f) ?? 0) + 1);
          answered++;
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    while (answered < 300) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill('SIGKILL');
    await load;
    expect(await first.exited).toBeNull();

    const second = await startInstance(t.url);
    const listed = await fetch(`${second.base}/api/v1/alerts?source=prom&limit=1`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(listed.status).toBe(200);
    const db = (await t.reopen()).kysely;
    const rows = await db.selectFrom('alerts').select(['dedupKey', 'count']).execute();
    const stored = new Map(rows.map((r) => [r.dedupKey, r.count]));
    expect(stored.size).toBe(rows.length);
    for (const [fingerprint, deliveries] of acked) {
      expect(stored.get(fingerprint), fingerprint).toBeGreaterThanOrEqual(deliveries);
    }
    const { rows: doubles } = await sql<{ n: number }>`select count(*) as n from (select source_id, dedup_key from alerts group by 1, 2 having count(*) > 1) as doubled`.execute(db);
    expect(doubles[0]!.n).toBe(0);
    // Each answered webhook carried at least one fingerprint not seen before.
    expect(acked.size).toBeGreaterThanOrEqual(300);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
