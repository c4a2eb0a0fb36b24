import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RecipientRetention } from '../../src/recipients/recipient-retention.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { call, expectStatus, incidentReadyToSend, recipientEmail, recipientsCsv, waitForSend, type Tokens } from './support.js';

// Retries and polls in milliseconds, so a test of minutes of real time runs in a second.
const FAST = { SCHEDULER_INTERVAL_MS: '50', DELIVERY_RETRY_SECONDS: '0.05', DELIVERY_PAUSE_AFTER_FAILURES: '5' };

let sink: SmtpSink;
let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ ...FAST, SMTP_URL: sink.url, MAIL_FROM: 'Chatter Ltd <privacy@chatter.example>', SMTP_POOL_SIZE: '3' });
  tokens = server.tokens as Tokens;
});
afterAll(async () => {
  await server.stop();
  await sink.close();
});
afterEach(() => {
  sink.failWhen(null);
  sink.received.length = 0;
});

const start = async (incidentId: string, token = tokens.responder) => call(server.url, `/api/v1/incidents/${incidentId}/deliveries`, { method: 'POST', token });
const incident = async (id: string) => expectStatus(await call(server.url, `/api/v1/incidents/${id}`, { token: tokens.viewer! }), 200);
const timeline = async (id: string) => (await expectStatus(await call(server.url, `/api/v1/incidents/${id}/timeline`, { token: tokens.viewer! }), 200)).items as Array<{ type: string; payload: any }>;
const isDone = (send: { status: string }) => send.status === 'complete';
const notices = (domain: string) => sink.received.filter((mail) => mail.to.some((address) => address.endsWith(`@${domain}`)));

