import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectStatus, incidentReadyToSend, recipientsCsv, type Tokens } from '../../delivery/support.js';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.js';
import { ConsoleClient, textOf } from '../console-client.js';

// Polls and retries in milliseconds, so a send finishes within the test.
const FAST = { SCHEDULER_INTERVAL_MS: '50', DELIVERY_RETRY_SECONDS: '0.05' };

let sink: SmtpSink;
let server: TestServer;
let tokens: Tokens;
let responder: ConsoleClient;
let legal: ConsoleClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ ...FAST, SMTP_URL: sink.url, MAIL_FROM: 'Chatter Ltd <privacy@chatter.example>', SMTP_POOL_SIZE: '3' });
  tokens = server.tokens as Tokens;
  responder = new ConsoleClient(server.url);
  legal = new ConsoleClient(server.url);
  await responder.signIn(tokens.responder);
  await legal.signIn(tokens.legal);
});
afterAll(async () => {
  await server.stop();
  await sink.close();
});

const sendsOf = async (incidentId: string) => (await expectStatus(await call(server.url, `/api/v1/incidents/${incidentId}/deliveries`, { token: tokens.viewer! }), 200)).items as any[];
/** The "Who reads which language" table's text, and the warning after it. */
const languageTable = (html: string) => {
  const start = html.indexOf('<caption>Who reads which language</caption>');
  expect(start).toBeGreaterThan(-1);
  return textOf(html.slice(start, html.indexOf('<h3>Sends</h3>', start)));
};
const progressUrl = (html: string) => /data-send-progress="([^"]+)"/.exec(html)?.[1];

