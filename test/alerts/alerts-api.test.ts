import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertPageSchema } from '../../src/alerts/routes/alert-schemas.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { createSource, expectProblem, fixture } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await createSource(server, { name: 'posture', kind: 'generic' });
});
afterAll(() => server.stop());

const generic = (dedupKey: string, extra: Record<string, unknown> = {}) => ({ ...fixture('generic.json', { SOURCE: 'posture' }), dedupKey, ...extra });
async function ingest(body: unknown): Promise<string> {
  const response = await server.request('/api/v1/alerts', { method: 'POST', json: body, token: server.tokens.ingest });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await readJson(response)).alerts[0].id;
}
const page = async (query: string, token = server.tokens.viewer) => alertPageSchema.parse(await readJson(await server.request(`/api/v1/alerts${query}`, { token })));
const act = (id: string, action: string, json: unknown, token = server.tokens.responder) =>
  server.request(`/api/v1/alerts/${id}/${action}`, { method: 'POST', json, token });

describe('alerts API', () => {
  it('never doubles an alert: concurrent deliveries of one key make one row counting all of them', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => server.request('/api/v1/alerts', { method: 'POST', json: generic('race'), token: server.tokens.ingest })));
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await readJson(r)).alerts[0].id)));
    expect(ids.size).toBe(1);
    const { items } = await page('?q=invoices&status=firing');
    expect(items.filter((a) => a.dedupKey === 'race').map((a) => a.count)).toEqual([40]);
  });

  it('lists newest first with filters and cursor pages', async () => {
    for (let i = 0; i < 5; i++) await ingest(generic(`page-${i}`, { severity: i % 2 === 0 ? 'low' : 'critical', title: `Paging alert ${i}` }));
    const first = await page('?q=paging&limit=2');
    expect(first.items.map((a) => a.dedupKey)).toEqual(['page-4', 'page-3']);
    const second = await page(`?q=paging&limit=2&cursor=${first.nextCursor}`);
    const third = await page(`?q=paging&limit=2&cursor=${second.nextCursor}`);
    expect([...second.items, ...third.items].map((a) => a.dedupKey)).toEqual(['page-2', 'page-1', 'page-0']);
    expect(third.nextCursor).toBeNull();
    expect((await page('?q=paging&severity=critical')).items.map((a) => a.dedupKey)).toEqual(['page-3', 'page-1']);
    expect((await page('?source=posture&linked=true')).items).toEqual([]);
    await expectProblem(await server.request('/api/v1/alerts?cursor=bogus'), 400);
    await expectProblem(await server.request('/api/v1/alerts?linked=maybe'), 400);
  });

  it('promotes an alert to an incident once, and merges another into it', async () => {
    const promotedId = await ingest(generic('promote-me'));
    const promoted = await act(promotedId, 'promote', { severity: 'critical' });
    expect(promoted.status).toBe(201);
    const { incidentId } = await readJson(promoted);
    expect(promoted.headers.get('location')).toBe(`/api/v1/incidents/${incidentId}`);
    expect((await expectProblem(await act(promotedId, 'promote', {}), 409)).type).toBe('urn:breachline:problem:alert-linked');

    const mergedId = await ingest(generic('merge-me'));
    expect(await readJson(await act(mergedId, 'merge', { incidentId }))).toEqual({ incidentId });
    const incident = await readJson(await server.request(`/api/v1/incidents/${incidentId}`));
    expect(incident).toMatchObject({ severity: 'critical', title: 'S3 bucket customer-invoices became publicly readable' });
    expect(incident.alerts.map((a: { alertId: string }) => a.alertId)).toEqual([promotedId, mergedId]);
    expect((await page(`?incidentId=${incidentId}`)).items.map((a) => a.id).sort()).toEqual([promotedId, mergedId].sort());
    await expectProblem(await act(await ingest(generic('orphan')), 'merge', { incidentId: 'no-such-incident' }), 404);
    await expectProblem(await act(mergedId, 'merge', { incidentId }, server.tokens.legal), 403);
  });

  it('refuses to merge into a dismissed incident, naming what it accepts', async () => {
    const incident = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'noise', severity: 'low' }, token: server.tokens.responder }));
    await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', json: { type: 'DISMISS', reason: 'noise' }, token: server.tokens.responder });
    const refused = await expectProblem(await act(await ingest(generic('too-late')), 'merge', { incidentId: incident.id }), 409);
    expect(refused.allowedEvents).toEqual(['REOPEN']);
  });

  it('snoozes by hand until a future time, and the snoozed filter finds it', async () => {
    const id = await ingest(generic('snooze-me'));
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(await readJson(await act(id, 'snooze', { until, reason: 'known maintenance' }))).toEqual({ snoozedUntil: until });
    expect((await page('?snoozed=true')).items.map((a) => a.id)).toEqual([id]);
    const past = await expectProblem(await act(id, 'snooze', { until: '2020-01-01T00:00:00Z', reason: 'x' }), 400);
    expect(past.errors).toEqual([{ path: 'until', message: 'must be in the future' }]);
  });
});