describe('sending the notice to individuals', () => {
  it('sends each recipient one message in their language, reports progress, and moves the track to notified', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(30, 'one.example'));
    const started = await start(incidentId);
    const send = await expectStatus(started, 202);
    expect(started.headers.get('location')).toBe(`/api/v1/deliveries/${send.id}`);
    expect(send).toMatchObject({ incidentId, status: 'running', total: 30 });
    expect((await incident(incidentId)).tracks.individuals).toBe('sending');

    const done = await waitForSend(server.url, tokens.viewer!, send.id, isDone);
    expect(done).toMatchObject({ status: 'complete', total: 30, sent: 30, failed: 0, pending: 0, etaSeconds: null });
    expect(done.finishedAt).not.toBeNull();

    const mails = notices('one.example');
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(Array.from({ length: 30 }, (_, i) => recipientEmail(i, 'one.example')).sort());
    const parsed = await Promise.all(mails.map((mail) => simpleParser(mail.raw)));
    // One Message-ID per recipient, made of the approved version and the recipient.
    const ids = parsed.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) expect(id).toMatch(new RegExp(`^<notice\\.${send.versionId}\\.\\d+@chatter\\.example>$`));
    const german = parsed.find((mail) => mail.to && 'text' in mail.to && mail.to.text === recipientEmail(2, 'one.example'))!;
    const chinese = parsed.find((mail) => mail.to && 'text' in mail.to && mail.to.text === recipientEmail(0, 'one.example'))!;
    expect(german.text).toContain('[en] ');
    expect(german.text).not.toContain('[zh-CN] ');
    expect(german.text).toContain('Person 2');
    expect(chinese.text).toContain('[zh-CN] ');
    expect(chinese.text).toContain('用户0');
    expect(chinese.html).toContain('[zh-CN] ');

    expect((await incident(incidentId)).tracks.individuals).toBe('notified');
    const entries = await timeline(incidentId);
    expect(entries.find((e) => e.type === 'INDIVIDUALS_SENDING_STARTED')?.payload).toEqual({ sendId: send.id, recipients: 30 });
    expect(entries.find((e) => e.type === 'INDIVIDUALS_NOTIFIED')?.payload).toEqual({ sendId: send.id, sent: 30, failed: 0 });
    // Notified: there is nothing left to send, and the track says so.
    expect((await start(incidentId)).status).toBe(409);
  });

  it('refuses to start without an approved notice or without recipients, and to callers who may not send', async () => {
    const created = await expectStatus(await call(server.url, '/api/v1/incidents', { token: tokens.responder, json: { title: 'Not ready', severity: 'low' } }), 201);
    const refused = await expectStatus(await start(created.id), 409);
    expect(refused.detail).toMatch(/no approved notice to individuals/);
    expect((await start('no-such-incident')).status).toBe(404);

    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(3, 'roles.example'));
    expect((await start(incidentId, tokens.viewer)).status).toBe(403);
    expect((await start(incidentId, tokens.legal)).status).toBe(403);
    const send = await expectStatus(await start(incidentId), 202);
    await waitForSend(server.url, tokens.viewer!, send.id, isDone);
  });

  it('fails a message the server refuses for good (5xx), retries a temporary refusal (4xx), and lists the failures', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(12, 'mixed.example'));
    const refusedFor = recipientEmail(4, 'mixed.example');
    const flaky = recipientEmail(7, 'mixed.example');
    let flakyTries = 0;
    sink.failWhen((to) => (to.includes(refusedFor) ? 550 : to.includes(flaky) && ++flakyTries <= 2 ? 451 : null));
    const send = await expectStatus(await start(incidentId), 202);
    const done = await waitForSend(server.url, tokens.viewer!, send.id, isDone);
    expect(done).toMatchObject({ total: 12, sent: 11, failed: 1, pending: 0 });
    expect(flakyTries).toBe(3);
    expect(notices('mixed.example').filter((mail) => mail.to.includes(flaky))).toHaveLength(1);

    const failures = await expectStatus(await call(server.url, `/api/v1/deliveries/${send.id}/failures`, { token: tokens.legal }), 200);
    expect(failures.items).toEqual([expect.objectContaining({ email: refusedFor, attempts: 1, error: expect.stringMatching(/^550 /) })]);
    expect((await call(server.url, `/api/v1/deliveries/${send.id}/failures`, { token: tokens.viewer! })).status).toBe(403);
    expect((await timeline(incidentId)).find((e) => e.type === 'INDIVIDUALS_NOTIFIED')?.payload).toMatchObject({ sent: 11, failed: 1 });
  });

  it('pauses after repeated failures, tells the responders without quoting addresses, and finishes once resumed', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(20, 'down.example'), [{ name: 'On call', email: 'oncall@chatter.example' }]);
    sink.failWhen((to) => (to.some((address) => address.endsWith('@down.example')) ? 421 : null));
    const send = await expectStatus(await start(incidentId), 202);
    const paused = await waitForSend(server.url, tokens.viewer!, send.id, (s) => s.status === 'paused');
    expect(paused.statusReason).toMatch(/^5 messages in a row failed; the last: 421 /);
    expect(paused.statusReason).not.toMatch(/down\.example/);
    expect(paused.sent).toBe(0);

    const entry = (await timeline(incidentId)).find((e) => e.type === 'INDIVIDUALS_SENDING_PAUSED');
    expect(entry?.payload.reason).toBe(paused.statusReason);
    for (let i = 0; i < 200 && !sink.received.some((mail) => mail.to.includes('oncall@chatter.example')); i++) await new Promise((r) => setTimeout(r, 25));
    const alert = await simpleParser(sink.received.find((mail) => mail.to.includes('oncall@chatter.example'))!.raw);
    expect(alert.subject).toBe('[Breachline] Sending paused: notice to individuals - Chat database exposed');
    expect(alert.text).toContain(`/api/v1/deliveries/${send.id}/resume`);
    expect(alert.text).not.toContain('down.example');

    sink.failWhen(null);
    expect((await call(server.url, `/api/v1/deliveries/${send.id}/resume`, { method: 'POST', token: tokens.legal })).status).toBe(403);
    await expectStatus(await call(server.url, `/api/v1/deliveries/${send.id}/resume`, { method: 'POST', token: tokens.responder }), 200);
    const done = await waitForSend(server.url, tokens.viewer!, send.id, isDone);
    expect(done).toMatchObject({ sent: 20, failed: 0 });
    expect(notices('down.example')).toHaveLength(20);
    expect((await timeline(incidentId)).map((e) => e.type).filter((t) => t.startsWith('INDIVIDUALS_SENDING') || t === 'INDIVIDUALS_NOTIFIED')).toEqual([
      'INDIVIDUALS_SENDING_STARTED',
      'INDIVIDUALS_SENDING_PAUSED',
      'INDIVIDUALS_SENDING_RESUMED',
      'INDIVIDUALS_NOTIFIED',
    ]);
  });

  it('cancels a send for good: what the server already has finishes; a new send of the same words skips those', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(40, 'cancel.example'));
    // A slow server: the first messages sit with it, unanswered, while legal pauses and the responder cancels.
    const release = sink.hold();
    const first = await expectStatus(await start(incidentId), 202);
    await expectStatus(await call(server.url, `/api/v1/deliveries/${first.id}/pause`, { token: tokens.legal, json: { reason: 'checking the list' } }), 200);
    const cancelled = await expectStatus(await call(server.url, `/api/v1/deliveries/${first.id}/cancel`, { token: tokens.responder, json: {} }), 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'cancelled by a responder' });
    expect((await call(server.url, `/api/v1/deliveries/${first.id}/resume`, { method: 'POST', token: tokens.responder })).status).toBe(409);
    expect((await incident(incidentId)).tracks.individuals).toBe('approved');
    // Held past the worker's status check (200 ms), so the cancel is seen before more go out.
    await new Promise((r) => setTimeout(r, 300));
    release();
    // Those in flight are accepted and recorded; nothing else of the cancelled send goes out.
    await new Promise((r) => setTimeout(r, 500));
    const early = notices('cancel.example').length;
    expect(early).toBeLessThan(40);
    expect((await expectStatus(await call(server.url, `/api/v1/deliveries/${first.id}`, { token: tokens.viewer! }), 200)).sent).toBe(early);

    const second = await expectStatus(await start(incidentId), 202);
    const done = await waitForSend(server.url, tokens.viewer!, second.id, isDone);
    expect(done).toMatchObject({ total: 40 - early, sent: 40 - early });
    expect(notices('cancel.example')).toHaveLength(40);
    expect(new Set(notices('cancel.example').map((mail) => mail.to[0])).size).toBe(40);
    const history = await expectStatus(await call(server.url, `/api/v1/incidents/${incidentId}/deliveries`, { token: tokens.viewer! }), 200);
    expect(history.items.map((s: { status: string }) => s.status)).toEqual(['cancelled', 'complete']);
  });
});

