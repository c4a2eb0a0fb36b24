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

  it('answers a made-up jurisdiction code with 400 naming the field', async () => {
    for (const code of ['US-ZZ', 'XX']) {
      const response = await server.request('/api/v1/assessments', { method: 'POST', json: { ...chatLeak, affected: [{ jurisdiction: code, count: 5 }] } });
      expect(response.status).toBe(400);
      expect((await readJson(response)).errors[0]).toMatchObject({ path: 'affected.0.jurisdiction', message: `"${code}" is not an ISO 3166-1 country or ISO 3166-2 subdivision code` });
    }
  });

  it('keeps a place with no rules open on the regulators track until legal records a decision, and lets legal write to its people', async () => {
    const incident = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'Tuvalu leak', severity: 'high' }, token: server.tokens.responder }));
    const events = `/api/v1/incidents/${incident.id}/events`;
    const send = (token: string, json: Record<string, unknown>) => server.request(events, { method: 'POST', token, json });
    await send(server.tokens.responder, { type: 'CONFIRM', awarenessAt: chatLeak.awarenessAt });
    const scoped = await readJson(await send(server.tokens.responder, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'TV', count: 40 }], dataCategories: ['contact'] }));
    // No rule applies anywhere, yet the track is not done: the decision for Tuvalu is still open.
    expect(scoped.tracks.regulators).toBe('reporting');
    expect(scoped.obligations.map((o: { id: string }) => o.id)).toEqual(['uncovered:decision:TV']);
    const before = await readJson(await server.request(`/api/v1/incidents/${incident.id}/obligations`, { token: server.tokens.viewer }));
    expect(before.uncovered).toEqual([{ jurisdiction: 'TV', name: 'Tuvalu', count: 40, reason: 'no_rules', message: 'No rules for Tuvalu: decide with counsel', decision: null }]);

    const draft = await server.request(`/api/v1/incidents/${incident.id}/notices`, { method: 'POST', token: server.tokens.legal, json: { target: 'individuals', organizationName: 'Acme Ltd' } });
    expect(draft.status, JSON.stringify(await draft.clone().json())).toBe(201);

    expect((await send(server.tokens.responder, { type: 'RECORD_LEGAL_FINDING', jurisdiction: 'TV', rationale: 'no statute; notify as a courtesy' })).status).toBe(403);
    const decided = await readJson(await send(server.tokens.legal, { type: 'RECORD_LEGAL_FINDING', jurisdiction: 'TV', rationale: 'No breach statute in Tuvalu; counsel advises a courtesy notice to the 40 customers.' }));
    expect(decided.tracks.regulators).toBe('done');
    expect(decided.scope.legalFindings).toEqual([
      expect.objectContaining({ jurisdiction: 'TV', harm: null, rationale: expect.stringContaining('courtesy'), recordedBy: expect.stringMatching(/^token:/), recordedAt: expect.any(String) }),
    ]);
    const after = await readJson(await server.request(`/api/v1/incidents/${incident.id}/obligations`, { token: server.tokens.viewer }));
    expect(after.uncovered[0].decision).toMatchObject({ rationale: expect.stringContaining('courtesy') });
    const timeline = await readJson(await server.request(`/api/v1/incidents/${incident.id}/timeline`, { token: server.tokens.viewer }));
    expect(timeline.items.map((e: { type: string }) => e.type)).toContain('RECORD_LEGAL_FINDING');
  });

  it('lists a duty that turns on an unrecorded fact as undetermined, and settles it when legal finds harm unlikely', async () => {
    const florida = { awarenessAt: chatLeak.awarenessAt, organization: {}, affected: [{ jurisdiction: 'US-FL', count: null }], dataCategories: ['name', 'national_id'], media: ['electronic'] };
    const open = await readJson(await server.request('/api/v1/assessments', { method: 'POST', json: florida }));
    const department = open.obligations.find((o: { id: string }) => o.id === 'us-fl-501.171:regulator:US-FL');
    // Fla. Stat. 501.171(3): the Department hears of breaches affecting 500 or more; nobody has counted yet.
    expect(department).toMatchObject({ applies: 'undetermined', missingFacts: expect.arrayContaining(['affected.US-FL.count']) });
    const found = await readJson(await server.request('/api/v1/assessments', {
      method: 'POST',
      json: { ...florida, affected: [{ jurisdiction: 'US-FL', count: 900 }], legalFindings: [{ jurisdiction: 'US-FL', harm: 'unlikely', rationale: 'laptop recovered sealed' }] },
    }));
    const individuals = found.obligations.find((o: { id: string }) => o.id === 'us-fl-501.171:individuals:US-FL');
    // 501.171(4)(c): no notice is needed once the business determines, in writing, that no identity theft or financial harm is likely...
    expect(individuals.exemptions.filter((e: { likelyAvailable: boolean }) => e.likelyAvailable).length).toBeGreaterThan(0);
    // ...and that written determination goes to the Department of Legal Affairs within 30 days.
    expect(found.obligations.map((o: { id: string }) => o.id)).toContain('us-fl-501.171:no-harm-determination:US-FL');
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
