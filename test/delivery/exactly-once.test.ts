import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, startProcess, startSinkProcess } from '../support/processes.js';
import { tempDb, type TempDb } from '../support/temp-db.js';
import { call, expectStatus, incidentReadyToSend, recipientEmail, recipientsCsv, roleTokens, waitForSend } from './support.js';

const ADMIN = 'exactly-once-admin-token-0123456789';
const RECIPIENTS = 3000;
const CONCURRENCY = 10;

let t: TempDb | undefined;
afterEach(async () => {
  killAll();
  await t?.cleanup();
});

describe('sending under SIGKILL', () => {
  it('every recipient gets the notice exactly once (by Message-ID) across a kill -9 mid-send and a restart', async () => {
    t = await tempDb();
    await t.db.close();
    const log = join(t.dir, 'accepted.log');
    const sink = await startSinkProcess(log);
    const env = {
      DATABASE_URL: t.url,
      PORT: '0',
      LOG_LEVEL: 'info',
      BREACHLINE_ADMIN_TOKEN: ADMIN,
      SMTP_URL: sink.url,
      SMTP_POOL_SIZE: '5',
      DELIVERY_CONCURRENCY: String(CONCURRENCY),
      // The killed process's claims must lapse quickly for the test; production holds them for minutes.
      DELIVERY_LEASE_SECONDS: '1',
      SCHEDULER_INTERVAL_MS: '50',
    };
    const first = await startProcess(['src/main.ts'], env, /"url":"(http:[^"]+)"/);
    let base = first.match[1]!;
    const tokens = await roleTokens(base, ADMIN);
    const { incidentId } = await incidentReadyToSend(base, tokens, recipientsCsv(RECIPIENTS, 'crash.example'));
    const send = await expectStatus(await call(base, `/api/v1/incidents/${incidentId}/deliveries`, { method: 'POST', token: tokens.responder }), 202);

    // Kill it a third of the way in, while messages are in flight.
    for (let i = 0; i < 2000 && sink.accepted().length < RECIPIENTS / 3; i++) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    await first.exited;
    // The sink may still be finishing messages whose data arrived before the kill: count once it is quiet.
    let atKill = sink.accepted().length;
    for (let quietFor = 0; quietFor < 300; quietFor += 50) {
      await new Promise((r) => setTimeout(r, 50));
      if (sink.accepted().length !== atKill) [atKill, quietFor] = [sink.accepted().length, 0];
    }
    expect(atKill).toBeGreaterThanOrEqual(RECIPIENTS / 3);
    expect(atKill).toBeLessThan(RECIPIENTS);

    const second = await startProcess(['src/main.ts'], env, /"url":"(http:[^"]+)"/);
    base = second.match[1]!;
    const done = await waitForSend(base, tokens.viewer!, send.id, (s) => s.status === 'complete', 120_000);
    expect(done).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, pending: 0 });

    const received = sink.accepted();
    const idsByRecipient = new Map<string, Set<string>>();
    for (const [messageId, to] of received) idsByRecipient.set(to, (idsByRecipient.get(to) ?? new Set()).add(messageId));
    // Nobody missed, nobody sent a second, different message.
    expect([...idsByRecipient.keys()].sort()).toEqual(Array.from({ length: RECIPIENTS }, (_, i) => recipientEmail(i, 'crash.example')).sort());
    expect([...idsByRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    // A repeated transmission can only be a message the server accepted just before the kill, whose
    // row had not yet recorded it: at most the messages in flight, each seen once before and once after.
    const positions = new Map<string, number[]>();
    received.forEach(([messageId], index) => positions.set(messageId, [...(positions.get(messageId) ?? []), index]));
    const repeated = [...positions.values()].filter((at) => at.length > 1);
    expect(repeated.length).toBeLessThanOrEqual(CONCURRENCY);
    for (const at of repeated) expect(at.length === 2 && at[0]! < atKill && at[1]! >= atKill, `positions ${at.join(', ')}; ${atKill} before the kill`).toBe(true);
    console.info(`exactly-once: ${atKill} accepted before the kill, ${repeated.length} repeated transmissions (same Message-ID) after restart`);

    const incident = await expectStatus(await call(base, `/api/v1/incidents/${incidentId}`, { token: tokens.viewer! }), 200);
    expect(incident.tracks.individuals).toBe('notified');
    expect((await expectStatus(await call(base, '/api/v1/audit/verify', { token: tokens.admin }), 200)).ok).toBe(true);
    second.child.kill('SIGTERM');
    await second.exited;
    sink.child.kill('SIGTERM');
  }, 180_000);
});