describe('retention after a send', () => {
  it('deletes the delivery rows with the recipients once the incident has ended; the send keeps its counts', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(6, 'purge.example'));
    const send = await expectStatus(await start(incidentId), 202);
    await waitForSend(server.url, tokens.viewer!, send.id, isDone);
    const event = (json: unknown, token = tokens.responder) => call(server.url, `/api/v1/incidents/${incidentId}/events`, { token, json }).then((r) => expectStatus(r, 200));
    for (const duty of (await incident(incidentId)).obligations.filter((o: { recipient: string }) => o.recipient !== 'individuals')) {
      await event({ type: 'OBLIGATION_NOT_REQUIRED', obligationId: duty.id, reason: 'test: settled elsewhere' }, tokens.legal);
    }
    await event({ type: 'MARK_CONTAINED' });
    await event({ type: 'COMPLETE_REVIEW', cause: 'open database', lessons: 'scan network exposure', actions: [] });
    await event({ type: 'CLOSE' });

    const db = server.breachline.runtime.db.kysely;
    expect(await new RecipientRetention(db, 0, () => new Date(), 60_000).purgeDue()).toBe(1);
    expect(await db.selectFrom('deliveries').select('id').where('sendId', '=', send.id).execute()).toEqual([]);
    expect(await expectStatus(await call(server.url, `/api/v1/deliveries/${send.id}`, { token: tokens.viewer! }), 200)).toMatchObject({ status: 'complete', total: 6, sent: 6 });
    const audit = await (await call(server.url, `/api/v1/incidents/${incidentId}/audit`, { token: tokens.viewer! })).text();
    expect(audit).toContain('"deliveries":6');
  });
});

describe('sending with no SMTP server', () => {
  let dir: string;
  let offline: TestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'breachline-eml-'));
    offline = await startTestServer({ ...FAST, MAIL_OUTBOX_DIR: dir, MAIL_FROM: 'privacy@chatter.example' });
  });
  afterAll(async () => {
    await offline.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each notice as an .eml file named by its Message-ID', async () => {
    const local = offline.tokens as Tokens;
    const { incidentId } = await incidentReadyToSend(offline.url, local, recipientsCsv(5, 'eml.example'));
    const send = await expectStatus(await call(offline.url, `/api/v1/incidents/${incidentId}/deliveries`, { method: 'POST', token: local.responder }), 202);
    await waitForSend(offline.url, local.responder, send.id, isDone);
    const files = readdirSync(dir).filter((name) => name.startsWith(`notice.${send.versionId}.`));
    expect(files).toHaveLength(5);
    const mail = await simpleParser(readFileSync(join(dir, files[0]!)));
    expect(mail.messageId).toBe(`<${files[0]!.replace(/\.eml$/, '')}>`);
    expect(mail.text).toMatch(/\[(en|zh-CN)\] /);
  });
});
