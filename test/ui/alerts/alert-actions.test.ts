import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf } from '../console-client.js';
import { alertOf, alertSource, rowOf } from './support.js';

let server: TestServer;
let responder: ConsoleClient;
let post: (dedupKey: string, extra?: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  server = await startTestServer();
  post = await alertSource(server, 'actions-probe');
  responder = await signedIn(server, 'responder');
});
afterAll(() => server.stop());

const incidentOf = async (id: string) => readJson(await server.request(`/api/v1/incidents/${id}`));
/** A datetime-local value (UTC, to the minute) this many hours from now. */
const wallTime = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

describe('acting on alerts', () => {
  it('promotes an alert to an incident, merges another into it, and refuses to link either again', async () => {
    const first = await post('promote-me', { title: 'Token leaked in a public repo' });
    const second = await post('merge-me', { title: 'Token used from a new ASN' });
    await responder.get(`/console/alerts/${first}`);
    const promoted = await responder.post(`/console/alerts/${first}/promote`, { title: '', severity: 'critical', summary: '' });
    expect(promoted.status, promoted.html).toBe(303);
    const incidentId = /^\/console\/incidents\/([^/?]+)$/.exec(promoted.location!)![1]!;
    expect(await incidentOf(incidentId)).toMatchObject({ title: 'Token leaked in a public repo', severity: 'critical' });
    expect((await alertOf(server, first)).incidentId).toBe(incidentId);

    const form = await responder.get(`/console/alerts/${second}`);
    expect(form.html).toContain(`<option value="${incidentId}">Token leaked in a public repo (critical, detected`);
    const merged = await responder.post(`/console/alerts/${second}/merge`, { incidentId, otherIncidentId: '' });
    expect(merged.status, merged.html).toBe(303);
    expect(merged.location).toBe(`/console/incidents/${incidentId}`);
    expect((await incidentOf(incidentId)).alerts.map((a: { alertId: string }) => a.alertId)).toEqual([first, second]);

    const linked = await responder.get(`/console/alerts/${second}`);
    expect(textOf(linked.html)).toContain('linked to incident Token leaked in a public repo');
    expect(linked.html).not.toContain(`/console/alerts/${second}/promote"`);
    const again = await responder.post(`/console/alerts/${second}/promote`, {});
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain(`is on incident ${incidentId} already`);
    expect(textOf(again.html)).toContain('Fired once');
  });

  it('merging into an incident that does not exist redraws the alert page with 404 and links nothing', async () => {
    const id = await post('orphan', { title: 'Orphan alert' });
    await responder.get(`/console/alerts/${id}`);
    const page = await responder.post(`/console/alerts/${id}/merge`, { incidentId: '', otherIncidentId: 'no-such-incident' });
    expect(page.status).toBe(404);
    const text = textOf(page.html);
    expect(text).toContain('incident no-such-incident not found');
    expect(text).toContain('Orphan alert');
    expect(page.html).toContain('value="no-such-incident"');
    const none = await responder.post(`/console/alerts/${id}/merge`, { incidentId: '', otherIncidentId: '' });
    expect(none.status).toBe(400);
    expect(none.html).toContain('id="merge--incidentId" name="incidentId"');
    expect((await alertOf(server, id)).incidentId).toBeNull();
  });

  it('snoozes until a UTC time, back to the inbox with a flash, and the page says until when', async () => {
    const id = await post('snooze-me', { title: 'Noisy disk alarm' });
    await responder.get(`/console/alerts/${id}`);
    const until = wallTime(5);
    const page = await responder.post(`/console/alerts/${id}/snooze`, { for: '1', until, reason: 'planned maintenance' });
    expect(page.status, page.html).toBe(303);
    expect(page.location).toBe('/console/alerts');
    expect((await alertOf(server, id)).snoozedUntil).toBe(`${until}:00.000Z`);
    const inbox = await responder.get(page.location!);
    expect(textOf(inbox.html)).toContain(`Alert snoozed until ${until.replace('T', ' ')} UTC.`);
    expect(rowOf(inbox.html, id)![3]).toBe(`open snoozed until ${until.replace('T', ' ')} UTC`);
  });

  it('redraws a snooze in the past with 400, the field message and what was typed', async () => {
    const id = await post('snooze-late', { title: 'Late snooze' });
    await responder.get(`/console/alerts/${id}`);
    const page = await responder.post(`/console/alerts/${id}/snooze`, { for: '1', until: '2020-01-01T00:00', reason: 'too late' });
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('until: must be in the future');
    expect(page.html).toMatch(/<p class="error-message" id="snooze--until-error">must be in the future<\/p>/);
    expect(page.html).toMatch(/id="snooze--until" name="until" aria-invalid="true"[^>]*value="2020-01-01T00:00"/);
    expect(page.html).toMatch(/id="snooze--reason"[^>]*value="too late"/);
    expect((await alertOf(server, id)).snoozedUntil).toBeNull();
  });

  it('acts from inbox rows: each row has its own fields, a refused snooze redraws the inbox, a good one returns to it', async () => {
    const quick = await post('row-snooze', { title: 'Row snooze', severity: 'low' });
    const other = await post('row-promote', { title: 'Row promote', severity: 'low' });
    const inbox = await responder.get('/console/alerts?severity=low');
    expect(inbox.html).toContain(`id="snooze-${quick}--reason"`);
    expect(inbox.html).toContain(`id="snooze-${other}--reason"`);

    const refused = await responder.post(`/console/alerts/${quick}/snooze`, { inbox: '/console/alerts?severity=low', for: '4', reason: '' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(`id="snooze-${quick}--reason-error"`);
    expect(refused.html.match(/<details open/g)).toHaveLength(1);
    expect(rowOf(refused.html, other)).not.toBeNull();

    const before = Date.now();
    const snoozed = await responder.post(`/console/alerts/${quick}/snooze`, { inbox: '/console/alerts?severity=low', for: '4', reason: 'known' });
    expect(snoozed.status).toBe(303);
    expect(snoozed.location).toBe('/console/alerts?severity=low');
    const until = Date.parse((await alertOf(server, quick)).snoozedUntil);
    expect(until - before).toBeGreaterThanOrEqual(4 * 3_600_000 - 1000);
    expect(until - before).toBeLessThan(4 * 3_600_000 + 60_000);

    const promoted = await responder.post(`/console/alerts/${other}/promote`, { inbox: '/console/alerts?severity=low' });
    expect(promoted.status).toBe(303);
    const incidentId = promoted.location!.split('/').pop()!;
    expect(await incidentOf(incidentId)).toMatchObject({ title: 'Row promote', severity: 'low' });
    const after = await responder.get('/console/alerts?severity=low&linked=true');
    expect(rowOf(after.html, other)![3]).toBe('open linked to incident Row promote');
  });
});
