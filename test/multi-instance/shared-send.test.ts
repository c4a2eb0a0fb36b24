import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, expectStatus, incidentReadyToSend, recipientEmail, recipientsCsv, roleTokens, waitForSend } from '../delivery/support.js';
import { tempDb, type TempDb } from '../support/temp-db.js';
import { ADMIN, killAll, startInstance, startSinkProcess, stop } from '../support/processes.js';

const RECIPIENTS = 20_000;

let t: TempDb | undefined;
afterEach(async () => {
  killAll();
  await t?.cleanup();
});

describe('two instances on one database', () => {
  it('share one 20,000-recipient send: every recipient gets exactly one message, and both instances send', async () => {
    t = await tempDb();
    await t.db.close();
    // One sink per instance: nothing in a message or in the database says which process sent it
    // (same From, same Message-ID scheme, same server answer), but which server it reached does.
    // The union of the two logs is what recipients received.
    const [sinkA, sinkB] = await Promise.all([startSinkProcess(join(t.dir, 'a.log')), startSinkProcess(join(t.dir, 'b.log'))]);
    // A short interval so B's worker joins, and the send is marked complete, soon after the work.
    const env = { SCHEDULER_INTERVAL_MS: '100' };
    const [a, b] = await Promise.all([startInstance(t.url, { ...env, SMTP_URL: sinkA.url }), startInstance(t.url, { ...env, SMTP_URL: sinkB.url })]);

    const tokens = await roleTokens(a.base, ADMIN);
    const { incidentId } = await incidentReadyToSend(a.base, tokens, recipientsCsv(RECIPIENTS, 'shared.example'));
    const started = Date.now();
    const send = await expectStatus(await call(a.base, `/api/v1/incidents/${incidentId}/deliveries`, { method: 'POST', token: tokens.responder }), 202);
    // Watched through B: the send started on A is one row both instances see.
    const done = await waitForSend(b.base, tokens.viewer!, send.id, (s) => s.status === 'complete', 150_000, 200);
    expect(done).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, pending: 0 });

    const byA = sinkA.accepted();
    const byB = sinkB.accepted();
    console.info(`shared send: ${RECIPIENTS} in ${Date.now() - started} ms, ${byA.length} sent by A, ${byB.length} by B`);
    // Both worked the send: each claimed rows the other did not.
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    // No crash, so no window for a repeat: exactly one transmission per recipient, all told.
    const received = [...byA, ...byB];
    expect(received).toHaveLength(RECIPIENTS);
    const messageIdOf = new Map<string, string>();
    for (const [messageId, to] of received) {
      expect(messageIdOf.has(to), `${to} received twice`).toBe(false);
      messageIdOf.set(to, messageId);
    }
    expect([...messageIdOf.keys()].sort()).toEqual(Array.from({ length: RECIPIENTS }, (_, i) => recipientEmail(i, 'shared.example')).sort());
    expect(new Set(messageIdOf.values()).size).toBe(RECIPIENTS);

    expect((await expectStatus(await call(a.base, `/api/v1/incidents/${incidentId}`, { token: tokens.viewer! }), 200)).tracks.individuals).toBe('notified');
    expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
    await Promise.all([stop(sinkA), stop(sinkB)]);
  }, 240_000);
});
