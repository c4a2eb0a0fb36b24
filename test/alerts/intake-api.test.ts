import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptsSchema, alertDetailSchema } from '../../src/alerts/routes/alert-schemas.js';
import { signBody } from '../../src/alerts/source-credentials.js';
import { timelineSchema } from '../../src/lifecycle/routes/incident-schemas.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { alertCount, createSource, expectProblem, fixture } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BODY_LIMIT_BYTES: '65536' });
});
afterAll(() => server.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}, token: string | null = server.tokens.ingest) =>
  server.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), token, headers: { 'Content-Type': 'application/json', ...headers } });

async function receipts(response: Response) {
  expect(response.status, await response.clone().text()).toBe(200);
  return receiptsSchema.parse(await response.json()).alerts;
}

describe('alert intake', () => {
  it('accepts an Alertmanager webhook, folds the re-send into the same alerts, and notes the resolve on the incident', async () => {
    await createSource(server, { name: 'prom', kind: 'alertmanager', rules: { autoOpen: [{ minSeverity: 'high' }], groupBy: ['alertname'] } });
    const first = await receipts(await post('/api/v1/alerts/alertmanager?source=prom', fixture('alertmanager-firing.json')));
    expect(first.map((r) => r.outcome)).toEqual(['created', 'created']);
    // Both share alertname, so the second joined the incident the first opened.
    const incidentId = first[0]!.incidentId!;
    expect(first[1]!.incidentId).toBe(incidentId);

    const again = await receipts(await post('/api/v1/alerts/alertmanager?source=prom', fixture('alertmanager-firing.json')));
    expect(again.map((r) => [r.id, r.outcome])).toEqual(first.map((r) => [r.id, 'deduplicated']));

    const resolved = await receipts(await post('/api/v1/alerts/alertmanager?source=prom', fixture('alertmanager-resolved.json')));
    expect(resolved).toEqual([{ id: first[0]!.id, dedupKey: '5e0a7c1d9b3f2a41', outcome: 'resolved', status: 'resolved', incidentId }]);

    const alert = alertDetailSchema.parse(await readJson(await server.request(`/api/v1/alerts/${first[0]!.id}`, { token: server.tokens.viewer })));
    expect(alert).toMatchObject({ source: 'prom', count: 3, status: 'resolved', severity: 'critical', occurredAt: '2026-11-20T07:42:13.512Z', incidentId });
    expect(alert.title).toBe('Customer database accepts connections from the internet');
    expect((alert.payloads.first as any).status).toBe('firing');
    expect((alert.payloads.last as any).alerts).toHaveLength(1);
    expect((alert.payloads.last as any).status).toBe('resolved');

    const timeline = timelineSchema.parse(await readJson(await server.request(`/api/v1/incidents/${incidentId}/timeline`)));
    expect(timeline.items.map((e) => e.type)).toEqual(['CREATED', 'ALERT_LINKED', 'ALERT_LINKED', 'ALERT_RESOLVED']);
    expect(timeline.items[1]!.actor).toEqual({ kind: 'system', id: 'alerts' });
    const incident = await readJson(await server.request(`/api/v1/incidents/${incidentId}`));
    expect(incident.phase).toBe('detected');
    expect(await alertCount(server, 'prom', 'created')).toBe(2);
    expect(await alertCount(server, 'prom', 'deduplicated')).toBe(2);
    expect(await alertCount(server, 'prom', 'resolved')).toBe(1);
  });

  it('accepts a Grafana webhook and keeps its extras', async () => {
    await createSource(server, { name: 'grafana-sec', kind: 'grafana' });
    const [receipt] = await receipts(await post('/api/v1/alerts/grafana?source=grafana-sec', fixture('grafana-firing.json')));
    expect(receipt).toMatchObject({ outcome: 'created', incidentId: null, dedupKey: '9a41c6d2e0b7f358' });
    const alert = await readJson(await server.request(`/api/v1/alerts/${receipt!.id}`));
    expect(alert).toMatchObject({ severity: 'medium', occurredAt: '2026-11-21T13:03:00.000Z', labels: { service: 'crm' } });
    expect(alert.details).toMatchObject({ values: { A: 48210, B: 1 }, dashboardURL: expect.stringContaining('crm-exports') });
  });

  it('takes PagerDuty events by routing key: 202 with the dedup key, resolve, and a key made when none is sent', async () => {
    const source = await createSource(server, { name: 'waf', kind: 'pagerduty' });
    expect(source.routingKey).toMatch(/^[0-9a-f]{32}$/);
    const listed = await readJson(await server.request(`/api/v1/alert-sources/${source.id}`));
    expect(JSON.stringify(listed)).not.toContain(source.routingKey);

    const trigger = fixture('pagerduty-trigger.json', { ROUTING_KEY: source.routingKey });
    const accepted = await post('/api/v1/alerts/pagerduty', trigger, {}, null);
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'waf-sqli-checkout-2026-11-22' });
    const resolve = await post('/api/v1/alerts/pagerduty', fixture('pagerduty-resolve.json', { ROUTING_KEY: source.routingKey }), {}, null);
    expect(resolve.status).toBe(202);
    const page = await readJson(await server.request('/api/v1/alerts?source=waf'));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ status: 'resolved', count: 2, severity: 'critical', labels: { component: 'checkout-api' } });

    const { dedup_key: _, ...keyless } = trigger;
    const made = await readJson(await post('/api/v1/alerts/pagerduty', keyless, {}, null));
    expect(made.dedup_key).toMatch(/^[0-9a-f]{32}$/);
    const unknownKey = await expectProblem(await post('/api/v1/alerts/pagerduty', { ...trigger, routing_key: 'f'.repeat(32) }, {}, null), 401);
    expect(unknownKey.detail).toContain('routing_key');
  });

  it('accepts the generic format with an ingest token, or signed with the source secret', async () => {
    await createSource(server, { name: 'posture', kind: 'generic' });
    const generic = fixture('generic.json', { SOURCE: 'posture' });
    const [created] = await receipts(await post('/api/v1/alerts', generic));
    expect(created).toMatchObject({ outcome: 'created', status: 'firing' });

    const signed = await createSource(server, { name: 'signed', kind: 'generic', auth: 'hmac' });
    const body = JSON.stringify({ ...generic, source: 'signed' });
    const ok = await post('/api/v1/alerts', body, { 'X-Breachline-Signature': signBody(signed.secret, body) }, null);
    expect((await receipts(ok))[0]!.outcome).toBe('created');
    const forged = await expectProblem(await post('/api/v1/alerts', body, { 'X-Breachline-Signature': signBody('not-the-secret', body) }, null), 401);
    expect(forged.type).toBe('urn:breachline:problem:bad-signature');
    await expectProblem(await post('/api/v1/alerts', body, {}, null), 401);
    // A token alone does not replace the signature an hmac source demands.
    await expectProblem(await post('/api/v1/alerts', body), 401);
  });

  it('refuses bad input with a problem naming it, and counts the refusals', async () => {
    await createSource(server, { name: 'strict', kind: 'generic' });
    const good = fixture('generic.json', { SOURCE: 'strict' });
    const before = await alertCount(server, 'strict', 'rejected');
    const unknownBefore = await alertCount(server, '(unknown)', 'rejected');
    expect((await expectProblem(await post('/api/v1/alerts', '{"source":'), 400)).type).toBe('urn:breachline:problem:malformed-json');
    const types = await expectProblem(await post('/api/v1/alerts', { ...good, severity: 5, labels: { a: 1 } }), 400);
    expect(types.errors?.map((e) => e.path).sort()).toEqual(['labels.a', 'severity']);
    const unknown = await expectProblem(await post('/api/v1/alerts', { ...good, source: 'nope' }), 400);
    expect(unknown.errors).toEqual([{ path: 'source', message: 'is not a configured alert source' }]);
    await expectProblem(await post('/api/v1/alerts', { ...good, source: 'nope' }, {}, null), 401);
    await expectProblem(await post('/api/v1/alerts/alertmanager?source=strict', fixture('alertmanager-firing.json')), 400);
    await expectProblem(await post('/api/v1/alerts/alertmanager', fixture('alertmanager-firing.json')), 400);
    await expectProblem(await post('/api/v1/alerts', good, {}, server.tokens.admin), 403);
    await expectProblem(await post('/api/v1/alerts', good, {}, 'bl_revoked-or-invented'), 401);
    await expectProblem(await post('/api/v1/alerts', { ...good, details: { blob: 'x'.repeat(70_000) } }), 413);
    // Without Content-Length (chunked), the limit is enforced while the body streams in.
    const chunked = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(JSON.stringify({ ...good, details: { blob: 'x'.repeat(70_000) } }))), c.close()) });
    await expectProblem(await server.request('/api/v1/alerts', { method: 'POST', body: chunked, duplex: 'half', token: server.tokens.ingest, headers: { 'Content-Type': 'application/json' } } as RequestInit), 413);
    await expectProblem(await post('/api/v1/alerts', good, { 'Content-Type': 'text/plain' }), 415);
    // Refusals before the source is known count under (unknown); the body limit refuses before intake runs.
    expect(await alertCount(server, 'strict', 'rejected')).toBe(before + 2);
    expect(await alertCount(server, '(unknown)', 'rejected')).toBe(unknownBefore + 7);
    expect((await readJson(await server.request('/api/v1/alerts?source=strict'))).items).toEqual([]);
  });
});
