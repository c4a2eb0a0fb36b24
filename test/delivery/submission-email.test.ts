import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailTransport } from '../../src/delivery/mail-transport.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { REPORT_MAIL_KIND } from '../../src/delivery/report-mail.js';
import { reportOutboxHooks } from '../../src/delivery/report-outbox-hooks.js';
import { api } from '../notices/notice-api-support.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { approvedReport, obligationOf, reportPaths, UK } from './submission-support.js';

let server: TestServer;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  // The worker's own loop waits; each test sends with deliver() so it knows what went out when.
  server = await startTestServer({ SMTP_URL: sink.url, SCHEDULER_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await server.stop();
  await sink.close();
});
beforeEach(() => {
  sink.received.length = 0;
});

const deliver = () => server.breachline.runtime.outbox.tick();
const submit = (incidentId: string, json: unknown, token = server.tokens.responder) =>
  server.request(reportPaths(incidentId).submissions, { method: 'POST', token, json });
const submissions = async (incidentId: string) => readJson(await server.request(reportPaths(incidentId).submissions, { token: server.tokens.viewer }));
/** The message as written, with folded headers unfolded and quoted-printable soft breaks and escapes undone. */
const decoded = (raw: string) =>
  raw
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const submittedEvents = async (incidentId: string) =>
  (await readJson(await server.request(`/api/v1/incidents/${incidentId}/timeline`))).items.filter((e: { type: string }) => e.type === 'REPORT_SUBMITTED');

describe('emailing the approved report to the authority', () => {
  it('queues it, and the obligation is submitted when the mail server accepts it', async () => {
    const { incidentId, version } = await approvedReport(server);
    const queued = await submit(incidentId, { channel: 'email', to: ['breach-reports@ico.example'] });
    expect(queued.status).toBe(202);
    expect(queued.headers.get('location')).toBe(reportPaths(incidentId).submissions);
    const submission = await readJson(queued);
    expect(submission).toMatchObject({
      channel: 'email',
      status: 'queued',
      recorded: false,
      to: ['breach-reports@ico.example'],
      version: 2,
      messageId: `<report.uk-gdpr.regulator.GB.${version.id}@breachline.local>`,
      by: expect.stringMatching(/^token:/),
    });
    expect((await obligationOf(server, incidentId)).status).toBe('approved');

    expect(await deliver()).toBe(1);
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toEqual(['breach-reports@ico.example']);
    const message = decoded(mail.raw);
    expect(message).toContain(`Message-ID: ${submission.messageId}`);
    expect(message).toContain('Content-Type: text/html');
    expect(message).toContain('<p>Text for natureOfBreach.</p>');

    const list = await submissions(incidentId);
    expect(list).toMatchObject({ obligationId: UK, status: 'submitted' });
    expect(list.items).toMatchObject([{ status: 'sent', recorded: true, messageId: submission.messageId, serverResponse: expect.stringMatching(/^250/), failure: null }]);
    const obligation = await obligationOf(server, incidentId);
    expect(obligation.status).toBe('submitted');
    expect(obligation.submission).toEqual({ channel: 'email', reference: submission.messageId, submittedAt: list.items[0].sentAt, by: 'system:delivery' });
    expect((await submittedEvents(incidentId)).map((e: { actor: unknown }) => e.actor)).toEqual([{ kind: 'system', id: 'delivery' }]);
    expect(await (await server.request(`/api/v1/incidents/${incidentId}/audit`)).text()).toContain('report.email_queued');

    const again = await submit(incidentId, { channel: 'email', to: ['breach-reports@ico.example'] });
    expect(again.status).toBe(409);
    expect((await readJson(again)).detail).toMatch(/already submitted by email/);
  });

  it('takes the address from the request, else the organisation’s settings, else asks for one', async () => {
    const { incidentId } = await approvedReport(server);
    const missing = await submit(incidentId, { channel: 'email' });
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).errors).toEqual([{ path: 'to', message: expect.stringContaining('PUT /api/v1/settings/authority-contacts/uk-gdpr') }]);

    const setting = '/api/v1/settings/authority-contacts/uk-gdpr';
    expect((await server.request(setting, { method: 'PUT', json: { emails: ['casework@ico.example'], name: 'ICO casework' } })).status).toBe(200);
    expect(await readJson(await submit(incidentId, { channel: 'email' }))).toMatchObject({ to: ['casework@ico.example'] });
    const other = await approvedReport(server);
    expect(await readJson(await submit(other.incidentId, { channel: 'email', to: ['named@ico.example'] }))).toMatchObject({ to: ['named@ico.example'] });
    expect((await server.request(setting, { method: 'DELETE' })).status).toBe(204);

    expect(await deliver()).toBe(2);
    expect(sink.received.map((m) => m.to).sort()).toEqual([['casework@ico.example'], ['named@ico.example']]);
  });

  it('leaves the obligation approved on a permanent refusal, shows why, and sends the same message on a retry', async () => {
    const { incidentId } = await approvedReport(server);
    sink.failNext(1, 550);
    const first = await readJson(await submit(incidentId, { channel: 'email', to: ['full-mailbox@ico.example'] }));
    expect(await deliver()).toBe(0);
    expect((await obligationOf(server, incidentId)).status).toBe('approved');
    expect((await submissions(incidentId)).items).toMatchObject([{ status: 'failed', recorded: false, failure: expect.stringContaining('550'), sentAt: null }]);

    const retry = await submit(incidentId, { channel: 'email', to: ['casework@ico.example'] });
    expect(retry.status).toBe(202);
    expect((await readJson(retry)).messageId).toBe(first.messageId);
    expect(await deliver()).toBe(1);
    const list = await submissions(incidentId);
    expect(list.status).toBe('submitted');
    expect(list.items.map((i: { status: string; recorded: boolean }) => [i.status, i.recorded])).toEqual([['failed', false], ['sent', true]]);
  });

  it('refuses a second email of a version still queued', async () => {
    const { incidentId } = await approvedReport(server);
    expect((await submit(incidentId, { channel: 'email', to: ['a@ico.example'] })).status).toBe(202);
    const twice = await submit(incidentId, { channel: 'email', to: ['b@ico.example'] });
    expect(twice.status).toBe(409);
    expect((await readJson(twice)).detail).toMatch(/version 2 of the report for uk-gdpr:regulator:GB is already queued/);
    await deliver();
  });

  it('withdraws a queued report that was edited before it went out', async () => {
    const { incidentId, noticeId } = await approvedReport(server);
    await submit(incidentId, { channel: 'email', to: ['casework@ico.example'] });
    expect((await api(server).edit(noticeId, { fields: { natureOfBreach: 'Corrected.' } })).status).toBe(201);
    expect(await deliver()).toBe(0);
    expect(sink.received).toHaveLength(0);
    expect((await submissions(incidentId)).items).toMatchObject([{ status: 'failed', failure: expect.stringMatching(/^withdrawn before sending: .*edited after legal approved it/) }]);
    expect((await obligationOf(server, incidentId)).status).toBe('drafting');
  });

  it('records nothing twice when someone records the submission by hand while the mail is in flight', async () => {
    const { incidentId } = await approvedReport(server);
    await submit(incidentId, { channel: 'email', to: ['casework@ico.example'] });
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const recordingByHand: MailTransport = {
      async send() {
        const recorded = await submit(incidentId, { channel: 'portal', reference: 'ICO-RACE-1' }, server.tokens.legal);
        expect(recorded.status).toBe(201);
        return '250 2.0.0 accepted';
      },
      close: () => undefined,
    };
    const { db, incidents, notices } = server.breachline.runtime;
    const hooks = { [REPORT_MAIL_KIND]: reportOutboxHooks({ incidents, notices: notices.queries, logger, smtpConfigured: true }) };
    const worker = new OutboxWorker(db.kysely, recordingByHand, { intervalMs: 60_000, logger, hooks });
    expect(await worker.tick()).toBe(1);

    expect((await obligationOf(server, incidentId)).submission).toMatchObject({ channel: 'portal', reference: 'ICO-RACE-1' });
    expect(await submittedEvents(incidentId)).toHaveLength(1);
    expect((await submissions(incidentId)).items).toMatchObject([
      { channel: 'email', status: 'sent', recorded: false, serverResponse: '250 2.0.0 accepted' },
      { channel: 'portal', status: 'recorded', recorded: true },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not recording it again');
    expect(lines[0]).not.toContain('casework@ico.example');
  });
});

