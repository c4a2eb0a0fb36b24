import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatLeakIncident, incidentWithDuties } from '../../notices/notice-api-support.js';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf, type Page } from '../console-client.js';

let server: TestServer;
let responder: ConsoleClient;
let legal: ConsoleClient;
beforeAll(async () => {
  server = await startTestServer();
  responder = await signedIn(server, 'responder');
  legal = await signedIn(server, 'legal');
});
afterAll(() => server.stop());

const FRAMED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

const notice = async (id: string) => readJson(await server.request(`/api/v1/notices/${id}`, { token: server.tokens.viewer }));

/** A value for every required item, as the edit form names them. */
const completeItems = (view: { requiredFields: Array<{ field: string }> }, text: (field: string) => string) =>
  Object.fromEntries(view.requiredFields.map((f) => [`fields.${f.field}`, text(f.field)]));

/** The review page's path a post redirected to, e.g. /console/notices/<id>/versions/2. */
function noticeIdOf(page: Page): string {
  expect(page.status, textOf(page.html)).toBe(303);
  const match = /^\/console\/notices\/([^/]+)\/versions\/\d+$/.exec(page.location!);
  expect(match, page.location!).not.toBeNull();
  return match![1]!;
}

/** Responder drafts the notice to individuals in English from the incident page; answers its id. */
async function draftFromIncidentPage(incidentId: string): Promise<string> {
  const page = await responder.get(`/console/incidents/${incidentId}`);
  expect(textOf(page.html)).toContain('Generate draft notice to individuals');
  const created = await responder.post(`/console/incidents/${incidentId}/notices`, { target: 'individuals', organizationName: 'Acme Ltd', locales: 'en' });
  const id = noticeIdOf(created);
  expect(created.location).toBe(`/console/notices/${id}/versions/1`);
  return id;
}

