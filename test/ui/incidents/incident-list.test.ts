import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf } from '../console-client.js';

let server: TestServer;
let responder: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  responder = await signedIn(server, 'responder');
  viewer = await signedIn(server, 'viewer');
});
afterAll(() => server.stop());

async function openIncident(json: { title: string; severity: string; summary?: string }): Promise<string> {
  const response = await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json });
  return ((await readJson(response)) as { id: string }).id;
}

const sendEvent = (id: string, json: unknown) => server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json });

/** The list row of the incident titled `title`, as text. */
const rowOf = (html: string, title: string) => textOf(new RegExp(`<tr><th scope="row"><a [^>]*>${title}</a>.*?</tr>`, 's').exec(html)?.[0] ?? '');

describe('incidents list', () => {
  let overdueId: string;

  beforeAll(async () => {
    // Awareness ten days ago: GDPR's 72 hours passed long since, and the scheduler fires that deadline.
    overdueId = await openIncident({ title: 'Payroll export leaked', severity: 'critical', summary: 'HR export mailed outside' });
    await sendEvent(overdueId, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    await sendEvent(overdueId, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 500 }], dataCategories: ['contact'] });
    const dueId = await openIncident({ title: 'Badge reader logs exposed', severity: 'medium' });
    await sendEvent(dueId, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3_600_000).toISOString() });
    await sendEvent(dueId, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 500 }], dataCategories: ['contact'] });
    await openIncident({ title: 'Phishing report', severity: 'low' });
  });

  it('shows each incident with its phase, severity and next deadline, overdue in words', async () => {
    // Once fired, the due time is no longer a pending deadline row: the list must still say it is overdue.
    let fired = false;
    for (let i = 0; i < 100 && !fired; i++) {
      const timeline = await readJson(await server.request(`/api/v1/incidents/${overdueId}/timeline`));
      fired = timeline.items.some((e: { type: string }) => e.type === 'DEADLINE_REACHED');
      if (!fired) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(fired).toBe(true);
    const page = await viewer.get('/console/incidents');
    expect(page.status).toBe(200);
    expect(rowOf(page.html, 'Payroll export leaked')).toMatch(/^Payroll export leaked Response critical \d{4}-\d\d-\d\d \d\d:\d\d UTC overdue by [67] d/);
    expect(page.html).toMatch(/class="countdown overdue"[^>]*>overdue by/);
    expect(rowOf(page.html, 'Badge reader logs exposed')).toMatch(/Response medium .* in 2 d 2\d h$/);
    expect(rowOf(page.html, 'Phishing report')).toMatch(/Detected low .* None open$/);
    expect(page.html).toContain(`href="/console/incidents/${overdueId}"`);
  });

  it('filters by phase, severity and text', async () => {
    const detected = textOf((await viewer.get('/console/incidents?phase=detected&severity=&q=')).html);
    expect(detected).toContain('Phishing report');
    expect(detected).not.toContain('Payroll export leaked');
    const critical = textOf((await viewer.get('/console/incidents?severity=critical')).html);
    expect(critical).toContain('Payroll export leaked');
    expect(critical).not.toContain('Badge reader');
    const searched = await viewer.get('/console/incidents?q=hr+export');
    expect(textOf(searched.html)).toContain('Payroll export leaked');
    expect(textOf(searched.html)).not.toContain('Phishing report');
    expect(searched.html).toMatch(/<input id="filters--q" name="q"[^>]*value="hr export"/);
    expect(textOf((await viewer.get('/console/incidents?q=nothing-like-this')).html)).toContain('No incidents match these filters.');
  });

  it('pages with a Next page link that keeps the filters', async () => {
    await Promise.all(Array.from({ length: 51 }, (_, i) => openIncident({ title: `Lost USB stick ${i}`, severity: 'low' })));
    const first = await viewer.get('/console/incidents?q=usb');
    expect(first.html.match(/Lost USB stick \d+/g)).toHaveLength(50);
    const next = /<a href="([^"]+)" rel="next">Next page<\/a>/.exec(first.html)![1]!.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/console\/incidents\?q=usb&cursor=/);
    const second = await viewer.get(next);
    expect(second.html.match(/Lost USB stick \d+/g)).toHaveLength(1);
    expect(second.html).not.toContain('rel="next"');
  });

  it('offers the open-incident form only to roles that may open one, and opens one', async () => {
    expect((await viewer.get('/console/incidents')).html).not.toContain('Open an incident');
    const refused = await viewer.post('/console/incidents', { title: 'Sneaky', severity: 'low', summary: '' });
    expect(refused.status).toBe(403);

    const list = await responder.get('/console/incidents');
    expect(list.html).toContain('Open an incident');
    const opened = await responder.post('/console/incidents', { title: 'Misdirected invoice', severity: 'medium', summary: 'Sent to the wrong customer' });
    expect(opened.status).toBe(303);
    const page = await responder.get(opened.location!);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Incident opened.');
    expect(textOf(page.html)).toContain('Misdirected invoice');
    const { items } = await readJson(await server.request('/api/v1/incidents?q=misdirected'));
    expect(items).toMatchObject([{ title: 'Misdirected invoice', severity: 'medium', phase: 'detected' }]);
    expect(textOf((await viewer.get('/console/incidents')).html)).not.toContain('Sneaky');
  });

  it('redraws the open form with 400, the field’s message and what was typed', async () => {
    await responder.get('/console/incidents');
    const refused = await responder.post('/console/incidents', { title: '  ', severity: 'high', summary: 'Typed summary' });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/id="open-incident--title-error">must not be empty</);
    expect(refused.html).toContain('Typed summary');
    expect(refused.html).toMatch(/<option value="high" selected="">/);
  });
});
