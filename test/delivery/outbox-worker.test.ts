import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailTransport } from '../../src/delivery/mail-transport.js';
import { enqueueMail, type MailToEnqueue } from '../../src/delivery/outbox-store.js';
import { OutboxWorker, type OutboxKindHooks } from '../../src/delivery/outbox-worker.js';
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

const worker = (maxAttempts = 3, hooks: Record<string, OutboxKindHooks> = {}) =>
  new OutboxWorker(t.db.kysely, createMailTransport({ smtpUrl: sink.url, from: 'bl@example.com', outboxDir: 'unused' }), {
    intervalMs: 1000,
    clock,
    maxAttempts,
    hooks,
  });

const enqueue = (dedupKey: string, extra: Partial<MailToEnqueue> = {}) =>
  t.db.kysely.transaction().execute((trx) =>
    enqueueMail(trx, { kind: 'test', incidentId: null, dedupKey, to: ['oncall@example.com'], subject: `mail ${dedupKey}`, text: 'body', at: clock().toISOString(), ...extra }),
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

  it('gives up at once when the server refuses for good (5xx): resending cannot help', async () => {
    await enqueue('rejected');
    sink.failNext(1, 550);
    const w = worker(5);
    expect(await w.tick()).toBe(0);
    await w.stop();
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toContain('550');
  });

  it('sends the caller’s Message-ID and the HTML alternative; a repeated dedup key queues nothing', async () => {
    expect(await enqueue('rich', { messageId: '<chosen.1@breachline.local>', html: '<p>rich body</p>', meta: { about: 'x' } })).toBe(true);
    expect(await enqueue('rich')).toBe(false);
    const w = worker();
    await w.tick();
    await w.stop();
    const raw = sink.received[0]?.raw ?? '';
    expect(raw).toContain('Message-ID: <chosen.1@breachline.local>');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).toContain('<p>rich body</p>');
    expect((await rows())[0]?.meta).toBe('{"about":"x"}');
  });

  it('runs the kind’s onSent in the transaction that marks the row sent', async () => {
    await enqueue('hooked', { kind: 'hooked' });
    await enqueue('plain');
    const seen: string[] = [];
    const onSent: OutboxKindHooks['onSent'] = async (trx, row, accepted) => {
      seen.push(row.dedupKey);
      await trx.updateTable('outbox').set({ meta: JSON.stringify({ acceptedAt: accepted.at }) }).where('id', '=', row.id).execute();
    };
    const w = worker(3, { hooked: { onSent } });
    expect(await w.tick()).toBe(2);
    await w.stop();
    expect(seen).toEqual(['hooked']);
    const hooked = (await rows()).find((r) => r.kind === 'hooked');
    expect(hooked).toMatchObject({ status: 'sent', meta: '{"acceptedAt":"2026-03-06T10:00:00.000Z"}' });
  });

  it('keeps a message sent when its hook fails: the hook’s writes roll back and nothing is sent twice', async () => {
    await enqueue('hook-fails', { kind: 'fragile' });
    const onSent: OutboxKindHooks['onSent'] = async (trx, row) => {
      await trx.updateTable('outbox').set({ meta: '{"half":"done"}' }).where('id', '=', row.id).execute();
      throw new Error('recording failed');
    };
    const w = worker(3, { fragile: { onSent } });
    expect(await w.tick()).toBe(1);
    clock.advance(10 * 60_000);
    expect(await w.tick()).toBe(0);
    await w.stop();
    expect(await rows()).toMatchObject([{ status: 'sent', attempts: 1, meta: null }]);
    expect(sink.received).toHaveLength(1);
  });

  it('withdraws a message its kind says must no longer go out, with the reason', async () => {
    await enqueue('stale', { kind: 'checked' });
    const w = worker(3, { checked: { withdrawReason: async () => 'the words changed' } });
    expect(await w.tick()).toBe(0);
    await w.stop();
    expect(await rows()).toMatchObject([{ status: 'failed', attempts: 0, lastError: 'withdrawn before sending: the words changed' }]);
    expect(sink.received).toHaveLength(0);
  });
});
