import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatLeakIncident } from '../../notices/notice-api-support.js';
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

async function openIncident(title: string): Promise<string> {
  const response = await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title, severity: 'high' } });
  return ((await readJson(response)) as { id: string }).id;
}

const incident = async (id: string) => readJson(await server.request(`/api/v1/incidents/${id}`, { token: server.tokens.viewer }));
const sendEvent = (id: string, json: unknown) => server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json });
const versionOn = (html: string) => /name="expectedVersion" value="(\d+)"/.exec(html)![1]!;
/** The name of the step marked current in the stepper labelled `label`. */
const currentStep = (html: string, label: string) =>
  new RegExp(`<ol class="steps" aria-label="${label}">.*?aria-current="step"><span class="step-name">([^<]+)<`, 's').exec(html)?.[1];

describe('incident page', () => {
  it('draws the lifecycle and offers each role only the actions it may take', async () => {
    const id = await openIncident('Laptop stolen');
    const page = await responder.get(`/console/incidents/${id}`);
    expect(page.status).toBe(200);
    expect(currentStep(page.html, 'Phases')).toBe('Detected');
    expect(textOf(page.html)).toContain('Detected (current) Response (upcoming)');
    expect(page.html).toContain('Dismiss this incident');
    expect(page.html).toContain('Confirm the breach');

    const asLegal = await legal.get(`/console/incidents/${id}`);
    expect(asLegal.html).not.toContain('Dismiss this incident');
    expect(asLegal.html).not.toContain('/events/CONFIRM');
    const asViewer = await viewer.get(`/console/incidents/${id}`);
    expect(asViewer.html).not.toContain('/events/');
    expect(textOf(asViewer.html)).toContain('Nothing your role (viewer) may do');
  });

  it('refuses legal’s DISMISS with 403 and changes nothing', async () => {
    const id = await openIncident('Printer misdelivery');
    const page = await legal.get(`/console/incidents/${id}`);
    const refused = await legal.post(`/console/incidents/${id}/events/DISMISS`, { expectedVersion: versionOn(page.html), reason: 'not a breach' });
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain('may not send DISMISS');
    expect(await incident(id)).toMatchObject({ phase: 'detected', version: 1 });
  });

  it('lets a responder confirm and contain through the forms, and draws the tracks', async () => {
    const id = await openIncident('Bucket left public');
    let page = await responder.get(`/console/incidents/${id}`);
    const confirmed = await responder.post(`/console/incidents/${id}/events/CONFIRM`, {
      expectedVersion: versionOn(page.html),
      awarenessAt: '2026-01-05T09:30',
      occurredAt: '',
    });
    expect(confirmed.status, confirmed.html).toBe(303);
    expect(confirmed.location).toBe(`/console/incidents/${id}`);
    expect(await incident(id)).toMatchObject({ phase: 'response', clock: { awarenessAt: '2026-01-05T09:30:00.000Z' } });

    page = await responder.get(`/console/incidents/${id}`);
    expect(textOf(page.html)).toContain('Incident confirmed: response started.');
    expect(currentStep(page.html, 'Phases')).toBe('Response');
    expect(currentStep(page.html, 'Containment track')).toBe('Active');
    expect(currentStep(page.html, 'Notice to individuals track')).toBe('Assessing');
    expect(textOf(page.html)).toContain('Assessing (current) Drafting (upcoming)');

    await responder.post(`/console/incidents/${id}/events/RECORD_CONTAINMENT_ACTION`, { expectedVersion: versionOn(page.html), description: 'Bucket made private' });
    page = await responder.get(`/console/incidents/${id}`);
    const contained = await responder.post(`/console/incidents/${id}/events/MARK_CONTAINED`, { expectedVersion: versionOn(page.html), containedAt: '' });
    expect(contained.status).toBe(303);
    const after = await incident(id);
    expect(after.tracks.containment).toBe('contained');
    expect(after.containment.actions).toMatchObject([{ description: 'Bucket made private' }]);

    page = await responder.get(`/console/incidents/${id}`);
    expect(textOf(page.html)).toContain('Active (done) Contained (current)');
    expect(page.html).not.toContain('Mark the breach contained');
  });

  it('redraws a refused form with 400, the field’s message and what was typed', async () => {
    const id = await openIncident('Wrong recipient');
    const page = await responder.get(`/console/incidents/${id}`);
    const refused = await responder.post(`/console/incidents/${id}/events/DISMISS`, { expectedVersion: versionOn(page.html), reason: '   ' });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/id="event-DISMISS--reason-error">must not be empty</);
    expect(refused.html).toContain('href="#event-DISMISS--reason"');

    const responders = await responder.post(`/console/incidents/${id}/events/SET_RESPONDERS`, {
      expectedVersion: versionOn(page.html),
      'responders.0.name': 'Ana Duty',
      'responders.0.email': 'not-an-email',
      'responders.1.name': '',
      'responders.1.email': '',
    });
    expect(responders.status).toBe(400);
    expect(responders.html).toContain('value="Ana Duty"');
    expect(responders.html).toContain('value="not-an-email"');
    expect(responders.html).toMatch(/id="event-SET_RESPONDERS--responders-0-email-error"/);
    expect(await incident(id)).toMatchObject({ phase: 'detected', version: 1, responders: [] });
  });

  it('answers a stale page with 409 and changes nothing', async () => {
    const id = await openIncident('Shared drive exposed');
    const stale = await responder.get(`/console/incidents/${id}`);
    expect((await sendEvent(id, { type: 'RECORD_CONTAINMENT_ACTION', description: 'x' })).status).toBe(409); // not in response yet
    expect((await sendEvent(id, { type: 'SET_RESPONDERS', responders: [{ name: 'On call', email: 'oncall@example.com' }] })).status).toBe(200);
    const refused = await responder.post(`/console/incidents/${id}/events/DISMISS`, { expectedVersion: versionOn(stale.html), reason: 'false alarm' });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('This changed after the page was drawn (it is now at version 2), so nothing was saved.');
    expect(refused.html).toContain('false alarm'); // what was typed is kept for the retry
    expect(await incident(id)).toMatchObject({ phase: 'detected', version: 2 });
  });

  it('shows obligations with local and UTC due times and citations, per-row actions for legal, and the timeline', async () => {
    const id = await openIncident('Chat history leaked');
    expect((await sendEvent(id, { type: 'CONFIRM', awarenessAt: '2026-01-10T08:00:00Z' })).status).toBe(200);
    const scoped = await sendEvent(id, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 40_000 }], dataCategories: ['contact'] });
    expect(scoped.status).toBe(200);
    // The clocks ran out long ago: let the scheduler record that first, so it does not move the
    // incident on between drawing the page and posting its form (that would rightly be a 409).
    await expect
      .poll(async () => (await server.breachline.runtime.incidents.pendingDeadlines(id)).filter((d) => d.dueAt <= new Date().toISOString()).length, { timeout: 10_000 })
      .toBe(0);

    let page = await legal.get(`/console/incidents/${id}`);
    const text = textOf(page.html);
    // GDPR Art. 33: 72 hours from awareness, on Berlin's clock (CET in January) and in UTC.
    expect(text).toContain('2026-01-13 09:00 GMT+1 (2026-01-13 08:00 UTC)');
    expect(text).toMatch(/Art\. ?33/);
    expect(text).toMatch(/overdue by \d+ d/);
    expect(page.html).toContain('Record as not required: DE');
    expect((await responder.get(`/console/incidents/${id}`)).html).not.toContain('Record as not required');

    const gdpr = 'eu-gdpr:regulator:DE';
    const form = 'event-OBLIGATION_NOT_REQUIRED-eu-gdpr-regulator-DE';
    const empty = await legal.post(`/console/incidents/${id}/events/OBLIGATION_NOT_REQUIRED`, { expectedVersion: versionOn(page.html), obligationId: gdpr, reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain(`id="${form}--reason-error">must not be empty<`);
    expect(empty.html).toMatch(/<details class="row-action" open="">\s*<summary>Not required<\/summary>/);
    const recorded = await legal.post(`/console/incidents/${id}/events/OBLIGATION_NOT_REQUIRED`, {
      expectedVersion: versionOn(page.html),
      obligationId: gdpr,
      reason: 'Lead authority is in another member state',
    });
    expect(recorded.status).toBe(303);
    const { obligations } = await readJson(await server.request(`/api/v1/incidents/${id}/obligations`, { token: server.tokens.viewer }));
    expect(obligations.find((o: { id: string }) => o.id === gdpr)).toMatchObject({ status: 'not_required', notRequiredReason: 'Lead authority is in another member state' });

    page = await legal.get(`/console/incidents/${id}`);
    expect(textOf(page.html)).toContain('Why not: Lead authority is in another member state');
    const timeline = textOf(page.html.slice(page.html.indexOf('id="timeline-heading"')));
    expect(timeline).toContain('Opened');
    expect(timeline).toContain('Confirmed as a breach');
    expect(timeline).toContain('Aware at: 2026-01-10 08:00 UTC');
    expect(timeline).toContain('Scope updated');
    expect(timeline).toContain('Changed: affected, dataCategories');
    expect(timeline).toContain('test responder (responder)');
    expect(timeline).toContain('Obligations assessed');
    expect(timeline).toContain(`Obligation not required test legal (legal) Reason: Lead authority is in another member state Obligation: ${gdpr}`);
  });

  it('draws the obligations first, one row per audience and place: the Chinese laws’ duties to individuals in one row', async () => {
    const { id } = await chatLeakIncident(server);
    const { obligations, groups } = await readJson(await server.request(`/api/v1/incidents/${id}/obligations`, { token: server.tokens.viewer }));
    const china = groups.find((g: { id: string }) => g.id === 'individuals:CN');
    expect(china.citations.length).toBeGreaterThanOrEqual(4);
    const page = await legal.get(`/console/incidents/${id}`);
    // Right under the heading, before the lifecycle tracks.
    expect(page.html.indexOf('id="obligations-heading"')).toBeLessThan(page.html.indexOf('Where it stands'));
    expect(page.html.indexOf('<h1>')).toBeLessThan(page.html.indexOf('id="obligations-heading"'));

    const rowStart = page.html.indexOf('Notify individuals in China');
    expect(rowStart).toBeGreaterThan(-1);
    const row = textOf(page.html.slice(rowStart, page.html.indexOf('</tr>', rowStart)));
    expect(page.html.match(/Notify individuals in China/g)).toHaveLength(1);
    // PIPL, DSL, CSL and NDSMR, as the regime files cite them.
    for (const law of ['PIPL Art. 57', 'Data Security Law', 'Cybersecurity Law', 'Network Data Security Management Regulations']) expect(row).toContain(law);
    for (const citation of china.citations) expect(row).toContain(citation);
    const levels = { statute: 'law’s text', regulator: 'regulator’s guidance', secondary: 'secondary source only' } as Record<string, string>;
    for (const duty of china.duties) {
      const o = obligations.find((x: { id: string }) => x.id === duty);
      expect(row).toContain(`${o.citation} ${levels[o.verification]}, checked ${String(o.verifiedAt).slice(0, 10)}`);
    }
    expect(row).toContain('Immediately');

    // Each group in the API's order, the most pressing first.
    const table = page.html.slice(page.html.indexOf('id="obligations-heading"'), page.html.indexOf('</table>'));
    const words: Record<string, string> = { individuals: 'Notify individuals in', regulator: 'Report to regulators in', media: 'Notify the media in', other: 'Notify others in' };
    const positions = groups.map((g: { recipient: string; jurisdictionName: string }) => table.indexOf(`${words[g.recipient]} ${g.jurisdictionName}`));
    expect(positions.every((p: number) => p > -1)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('completes the review with its follow-up rows and closes, through the forms', async () => {
    const id = await openIncident('Test data in production');
    await sendEvent(id, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3_600_000).toISOString() });
    await sendEvent(id, { type: 'MARK_CONTAINED' });
    let page = await legal.get(`/console/incidents/${id}`);
    const notRequired = await legal.post(`/console/incidents/${id}/events/INDIVIDUALS_NOT_REQUIRED`, {
      expectedVersion: versionOn(page.html),
      reason: 'Synthetic records only',
      citation: '',
    });
    expect(notRequired.status, notRequired.html).toBe(303);
    expect((await incident(id)).phase).toBe('review');

    page = await responder.get(`/console/incidents/${id}`);
    expect(currentStep(page.html, 'Phases')).toBe('Review');
    const reviewed = await responder.post(`/console/incidents/${id}/events/COMPLETE_REVIEW`, {
      expectedVersion: versionOn(page.html),
      cause: 'A seed script ran against production',
      lessons: 'Separate credentials per environment',
      'actions.0.description': 'Rotate the seed credentials',
      'actions.0.owner': 'Platform',
      'actions.1.description': 'Add an environment guard',
      'actions.1.owner': '',
      'actions.2.description': '',
      'actions.2.owner': '',
    });
    expect(reviewed.status, reviewed.html).toBe(303);
    expect((await incident(id)).review).toMatchObject({
      actions: [{ description: 'Rotate the seed credentials', owner: 'Platform' }, { description: 'Add an environment guard' }],
    });

    page = await responder.get(`/console/incidents/${id}`);
    const closed = await responder.post(`/console/incidents/${id}/events/CLOSE`, { expectedVersion: versionOn(page.html), unmetObligationsReason: '' });
    expect(closed.status, closed.html).toBe(303);
    page = await responder.get(`/console/incidents/${id}`);
    expect(currentStep(page.html, 'Phases')).toBe('Closed');
    expect(page.html).toContain('Reopen this incident');
    expect(textOf(page.html)).toContain('Follow-up actions: 2');
  });

  it('answers an unknown incident with 404', async () => {
    const page = await viewer.get('/console/incidents/no-such-incident');
    expect(page.status).toBe(404);
    expect(textOf(page.html)).toContain('Incident not found');
  });
});