describe('an authority address published in the regime file', () => {
  let withAddress: TestServer;
  let workflows: string;
  beforeAll(async () => {
    workflows = mkdtempSync(join(tmpdir(), 'breachline-workflows-'));
    cpSync(new URL('../../workflows', import.meta.url), workflows, { recursive: true });
    const file = join(workflows, 'uk-gdpr.yaml');
    // The regulator entry comes first in the file; the ICO publishes a form and a helpline, not an address.
    const text = readFileSync(file, 'utf8');
    const withEmail = text.replace(/(\n {4}contact: \{ channel: "[^"]*", url: "[^"]*")( \})/, '$1, email: "breach@ico.example"$2');
    if (withEmail === text) throw new Error('the uk-gdpr regulator contact is no longer where this test looks for it');
    writeFileSync(file, withEmail);
    withAddress = await startTestServer({ SMTP_URL: sink.url, SCHEDULER_INTERVAL_MS: '600000', WORKFLOWS_DIR: workflows });
  });
  afterAll(async () => {
    await withAddress.stop();
    rmSync(workflows, { recursive: true, force: true });
  });

  it('is used when the request and the settings name none; a setting overrides it', async () => {
    const send = async (incidentId: string) =>
      readJson(await withAddress.request(reportPaths(incidentId).submissions, { method: 'POST', json: { channel: 'email' } }));
    expect(await send((await approvedReport(withAddress)).incidentId)).toMatchObject({ to: ['breach@ico.example'] });
    await withAddress.request('/api/v1/settings/authority-contacts/uk-gdpr', { method: 'PUT', json: { emails: ['own@ico.example'] } });
    expect(await send((await approvedReport(withAddress)).incidentId)).toMatchObject({ to: ['own@ico.example'] });
  });
});
