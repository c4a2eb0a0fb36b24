import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { chatLeakFacts as chatLeak } from './chat-leak-facts.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('obligations API', () => {
  it('answers a what-if with every duty, its clock and its citation', async () => {
    const response = await server.request('/api/v1/assessments', { method: 'POST', json: chatLeak, token: server.tokens.legal });
    expect(response.status).toBe(200);
    const { obligations } = await readJson(response);
    const byId = new Map(obligations.map((o: { id: string }) => [o.id, o]));
    expect(byId.get('cn-cac-incident-reporting:regulator:CN')).toMatchObject({
      dueAt: '2026-11-20T04:00:00.000Z',
      deadline: { amount: 4, unit: 'hours', from: 'awarenessAt' },
      reason: expect.stringContaining('1,200,000'),
      verification: expect.any(String),
    });
    expect(byId.get('eu-gdpr:regulator:DE')).toMatchObject({ dueAt: '2026-11-23T00:00:00.000Z', citation: expect.stringContaining('Art. 33') });
    expect(byId.get('cn-pipl:individuals:CN')).toMatchObject({ urgent: true, dueAt: null });
    expect(obligations[0].urgent).toBe(true);
  });

  it('names the missing clock fact instead of guessing a due time', async () => {
    const { obligations } = await readJson(await server.request('/api/v1/assessments', { method: 'POST', json: { ...chatLeak, awarenessAt: null } }));
    const gdpr = obligations.find((o: { id: string }) => o.id === 'eu-gdpr:regulator:DE');
    expect(gdpr).toMatchObject({ dueAt: null, missingFacts: ['awarenessAt'] });
  });

  it('refuses bad facts naming the field', async () => {
    const response = await server.request('/api/v1/assessments', { method: 'POST', json: { ...chatLeak, affected: [{ jurisdiction: 'China', count: 1 }] } });
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors[0].path).toBe('affected.0.jurisdiction');
    expect((await server.request('/api/v1/assessments', { method: 'POST', json: chatLeak, token: server.tokens.ingest })).status).toBe(403);
  });

  it('shows an incident’s obligations with live status, local and UTC due times, after its scope is set', async () => {
    const incident = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'Chat leak', severity: 'critical' }, token: server.tokens.responder }));
    const events = `/api/v1/incidents/${incident.id}/events`;
    await server.request(events, { method: 'POST', token: server.tokens.responder, json: { type: 'CONFIRM', awarenessAt: chatLeak.awarenessAt } });
    const { affected, dataCategories } = chatLeak;
    const scoped = await readJson(await server.request(events, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', affected, dataCategories } }));
    expect(scoped.tracks.regulators).toBe('reporting');
    await server.request(events, { method: 'POST', token: server.tokens.legal, json: { type: 'OBLIGATION_NOT_REQUIRED', obligationId: 'eu-gdpr:regulator:DE', reason: 'lead authority is elsewhere' } });

    const { obligations } = await readJson(await server.request(`/api/v1/incidents/${incident.id}/obligations`, { token: server.tokens.viewer }));
    const byId = new Map(obligations.map((o: { id: string }) => [o.id, o]));
    // The 4-hour CAC report was due long ago (awareness is in the past): missed, not silently pending.
    expect(byId.get('cn-cac-incident-reporting:regulator:CN')).toMatchObject({ status: 'missed', dueAtLocal: '2026-11-20T12:00:00.000+08:00' });
    expect(byId.get('eu-gdpr:regulator:DE')).toMatchObject({ status: 'not_required', notRequiredReason: 'lead authority is elsewhere' });
    expect((await server.request(`/api/v1/incidents/missing/obligations`)).status).toBe(404);

    // The scheduler fires the overdue CAC deadline on its next pass; /metrics then counts it.
    let metrics = '';
    for (let i = 0; i < 100 && !/breachline_obligations_overdue\{recipient="regulator"\} [1-9]/.test(metrics); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      metrics = await (await server.request('/metrics', { token: server.tokens.viewer })).text();
    }
    expect(metrics).toMatch(/breachline_obligations_overdue\{recipient="regulator"\} [1-9]/);
    const timeline = await readJson(await server.request(`/api/v1/incidents/${incident.id}/timeline`));
    expect(timeline.items.map((e: { type: string }) => e.type)).toContain('DEADLINE_REACHED');
  });
});