describe('notices in the console', () => {
  it('drafts, edits, diffs, submits, sends back and approves a notice through the pages, with the roles apart', async () => {
    const incident = await incidentWithDuties(server);
    const id = await draftFromIncidentPage(incident.id);
    const v1 = await responder.get(`/console/notices/${id}/versions/1`);
    expect(v1.status).toBe(200);
    expect(textOf(v1.html)).toContain('Notice to individuals, version 1');
    expect(textOf(v1.html)).toContain('Draft');
    expect(textOf(v1.html)).toContain('Back to incident: CRM export leaked');
    // Blank items keep version 1 from rendering; the checklist says which.
    expect(textOf(v1.html)).toMatch(/cannot be rendered yet: .*contactPoint/);
    expect(v1.html).toMatch(/<span class="check-missing">.*Missing<\/span>/);
    expect((await responder.get(`/console/notices/${id}`)).location).toBe(`/console/notices/${id}/versions/1`);
    // The incident page lists it with its newest version and a link here.
    const incidentPage = await responder.get(`/console/incidents/${incident.id}`);
    expect(incidentPage.html).toContain(`href="/console/notices/${id}/versions/1"`);
    expect(textOf(incidentPage.html)).not.toContain('Generate draft notice to individuals');

    // Edit: every item written, as version 2; the page renders it as text and as framed HTML.
    const view = await notice(id);
    const items = completeItems(view, (field) => `Text for ${field}.`);
    const edited = await responder.post(`/console/notices/${id}/versions`, { basedOn: '1', organizationName: 'Acme Ltd', ...items });
    expect(edited.location).toBe(`/console/notices/${id}/versions/2`);
    const v2 = await responder.get(edited.location!);
    expect(v2.html).toMatch(/<pre class="rendered-text"[^>]*>[^<]*Text for contactPoint\./);
    expect(v2.html).toMatch(/<ins><span class="notice-sr-only">added: <\/span>Text for contactPoint\.<\/ins>/);
    const src = /<iframe[^>]*sandbox=""[^>]*src="([^"]+)"/.exec(v2.html)?.[1];
    expect(src).toBe(`/console/framed/notices/${id}/versions/2.html`);
    const framed = await responder.get(src!);
    expect(framed.status).toBe(200);
    expect(framed.headers.get('Content-Security-Policy')).toBe(FRAMED_CSP);
    expect(framed.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(framed.html).toContain('Text for contactPoint.');
    // The console's own pages keep their policy: never framed.
    expect(v2.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");

    // A second edit changes one item: the rendered text's diff marks the old line deleted, the new inserted.
    const changed = await responder.post(`/console/notices/${id}/versions`, { basedOn: '2', organizationName: 'Acme Ltd', ...items, 'fields.contactPoint': 'Write to dpo@acme.example.' });
    expect(changed.location).toBe(`/console/notices/${id}/versions/3`);
    const v3 = await responder.get(changed.location!);
    expect(textOf(v3.html)).toContain('Changes from version 2 to version 3');
    expect(v3.html).toMatch(/<del><span class="notice-sr-only">removed: <\/span>[^<]*Text for contactPoint\.[^<]*<\/del>/);
    expect(v3.html).toMatch(/<ins><span class="notice-sr-only">added: <\/span>[^<]*Write to dpo@acme\.example\.[^<]*<\/ins>/);

    // Submit; the responder is never offered a decision, and one posted anyway is refused.
    expect((await responder.post(`/console/notices/${id}/versions/3/submit`, {})).location).toBe(`/console/notices/${id}/versions/3`);
    expect((await notice(id)).latest.status).toBe('in_review');
    const asResponder = await responder.get(`/console/notices/${id}/versions/3`);
    expect(textOf(asResponder.html)).not.toContain('Approve version 3');
    expect(textOf(asResponder.html)).toContain('waits for legal');
    const forbidden = await responder.post(`/console/notices/${id}/versions/3/approve`, {});
    expect(forbidden.status).toBe(403);
    expect(textOf(forbidden.html)).toContain('it is for: legal');
    expect((await notice(id)).latest.status).toBe('in_review');

    // Legal reads the diff and the checklist, and sends it back with a comment.
    const review = await legal.get(`/console/notices/${id}/versions/3`);
    expect(textOf(review.html)).toContain('Changes from version 2 to version 3');
    expect(textOf(review.html)).toContain('Version 3 says everything the regimes require.');
    expect(textOf(review.html)).toContain('Approve version 3');
    const blank = await legal.post(`/console/notices/${id}/versions/3/request-changes`, { body: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.html).toContain('aria-invalid="true"');
    expect((await notice(id)).latest.status).toBe('in_review');
    const sentBack = await legal.post(`/console/notices/${id}/versions/3/request-changes`, { body: 'Name the data protection officer.' });
    expect(sentBack.location).toBe(`/console/notices/${id}/versions/3`);
    const returned = await responder.get(`/console/notices/${id}/versions/3`);
    expect(textOf(returned.html)).toContain('Name the data protection officer.');
    expect(textOf(returned.html)).toContain('Changes requested');
    expect((await notice(id)).latest.status).toBe('changes_requested');

    // The responder answers with version 4; legal approves it, and the API says so.
    const answered = await responder.post(`/console/notices/${id}/versions`, { basedOn: '3', organizationName: 'Acme Ltd', ...items, 'fields.contactPoint': 'Our DPO, Jo Bloggs: dpo@acme.example.' });
    expect(answered.location).toBe(`/console/notices/${id}/versions/4`);
    await responder.get(answered.location!);
    expect((await responder.post(`/console/notices/${id}/versions/4/submit`, {})).status).toBe(303);
    await legal.get(`/console/notices/${id}/versions/4`);
    const approved = await legal.post(`/console/notices/${id}/versions/4/approve`, {});
    expect(approved.location).toBe(`/console/notices/${id}/versions/4`);
    const after = await notice(id);
    expect(after.latest).toMatchObject({ number: 4, status: 'approved' });
    expect(after.approvedNumber).toBe(4);
    const page = await legal.get(`/console/notices/${id}/versions/4`);
    expect(textOf(page.html)).toContain('Approved by test legal (legal)');
    expect(textOf(page.html)).not.toContain('Approve version 4');
    // Older versions point to the newest and list every version.
    const old = await legal.get(`/console/notices/${id}/versions/2`);
    expect(textOf(old.html)).toContain('Version 2 is not the newest');
    for (const n of [1, 2, 3, 4]) expect(old.html).toContain(`href="/console/notices/${id}/versions/${n}"`);
  });

  it('refuses review of a version with blank required items, and approval of one not in review, with the reason', async () => {
    const incident = await incidentWithDuties(server);
    await responder.get(`/console/incidents/${incident.id}`);
    const report = await responder.post(`/console/incidents/${incident.id}/notices`, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' });
    const id = noticeIdOf(report);
    const view = await notice(id);
    expect(view).toMatchObject({ kind: 'report', target: 'eu-gdpr:regulator:DE' });
    const blank = view.missingFields[0] as string;
    expect(blank).toBeDefined();

    await responder.get(`/console/notices/${id}/versions/1`);
    const refused = await responder.post(`/console/notices/${id}/versions/1/submit`, {});
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain(`missing required fields: ${view.missingFields.join(', ')}`);
    // The reason lands on the edit form's textarea for that item.
    expect(refused.html).toMatch(new RegExp(`id="edit--fields-${blank}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="edit--fields-${blank}"`));
    expect((await notice(id)).latest.status).toBe('draft');

    await legal.get(`/console/notices/${id}/versions/1`);
    const notInReview = await legal.post(`/console/notices/${id}/versions/1/approve`, {});
    expect(notInReview.status).toBe(409);
    expect(textOf(notInReview.html)).toContain('version 1 is draft; this needs it in_review');
    expect((await notice(id)).latest.status).toBe('draft');
  });

  it('shows what a template renders from incident text as text, never as markup', async () => {
    const incident = await incidentWithDuties(server);
    const hostile = '<script>alert("x")</script> A CRM export leaked.';
    const updated = await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', summary: hostile } });
    expect(updated.status).toBe(200);
    const id = await draftFromIncidentPage(incident.id);
    const view = await notice(id);
    expect(view.latest.fields.natureOfBreach).toBe(hostile);
    const items = completeItems(view, (field) => (field === 'natureOfBreach' ? hostile : `Text for ${field}.`));
    await responder.get(`/console/notices/${id}/versions/1`);
    const edited = await responder.post(`/console/notices/${id}/versions`, { basedOn: '1', organizationName: 'Acme Ltd', ...items });
    const page = await responder.get(edited.location!);
    expect(page.html).not.toContain('<script>alert');
    expect(textOf(page.html)).toContain(hostile);
    const framed = await responder.get(`/console/framed/notices/${id}/versions/2.html`);
    expect(framed.html).not.toContain('<script>alert');
    expect(framed.html).toContain('&lt;script&gt;');
  });

  it('shows a notice in several languages one language at a time, with a checklist for each', async () => {
    const incident = await chatLeakIncident(server);
    await responder.get(`/console/incidents/${incident.id}`);
    const id = noticeIdOf(await responder.post(`/console/incidents/${incident.id}/notices`, { target: 'individuals', organizationName: 'Chatter Ltd', locales: 'zh-CN, en' }));
    const view = await notice(id);
    // Every item written in Chinese, all but one in English: only the English checklist misses it.
    const [left, ...rest] = view.requiredFields.map((f: { field: string }) => f.field) as string[];
    const items = {
      ...Object.fromEntries(view.requiredFields.map((f: { field: string }) => [`fields.${f.field}`, `中文 ${f.field}`])),
      ...Object.fromEntries(rest.map((field) => [`translations.en.${field}`, `English ${field}`])),
      [`translations.en.${left}`]: '',
    };
    await responder.get(`/console/notices/${id}/versions/1`);
    const edited = await responder.post(`/console/notices/${id}/versions`, { basedOn: '1', organizationName: 'Chatter Ltd', ...items });
    const page = await responder.get(edited.location!);
    expect(textOf(page.html)).toContain('The document in zh-CN');
    expect(page.html).toContain(`href="/console/notices/${id}/versions/2?locale=en"`);
    expect(textOf(page.html)).toContain('Items the notice must carry in zh-CN (primary language)');
    expect(textOf(page.html)).toContain('Items the notice must carry in en');
    expect(textOf(page.html)).toContain('still misses 1 required item');
    expect((await notice(id)).missingByLocale).toEqual({ 'zh-CN': [], en: [left] });
    const english = await responder.get(`/console/notices/${id}/versions/2?locale=en`);
    expect(textOf(english.html)).toContain('The document in en');
    expect(textOf(english.html)).toMatch(new RegExp(`cannot be rendered yet: .*${left}`));
  });

  it('draws the incident page again when a draft is refused, and offers viewers no forms', async () => {
    const incident = await incidentWithDuties(server);
    const form = await responder.get(`/console/incidents/${incident.id}`);
    expect(textOf(form.html)).toMatch(/Available: (en, zh-CN|zh-CN, en)\./);
    const refused = await responder.post(`/console/incidents/${incident.id}/notices`, { target: 'individuals', organizationName: '', locales: 'en, xx' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('aria-invalid="true"');
    expect(refused.html).toContain('value="en, xx"');
    expect((await readJson(await server.request(`/api/v1/incidents/${incident.id}/notices`))).items).toEqual([]);

    const viewer = await signedIn(server, 'viewer');
    const page = await viewer.get(`/console/incidents/${incident.id}`);
    expect(textOf(page.html)).toContain('Notices and reports');
    expect(textOf(page.html)).not.toContain('Generate draft');
    const posted = await viewer.post(`/console/incidents/${incident.id}/notices`, { target: 'individuals', organizationName: 'Acme Ltd', locales: 'en' });
    expect(posted.status).toBe(403);
    expect((await readJson(await server.request(`/api/v1/incidents/${incident.id}/notices`))).items).toEqual([]);
  });
});