/** Reads the console's progress JSON, as the page's script does, until `done` says so. */
async function pollProgress(client: ConsoleClient, url: string, done: (progress: any) => boolean): Promise<any> {
  const until = Date.now() + 30_000;
  for (;;) {
    const page = await client.get(url);
    expect(page.status).toBe(200);
    const progress = JSON.parse(page.html);
    if (done(progress)) return progress;
    if (Date.now() > until) throw new Error(`the send did not get there in time: ${page.html}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sends from the delivery panel', () => {
  it('starts a send; its progress JSON reaches complete with every recipient sent', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(25, 'panel.example'));
    const legalPage = await legal.get(`/console/incidents/${incidentId}`);
    expect(legalPage.html).not.toContain(`action="/console/incidents/${incidentId}/deliveries"`);
    expect((await legal.post(`/console/incidents/${incidentId}/deliveries`, {})).status).toBe(403);
    expect(await sendsOf(incidentId)).toEqual([]);

    const page = await responder.get(`/console/incidents/${incidentId}`);
    expect(textOf(page.html)).toContain('Send the approved notice to 25 recipients');
    // Everyone reads a language the notice is written in: no warning.
    const plan = languageTable(page.html);
    expect(plan).toContain('zh-CN CN 17 Chinese, China (zh-CN), their own language ✓ Yes');
    expect(plan).toContain('en DE 8 English (en), their own language ✓ Yes');
    expect(textOf(page.html)).not.toContain('Before sending, add');
    const started = await responder.post(`/console/incidents/${incidentId}/deliveries`, {});
    expect(started.status, textOf(started.html)).toBe(303);
    const [send] = await sendsOf(incidentId);

    const sending = await responder.get(`/console/incidents/${incidentId}`);
    expect(textOf(sending.html)).toContain('Sending started to 25 recipients.');
    const url = progressUrl(sending.html)!;
    expect(url).toBe(`/console/deliveries/${send.id}/progress`);
    expect(sending.html).toMatch(/<progress data-send-field="bar" value="\d+" max="25"/);
    expect(sending.html).toContain('<noscript><meta http-equiv="refresh"');

    // Session-authenticated like every console page: without the cookie it is a sign-in redirect.
    expect((await fetch(server.url + url, { redirect: 'manual' })).status).toBe(303);
    const done = await pollProgress(responder, url, (p) => p.status === 'complete');
    expect(done).toMatchObject({ status: 'complete', total: 25, sent: 25, failed: 0, pending: 0, etaSeconds: null });
    expect(done.text).toMatchObject({ status: 'Complete', counts: '25 sent, 0 failed, 0 pending, of 25' });
    expect(sink.received.filter((mail) => mail.to[0]!.endsWith('@panel.example'))).toHaveLength(25);

    const finished = await responder.get(`/console/incidents/${incidentId}`);
    expect(progressUrl(finished.html)).toBeUndefined();
    expect(finished.html).not.toContain('http-equiv="refresh"');
    expect(textOf(finished.html)).toContain('Status: Complete');
    expect((await responder.get('/console/deliveries/no-such-send/progress')).status).toBe(404);
  });

  it('pauses, resumes and cancels; legal may pause and cancel but not start or resume; a refused action says why', async () => {
    const { incidentId } = await incidentReadyToSend(server.url, tokens, recipientsCsv(12, 'hold.example'));
    // The SMTP server holds its answers, so the send stays unfinished while the test acts on it.
    const release = sink.hold();
    try {
      await responder.get(`/console/incidents/${incidentId}`);
      expect((await responder.post(`/console/incidents/${incidentId}/deliveries`, {})).status).toBe(303);
      const [send] = await sendsOf(incidentId);
      const base = `/console/deliveries/${send.id}`;

      const legalPage = await legal.get(`/console/incidents/${incidentId}`);
      expect(legalPage.html).toContain('Pause this send');
      expect(legalPage.html).not.toContain(`action="${base}/resume"`);
      const paused = await legal.post(`${base}/pause`, { reason: 'The German text names the wrong helpline' });
      expect(paused.status, textOf(paused.html)).toBe(303);
      expect((await sendsOf(incidentId))[0]).toMatchObject({ status: 'paused', statusReason: 'The German text names the wrong helpline' });
      const pausedPage = textOf((await legal.get(`/console/incidents/${incidentId}`)).html);
      expect(pausedPage).toContain('Status: Paused The German text names the wrong helpline');

      expect((await legal.post(`${base}/resume`, {})).status).toBe(403);
      expect((await sendsOf(incidentId))[0].status).toBe('paused');

      await responder.get(`/console/incidents/${incidentId}`);
      expect((await responder.post(`${base}/resume`, {})).status).toBe(303);
      expect((await sendsOf(incidentId))[0].status).toBe('running');

      await legal.get(`/console/incidents/${incidentId}`);
      const cancelled = await legal.post(`${base}/cancel`, { reason: 'Sending the corrected version instead' });
      expect(cancelled.status).toBe(303);
      expect((await sendsOf(incidentId))[0]).toMatchObject({ status: 'cancelled', statusReason: 'Sending the corrected version instead' });

      // The page is stale (it still offers pause): the server refuses, on the incident page, with the reason.
      const refused = await legal.post(`${base}/pause`, { reason: 'too late' });
      expect(refused.status).toBe(409);
      expect(textOf(refused.html)).toContain(`send ${send.id} is cancelled; only a running send can become paused`);
      expect(refused.html).toContain('<h1>Chat database exposed</h1>');
    } finally {
      release();
    }
  });

  it('shows which language each group of recipients reads, and warns of the languages the notice still lacks', async () => {
    const csv = ['email,name,locale,jurisdiction,memberId', 'a@lang.example,Anne,,FR,M-1', 'b@lang.example,Ben,ja,,M-2', 'c@lang.example,Cai,,,M-3', 'd@lang.example,Dora,zh-CN,CN,M-4'].join('\n');
    const { incidentId } = await incidentReadyToSend(server.url, tokens, `${csv}\n`);
    const page = await responder.get(`/console/incidents/${incidentId}`);
    const plan = languageTable(page.html);
    expect(plan).toContain('- FR 1 French (fr), official language where they live ✗ No');
    expect(plan).toContain('ja - 1 Japanese (ja), their own language ✗ No');
    expect(plan).toContain('- - 1 Chinese, China (zh-CN), the notice’s primary language ✓ Yes');
    expect(plan).toContain('zh-CN CN 1 Chinese, China (zh-CN), their own language ✓ Yes');
    expect(plan).toMatch(/Before sending, add these languages to the notice to individuals: (French \(fr\), Japanese \(ja\)|Japanese \(ja\), French \(fr\))\./);
  });

  it('refuses to start without an approved notice, with the reason on the incident page', async () => {
    const created = await readJson(await server.request('/api/v1/incidents', { method: 'POST', token: tokens.responder, json: { title: 'Nothing approved', severity: 'low' } }));
    await responder.get(`/console/incidents/${created.id}`);
    const refused = await responder.post(`/console/incidents/${created.id}/deliveries`, {});
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('has no approved notice to individuals');
    expect(await sendsOf(created.id)).toEqual([]);
  });
});
