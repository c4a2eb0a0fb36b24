import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentPageSchema, incidentSchema, timelineSchema } from '../../src/lifecycle/routes/incident-schemas.js';
import { problemSchema } from '../../src/http/problem.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const post = (path: string, json: unknown, token = server.tokens.responder, headers: Record<string, string> = {}) =>
  server.request(path, { method: 'POST', json, token, headers });

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return problemSchema.parse(await response.json());
}

async function openIncident(title = 'Chat database exposed') {
  const response = await post('/api/v1/incidents', { title, severity: 'critical', summary: 'Phone numbers and messages' });
  expect(response.status).toBe(201);
  return incidentSchema.parse(await response.json());
}

describe('incidents API', () => {
  it('opens an incident: 201, Location, ETag, the incident with its allowed events', async () => {
    const response = await post('/api/v1/incidents', { title: 'Leak', severity: 'high' });
    expect(response.status).toBe(201);
    const incident = incidentSchema.parse(await response.json());
    expect(response.headers.get('location')).toBe(`/api/v1/incidents/${incident.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(incident).toMatchObject({ phase: 'detected', allowedEvents: ['CONFIRM', 'DISMISS', 'UPDATE_SCOPE', 'SET_RESPONDERS', 'RECORD_LEGAL_FINDING'] });
    const fetched = await server.request(response.headers.get('location')!, { token: server.tokens.viewer });
    expect(incidentSchema.parse(await fetched.json())).toEqual(incident);
  });

  it('drives an incident through every phase over HTTP', async () => {
    const { id } = await openIncident();
    const send = async (event: unknown, token = server.tokens.responder) => {
      const response = await post(`/api/v1/incidents/${id}/events`, event, token);
      expect(response.status, await response.clone().text()).toBe(200);
      return incidentSchema.parse(await response.json());
    };
    // Ten minutes ago, written on Beijing's clock: no deadline falls due while the test runs (a fired
    // one would add DEADLINE_REACHED to the timeline), and the offset must come back as UTC.
    const aware = DateTime.utc().minus({ minutes: 10 }).startOf('minute');
    await send({ type: 'CONFIRM', awarenessAt: aware.setZone('UTC+8').toISO({ suppressMilliseconds: true }), occurredAt: aware.minus({ hours: 9 }).toISO() });
    await send({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'CN', count: 1_200_000 }, { jurisdiction: 'DE', count: 40_000 }], dataCategories: ['contact', 'communications_content'] });
    await send({ type: 'RECORD_CONTAINMENT_ACTION', description: 'Closed the public database port' });
    const contained = await send({ type: 'MARK_CONTAINED' });
    // The engine assessed the scope; legal settles each regulator duty (here: records why not).
    const regulatorDuties = contained.obligations.filter((o) => o.recipient !== 'individuals');
    expect(regulatorDuties.map((o) => o.id)).toContain('eu-gdpr:regulator:DE');
    for (const duty of regulatorDuties) {
      expect(duty.allowedEvents).toContain('OBLIGATION_NOT_REQUIRED');
      await send({ type: 'OBLIGATION_NOT_REQUIRED', obligationId: duty.id, reason: 'test: exemption recorded by counsel' }, server.tokens.legal);
    }
    const review = await send({ type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'Art. 34(3)(a): encrypted' }, server.tokens.legal);
    expect(review).toMatchObject({ phase: 'review', tracks: null, clock: { awarenessAt: aware.toISO() } });
    await send({ type: 'COMPLETE_REVIEW', cause: 'Port left open', lessons: 'Scan exposure daily', actions: [{ description: 'Add scanner', owner: 'infra' }] });
    const closed = await send({ type: 'CLOSE' });
    expect(closed).toMatchObject({ phase: 'closed', allowedEvents: ['REOPEN'] });

    const timeline = timelineSchema.parse(await readJson(await server.request(`/api/v1/incidents/${id}/timeline`, { token: server.tokens.viewer })));
    expect(timeline.items.map((e) => e.type)).toEqual([
      'CREATED', 'CONFIRM', 'OBLIGATIONS_ASSESSED', 'UPDATE_SCOPE', 'OBLIGATIONS_ASSESSED', 'RECORD_CONTAINMENT_ACTION', 'MARK_CONTAINED',
      ...regulatorDuties.map(() => 'OBLIGATION_NOT_REQUIRED'), 'INDIVIDUALS_NOT_REQUIRED', 'COMPLETE_REVIEW', 'CLOSE',
    ]);
    expect(timeline.items[2]?.actor).toEqual({ kind: 'system', id: 'obligations' });
    const audit = await server.request(`/api/v1/incidents/${id}/audit`, { token: server.tokens.legal });
    expect(audit.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await audit.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual(timeline.items.map((e) => e.seq));
    const verify = await readJson(await server.request(`/api/v1/audit/verify?incidentId=${id}`, { token: server.tokens.viewer }));
    expect(verify).toMatchObject({ ok: true, rowsChecked: timeline.items.length, firstBroken: null });
  });

  it('answers 409 with the allowed events when the state refuses, 412 on a stale If-Match', async () => {
    const { id } = await openIncident();
    const refused = await problemOf(await post(`/api/v1/incidents/${id}/events`, { type: 'MARK_CONTAINED' }), 409);
    expect(refused.allowedEvents).toEqual(['CONFIRM', 'DISMISS', 'UPDATE_SCOPE', 'SET_RESPONDERS', 'RECORD_LEGAL_FINDING']);
    const stale = await problemOf(await post(`/api/v1/incidents/${id}/events`, { type: 'DISMISS', reason: 'noise' }, undefined, { 'If-Match': '"7"' }), 412);
    expect(stale.currentVersion).toBe(1);
    const ok = await post(`/api/v1/incidents/${id}/events`, { type: 'DISMISS', reason: 'noise' }, undefined, { 'If-Match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const badHeader = await problemOf(await post(`/api/v1/incidents/${id}/events`, { type: 'REOPEN', reason: 'r' }, undefined, { 'If-Match': 'yesterday' }), 400);
    expect(badHeader.errors).toEqual([{ path: 'If-Match', message: 'must be the ETag of a version, like "3"' }]);
  });

  it('enforces event roles: legal decides, system events are not for clients', async () => {
    const { id } = await openIncident();
    await post(`/api/v1/incidents/${id}/events`, { type: 'CONFIRM', awarenessAt: new Date().toISOString() });
    const notLegal = await problemOf(await post(`/api/v1/incidents/${id}/events`, { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'r' }), 403);
    expect(notLegal.detail).toContain('allowed roles: legal');
    const legalCannotDismissOrContain = await problemOf(await post(`/api/v1/incidents/${id}/events`, { type: 'MARK_CONTAINED' }, server.tokens.legal), 403);
    expect(legalCannotDismissOrContain.detail).toContain('role legal may not send MARK_CONTAINED');
    const system = await problemOf(
      await post(`/api/v1/incidents/${id}/events`, { type: 'INDIVIDUALS_NOTICE_APPROVED', versionId: 'v', contentHash: 'h' }, server.tokens.legal),
      400,
    );
    expect(system.errors?.[0]?.path).toBe('type');
  });

  it('lists with filters and cursor pages', async () => {
    for (let i = 0; i < 3; i++) await openIncident(`Paged incident ${i}`);
    const first = incidentPageSchema.parse(await readJson(await server.request('/api/v1/incidents?q=paged&limit=2', { token: server.tokens.viewer })));
    expect(first.items.map((i) => i.title)).toEqual(['Paged incident 2', 'Paged incident 1']);
    const second = incidentPageSchema.parse(
      await readJson(await server.request(`/api/v1/incidents?q=paged&limit=2&cursor=${first.nextCursor}`, { token: server.tokens.viewer })),
    );
    expect(second).toEqual({ items: [expect.objectContaining({ title: 'Paged incident 0' })], nextCursor: null });
    const dismissed = incidentPageSchema.parse(await readJson(await server.request('/api/v1/incidents?phase=dismissed')));
    expect(dismissed.items.every((i) => i.phase === 'dismissed')).toBe(true);
  });

  it('gives each listed incident the due time of its first unsettled duty', async () => {
    const quiet = await openIncident('No clock yet');
    const urgent = await openIncident('Clock running');
    const event = (body: unknown) => post(`/api/v1/incidents/${urgent.id}/events`, body);
    expect((await event({ type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3_600_000).toISOString() })).status).toBe(200);
    expect((await event({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 400 }], dataCategories: ['contact'] })).status).toBe(200);
    const incident = await readJson(await server.request(`/api/v1/incidents/${urgent.id}`));
    const earliest = incident.obligations.map((o: { dueAt: string | null }) => o.dueAt).filter((due: string | null) => due !== null).sort()[0];
    expect(earliest).toBeDefined();
    const page = incidentPageSchema.parse(await readJson(await server.request('/api/v1/incidents?q=clock')));
    expect(page.items.find((i) => i.id === urgent.id)?.nextDueAt).toBe(earliest);
    expect(page.items.find((i) => i.id === quiet.id)?.nextDueAt).toBeNull();
  });

  it('records legal’s ENISA-scored risk finding, and refuses a score the method does not have with the field named', async () => {
    const { id } = await openIncident();
    const legal = server.tokens.legal;
    const severity = { method: 'enisa-2013', dataProcessingContext: 4, easeOfIdentification: 0.75, circumstances: { confidentiality: 0.5, integrity: 0, availability: 0, maliciousIntent: 0.5 } };
    const bad = await problemOf(
      await post(`/api/v1/incidents/${id}/events`, { type: 'RECORD_LEGAL_FINDING', jurisdiction: 'FR', rationale: 'Scored.', severity: { ...severity, easeOfIdentification: 0.6 } }, legal),
      400,
    );
    expect(bad.errors).toEqual([{ path: 'severity.easeOfIdentification', message: 'score the ease of identification: 0.25 (negligible), 0.5 (limited), 0.75 (significant) or 1 (maximum)' }]);
    expect((await readJson(await server.request(`/api/v1/incidents/${id}`))).version).toBe(1);
    // DPC 4 x EI 0.75 + 0.5 + 0.5 = 4: very high, recorded as the inputs legal gave, with its rationale.
    const ok = await post(`/api/v1/incidents/${id}/events`, { type: 'RECORD_LEGAL_FINDING', jurisdiction: 'FR', rationale: 'Health records taken by an intruder.', severity }, legal);
    expect(ok.status).toBe(200);
    expect((await readJson(ok)).scope.legalFindings).toEqual([expect.objectContaining({ jurisdiction: 'FR', risk: null, severity, rationale: 'Health records taken by an intruder.' })]);
  });

  it('names the field for bad ids, cursors, queries and bodies', async () => {
    expect((await problemOf(await server.request('/api/v1/incidents/no-such-id'), 404)).detail).toContain('no-such-id');
    expect((await problemOf(await server.request('/api/v1/incidents?cursor=abc'), 400)).errors).toEqual([
      { path: 'cursor', message: 'is not a cursor this server issued' },
    ]);
    expect((await problemOf(await server.request('/api/v1/incidents?limit=500'), 400)).errors?.[0]?.path).toBe('limit');
    expect((await problemOf(await server.request('/api/v1/incidents?colour=red'), 400)).errors?.[0]?.path).toBe('colour');
    const body = await problemOf(await post('/api/v1/incidents', { title: 'x', severity: 'critical', summary: 5 }), 400);
    expect(body.errors).toEqual([{ path: 'summary', message: 'Invalid input: expected string, received number' }]);
    const malformed = await server.request('/api/v1/incidents', { method: 'POST', body: '{"title":', headers: { 'Content-Type': 'application/json' }, token: server.tokens.responder });
    expect((await problemOf(malformed, 400)).detail).toContain('Malformed JSON');
    const form = await server.request('/api/v1/incidents', { method: 'POST', body: 'title=x', headers: { 'Content-Type': 'text/plain' }, token: server.tokens.responder });
    await problemOf(form, 415);
  });

  it('rejects bodies over the limit with 413 and writes nothing', async () => {
    const before = incidentPageSchema.parse(await readJson(await server.request('/api/v1/incidents?limit=100'))).items.length;
    const huge = await post('/api/v1/incidents', { title: 'x', severity: 'low', summary: 'x'.repeat(2 * 1024 * 1024) });
    await problemOf(huge, 413);
    const after = incidentPageSchema.parse(await readJson(await server.request('/api/v1/incidents?limit=100'))).items.length;
    expect(after).toBe(before);
  });

  it('echoes a caller’s X-Request-Id and makes one when there is none', async () => {
    const echoed = await server.request('/healthz', { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
    const made = await server.request('/api/v1/incidents/missing');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readJson(made)).requestId).toBe(made.headers.get('x-request-id'));
  });

  it('keeps every incident, event and audit row across a restart mid-test', async () => {
    const { id } = await openIncident('Survives restart');
    await post(`/api/v1/incidents/${id}/events`, { type: 'CONFIRM', awarenessAt: new Date().toISOString() });
    const before = await readJson(await server.request(`/api/v1/incidents/${id}`));
    await server.restart();
    const after = await server.request(`/api/v1/incidents/${id}`, { token: server.tokens.viewer });
    expect(await after.json()).toEqual(before);
    const next = await post(`/api/v1/incidents/${id}/events`, { type: 'MARK_CONTAINED' }, server.tokens.responder, { 'If-Match': `"${before.version}"` });
    expect(next.status).toBe(200);
    expect((await readJson(await server.request('/api/v1/audit/verify'))).ok).toBe(true);
  });
});
