import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf } from '../console-client.js';
import { alertOf, alertSource, rowOf } from './support.js';

let server: TestServer;
let responder: ConsoleClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const post = await alertSource(server, 'inbox-probe');
  for (let i = 0; i < 3; i++) ids.disk = await post('disk-full', { title: 'Disk full on db-1', severity: 'medium', labels: { host: 'db-1', note: '<b>bold</b>' } });
  ids.login = await post('login-storm', { title: 'Login storm', severity: 'critical' });
  ids.exfil = await post('exfil', { title: 'Unusual egress', severity: 'critical' });
  responder = await signedIn(server, 'responder');
});
afterAll(() => server.stop());

describe('alerts inbox', () => {
  it('lists alerts newest first with source, severity, status and how often each fired', async () => {
    const page = await responder.get('/console/alerts');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Alerts</h1>');
    const [title, source, severity, status, count] = rowOf(page.html, ids.disk!)!;
    expect([title, source, severity, status, count]).toEqual(['Disk full on db-1', 'inbox-probe', 'medium', 'open', '3']);
    expect(rowOf(page.html, ids.login!)![4]).toBe('1');
    expect(page.html.indexOf(ids.exfil!)).toBeLessThan(page.html.indexOf(ids.login!));
  });

  it('filters by severity, title text and source, ignoring fields left empty, and keeps the choices in the form', async () => {
    const critical = await responder.get('/console/alerts?status=&severity=critical&q=');
    expect(rowOf(critical.html, ids.login!)).not.toBeNull();
    expect(rowOf(critical.html, ids.disk!)).toBeNull();
    expect(critical.html).toContain('<option value="critical" selected="">critical</option>');
    const text = await responder.get('/console/alerts?q=disk');
    expect([rowOf(text.html, ids.disk!) !== null, rowOf(text.html, ids.login!) !== null]).toEqual([true, false]);
    expect(textOf((await responder.get('/console/alerts?source=elsewhere')).html)).toContain('No alerts match these filters.');
    const unlinked = await responder.get('/console/alerts?linked=false&snoozed=false');
    expect(rowOf(unlinked.html, ids.disk!)).not.toBeNull();
  });

  it('pages with a Next page link that keeps the filters', async () => {
    const first = await responder.get('/console/alerts?severity=critical&limit=1');
    expect(rowOf(first.html, ids.exfil!)).not.toBeNull();
    const next = /<a href="([^"]+)">Next page<\/a>/.exec(first.html)![1]!.replaceAll('&amp;', '&');
    expect(next).toMatch(/severity=critical/);
    expect(next).toMatch(/limit=1/);
    const second = await responder.get(next);
    expect(rowOf(second.html, ids.login!)).not.toBeNull();
    expect(rowOf(second.html, ids.exfil!)).toBeNull();
    expect(second.html).not.toContain('Next page');
    expect(second.html).toContain('First page');
  });

  it('answers a filter the list refuses with 400 and the reason, not a crash', async () => {
    const page = await responder.get('/console/alerts?cursor=bogus');
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('cursor: is not a cursor this server issued');
  });

  it('shows one alert: counts, times, labels and the latest payload as escaped JSON', async () => {
    const page = await responder.get(`/console/alerts/${ids.disk}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Fired 3 times');
    expect(text).toContain('First seen');
    expect(text).toMatch(/Source inbox-probe/);
    expect(page.html).toContain('<th scope="row">host</th><td>db-1</td>');
    expect(page.html).not.toContain('<b>bold</b>');
    expect(page.html).toMatch(/<pre[^>]*>\{\n {2}&quot;source&quot;: &quot;inbox-probe&quot;/);
    expect(page.html).toContain('action="/console/alerts/' + ids.disk + '/promote"');
    expect((await responder.get('/console/alerts/no-such-alert')).status).toBe(404);
  });

  it('offers viewers and legal no actions, and refuses a posted promote with 403, changing nothing', async () => {
    for (const role of ['viewer', 'legal'] as const) {
      const browser = new ConsoleClient(server.url);
      await browser.signIn(server.tokens[role]);
      const inbox = await browser.get('/console/alerts');
      expect(rowOf(inbox.html, ids.disk!)![4]).toBe('3');
      expect(inbox.html).not.toContain('/promote"');
      const detail = await browser.get(`/console/alerts/${ids.disk}`);
      expect(detail.html).not.toMatch(/\/(promote|merge|snooze)"/);
      const refused = await browser.post(`/console/alerts/${ids.disk}/promote`, {});
      expect(refused.status).toBe(403);
      expect(textOf(refused.html)).toContain(`Your role (${role}) may not do this`);
      const snooze = await browser.post(`/console/alerts/${ids.disk}/snooze`, { for: '1', reason: 'not mine' });
      expect(snooze.status).toBe(403);
    }
    expect(await alertOf(server, ids.disk!)).toMatchObject({ incidentId: null, snoozedUntil: null });
  });
});
