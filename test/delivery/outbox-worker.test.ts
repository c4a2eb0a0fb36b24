import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailTransport } from '../../src/delivery/mail-transport.js';
import { enqueueMail } from '../../src/delivery/outbox-store.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { manualClock } from '../support/clock.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
let sink: SmtpSink;
const clock = manualClock('2026-03-06T10:00:00.000Z');

beforeEach(async () => {
  t = await tempDb();
  sink = await startSmtpSink();
  clock.set('2026-03-06T10:00:00.000Z');
});
afterEach(async () => {
  await sink.close();
  await t.cleanup();
});

const worker = (maxAttempts = 3) =>
  new OutboxWorker(t.db.kysely, createMailTransport({ smtpUrl: sink.url, from: 'bl@example.com', outboxDir: 'unused' }), {
    intervalMs: 1000,
    clock,
    maxAttempts,
  });

const enqueue = (dedupKey: string) =>
  t.db.kysely.transaction().execute((trx) =>
    enqueueMail(trx, { kind: 'test', incidentId: null, dedupKey, to: ['oncall@example.com'], subject: `mail ${dedupKey}`, text: 'body', at: clock().toISOString() }),
  );
const rows = () => t.db.kysely.selectFrom('outbox').selectAll().orderBy('createdAt').execute();

describe('outbox worker', () => {
  it('sends each queued message once, however often it was enqueued', async () => {
    await enqueue('a');
    await enqueue('a');
    await enqueue('b');
    const w = worker();
    expect(await w.tick()).toBe(2);
    expect(await w.tick()).toBe(0);
    await w.stop();
    expect(sink.received.map((m) => /Subject: (.*)/.exec(m.raw)?.[1]).sort()).toEqual(['mail a', 'mail b']);
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([['sent', 1], ['sent', 1]]);
  });

  it('never sends a message twice when two passes run at once', async () => {
    for (const key of ['a', 'b', 'c']) await enqueue(key);
    const [first, second] = [worker(), worker()];
    const sent = await Promise.all([first.tick(), second.tick()]);
    await Promise.all([first.stop(), second.stop()]);
    expect(sent[0] + sent[1]).toBe(3);
    expect(sink.received).toHaveLength(3);
  });

  it('retries a refused message with growing waits, then gives up with the reason', async () => {
    await enqueue('flaky');
    sink.failNext(3, 451);
    const w = worker(3);
    expect(await w.tick()).toBe(0);
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-03-06T10:00:30.000Z' });
    expect(row?.lastError).toContain('451');
    expect(await w.tick()).toBe(0); // not due yet
    clock.advance(30_000);
    await w.tick();
    [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: '2026-03-06T10:01:30.000Z' });
    clock.advance(60_000);
    await w.tick();
    await w.stop();
    [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(sink.received).toHaveLength(0);
  });
});
