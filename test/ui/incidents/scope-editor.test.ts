import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf } from '../console-client.js';

let server: TestServer;
let responder: ConsoleClient;
let legal: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  responder = await signedIn(server, 'responder');
  legal = await signedIn(server, 'legal');
  viewer = await signedIn(server, 'viewer');
});
afterAll(() => server.stop());

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

/** A confirmed incident; its scope is empty until a test fills it in. */
async function confirmedIncident(title: string): Promise<string> {
  const created = await readJson(await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title, severity: 'medium' } }));
  const confirm = await server.request(`/api/v1/incidents/${created.id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'CONFIRM', awarenessAt: hoursAgo(2).toISOString() } });
  expect(confirm.status).toBe(200);
  return created.id as string;
}

const incident = async (id: string) => readJson(await server.request(`/api/v1/incidents/${id}`, { token: server.tokens.viewer }));
const scopeVersion = (html: string) => /action="\/console\/incidents\/[^"]+\/scope"[^>]*>.*?name="expectedVersion" value="(\d+)"/s.exec(html)?.[1];

/** The scope form as a person fills it in: every field the form has, blank ones included. */
function scopeForm(version: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    expectedVersion: version,
    title: 'Payroll export leaked',
    severity: 'high',
    summary: 'A payroll export was shared by link.',
    'affected.0.jurisdiction': '',
    'affected.0.count': '',
    'affected.1.jurisdiction': '',
    'affected.1.count': '',
    'affected.2.jurisdiction': '',
    'affected.2.count': '',
    'organization.nis2Entity': '',
    encrypted: 'unknown',
    'clockFacts.occurredAt': '',
    'clockFacts.materialityDeterminedAt': '',
    'clockFacts.assessedNotifiableAt': '',
    'clockFacts.handlingEndedAt': '',
    ...overrides,
  };
}

describe('scope editor', () => {
  it('saves the scope through the form, and the obligations are assessed again from it', async () => {
    const id = await confirmedIncident('Payroll export');
    // A fact recorded through the API to the millisecond: saving the form unchanged must keep it.
    const occurredAt = new Date(Math.floor(hoursAgo(30).getTime() / 60_000) * 60_000 + 12_345).toISOString();
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', clockFacts: { occurredAt } } });
    const before = await incident(id);
    expect(before.obligations).toEqual([]);

    const page = await responder.get(`/console/incidents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`value="${occurredAt.slice(0, 16)}"`);
    const materiality = hoursAgo(1).toISOString().slice(0, 16);
    const saved = await responder.post(
      `/console/incidents/${id}/scope`,
      scopeForm(scopeVersion(page.html)!, {
        // The blank row between two filled ones is skipped.
        'affected.0.jurisdiction': 'de',
        'affected.0.count': '5000',
        'affected.2.jurisdiction': 'FR',
        'affected.2.count': '120',
        dataCategories: ['contact', 'health'],
        'organization.criticalInfrastructure': 'true',
        'organization.nis2Entity': 'important',
        encrypted: 'no',
        'clockFacts.occurredAt': occurredAt.slice(0, 16),
        'clockFacts.materialityDeterminedAt': materiality,
      }),
    );
    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(saved.location).toBe(`/console/incidents/${id}`);

    const after = await incident(id);
    expect(after).toMatchObject({ title: 'Payroll export leaked', severity: 'high', summary: 'A payroll export was shared by link.' });
    expect(after.scope).toEqual({
      affected: [
        { jurisdiction: 'DE', count: 5000 },
        { jurisdiction: 'FR', count: 120 },
      ],
      dataCategories: ['contact', 'health'],
      organization: {
        criticalInfrastructure: true,
        stateOrgan: false,
        hipaaCoveredEntity: false,
        secRegistrant: false,
        doraEntity: false,
        dfsRegulated: false,
        smallProcessingAgent: false,
        nis2Entity: 'important',
      },
      encrypted: false,
    });
    expect(after.clock.occurredAt).toBe(occurredAt);
    expect(after.clock.materialityDeterminedAt).toBe(`${materiality}:00.000Z`);
    expect(after.obligations.length).toBeGreaterThan(0);
    expect(after.obligations.map((o: { jurisdiction: string }) => o.jurisdiction)).toEqual(expect.arrayContaining(['DE']));

    // The event holds what this save changed, so the timeline and audit trail say just that.
    const timeline = (await readJson(await server.request(`/api/v1/incidents/${id}/timeline`, { token: server.tokens.viewer }))).items as Array<{ type: string; payload: any }>;
    const event = timeline.filter((entry) => entry.type === 'UPDATE_SCOPE').at(-1)!;
    expect(event.payload.clockFacts).toEqual({ materialityDeterminedAt: `${materiality}:00.000Z` });

    const shown = await responder.get(`/console/incidents/${id}`);
    expect(textOf(shown.html)).toContain('Scope saved; obligations re-assessed.');
    expect(textOf(shown.html)).toContain('DE 5,000');
    expect(textOf(shown.html)).toContain('Health data');
    // The obligations table now lists what the scope made owed.
    const gdpr = after.obligations.find((o: { recipient: string; jurisdiction: string }) => o.recipient === 'regulator' && o.jurisdiction === 'DE');
    const table = textOf(shown.html.slice(shown.html.indexOf('id="obligations-heading"'), shown.html.indexOf('</table>')));
    expect(table).toContain('Report to regulators in Germany');
    expect(table).toContain(gdpr.authority);
  });

  it('saves nothing when nothing on the form changed', async () => {
    const id = await confirmedIncident('Unchanged');
    const before = await incident(id);
    const page = await responder.get(`/console/incidents/${id}`);
    const same = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(page.html)!, { title: 'Unchanged', severity: 'medium', summary: '' }));
    expect(same.status).toBe(303);
    expect(textOf((await responder.get(`/console/incidents/${id}`)).html)).toContain('Nothing in the scope changed, so nothing was saved.');
    expect((await incident(id)).version).toBe(before.version);
  });

  it('redraws a refused scope with 400, the message on the field and what was typed, and saves nothing', async () => {
    const id = await confirmedIncident('Badge system');
    const page = await responder.get(`/console/incidents/${id}`);
    const refused = await responder.post(
      `/console/incidents/${id}/scope`,
      scopeForm(scopeVersion(page.html)!, {
        title: 'Badge system, typed anew',
        'affected.0.jurisdiction': 'DE',
        'affected.0.count': '10',
        'affected.2.jurisdiction': 'Germany',
        'affected.2.count': '30',
        dataCategories: ['biometric'],
      }),
    );
    expect(refused.status).toBe(400);
    // The third row on the form (the service saw it second, after the blank row was skipped).
    expect(refused.html).toMatch(/<p class="error-message" id="scope--affected-2-jurisdiction-error">must be an ISO 3166 code such as &quot;DE&quot; or &quot;US-CA&quot;<\/p>/);
    expect(refused.html).toMatch(/id="scope--affected-2-jurisdiction" name="affected.2.jurisdiction" aria-invalid="true"[^>]*value="Germany"/);
    expect(refused.html).toContain('value="Badge system, typed anew"');
    expect(refused.html).toMatch(/value="biometric" checked=""/);
    expect(refused.html).toMatch(/<details open="">\s*<summary>Edit scope/);
    expect(textOf(refused.html)).toContain('affected.2.jurisdiction: must be an ISO 3166 code');
    const unchanged = await incident(id);
    expect(unchanged.title).toBe('Badge system');
    expect(unchanged.scope.affected).toEqual([]);
  });

  it('refuses a save drawn from a page the incident has moved on from', async () => {
    const id = await confirmedIncident('Stale page');
    const page = await responder.get(`/console/incidents/${id}`);
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.legal, json: { type: 'UPDATE_SCOPE', summary: 'Changed elsewhere.' } });
    const stale = await responder.post(`/console/incidents/${id}/scope`, scopeForm(scopeVersion(page.html)!));
    expect(stale.status).toBe(409);
    expect((await incident(id)).summary).toBe('Changed elsewhere.');
  });

  it('lets legal edit the scope, and shows it to viewers read-only: their post is refused and changes nothing', async () => {
    const id = await confirmedIncident('Viewer check');
    const legalPage = await legal.get(`/console/incidents/${id}`);
    expect(legalPage.html).toContain(`action="/console/incidents/${id}/scope"`);

    const viewerPage = await viewer.get(`/console/incidents/${id}`);
    expect(viewerPage.status).toBe(200);
    expect(textOf(viewerPage.html)).toContain('No affected people recorded yet.');
    expect(viewerPage.html).not.toContain(`action="/console/incidents/${id}/scope"`);
    const refused = await viewer.post(`/console/incidents/${id}/scope`, scopeForm('2', { 'affected.0.jurisdiction': 'DE', 'affected.0.count': '1' }));
    expect(refused.status).toBe(403);
    expect((await incident(id)).scope.affected).toEqual([]);
  });
});
