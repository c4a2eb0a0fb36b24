import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatLeakIncident, completeFields, incidentWithDuties } from '../../notices/notice-api-support.js';
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

const FRAMED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-same-origin";

const notice = async (id: string) => readJson(await server.request(`/api/v1/notices/${id}`, { token: server.tokens.viewer }));

/** A value for every required section and every one holding suggested text, in one language, as the edit form names them. */
const completeItems = (view: any, text: (field: string) => string = (field) => `Text for ${field}.`, locale: string = view.latest.locale) => {
  const prefix = locale === view.latest.locale ? 'fields.' : `translations.${locale}.`;
  return Object.fromEntries(Object.keys(completeFields(view, locale)).map((field) => [`${prefix}${field}`, text(field)]));
};

/** The visible text of the page's section whose heading has this id, up to the next section. */
function sectionText(html: string, headingId: string): string {
  const start = html.indexOf(`id="${headingId}"`);
  expect(start, headingId).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return textOf(html.slice(start, end));
}

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
    // Blank sections keep version 1 from rendering: said in words, with where to write them.
    const view = await notice(id);
    const blank = view.missingByLocale.en as string[];
    expect(blank).toEqual(expect.arrayContaining(['likelyConsequences', 'contact']));
    const labelOf = (field: string) => view.requiredFields.find((f: { field: string }) => f.field === field).label as string;
    const rendered = sectionText(v1.html, 'rendered-heading');
    expect(rendered).toContain('Version 1 cannot be shown in English (en) yet: it has nothing written for');
    for (const field of blank) expect(rendered).toContain(labelOf(field));
    expect(rendered).toContain('Write the sections marked Missing in the checklist below, or edit them in the form at the bottom of this page.');
    expect(v1.html).toMatch(/<span class="check-missing">.*Missing<\/span>/);
    expect((await responder.get(`/console/notices/${id}`)).location).toBe(`/console/notices/${id}/versions/1`);

    // The checklist names each section in words, with every law's item it covers, never the field key.
    const checklist = sectionText(v1.html, 'checklist-heading');
    expect(checklist).toContain('Sections the notice must carry in English (en), the primary language');
    for (const field of view.requiredFields) {
      expect(checklist).toContain(field.label);
      expect(v1.html).not.toContain(`<th scope="row">${field.field}</th>`);
      for (const item of field.covers) expect(checklist).toContain(`${item.citation ?? item.regime}: ${item.label}`);
    }
    expect(checklist).toMatch(/How to contact us (GDPR|UK GDPR)[^✓✗]*Art\. 3[34][^✗]*✗ Missing/);
    // Suggested text from the incident's facts is named wherever it sits, a section no law asks for included.
    expect(view.placeholders).toEqual(expect.arrayContaining(['whatHappened', 'informationInvolved']));
    expect(checklist).toMatch(/What happened and when .*?! Suggested text to replace/);
    expect(checklist).toMatch(/What information was involved No law this notice answers asks for it; it prints when written\. ! Suggested text to replace/);
    expect(checklist).toContain('cannot go to review yet');
    const editForm = sectionText(v1.html, 'edit-heading');
    expect(editForm).toContain('What happened and when Contains suggested text in [[ ]]: confirm or rewrite it.');
    expect(v1.html).toMatch(/<details class="other-sections" open="">/); // a section holding suggested text is never folded away
    expect(editForm).toContain('Sender address');

    // The incident page lists it with its newest version and a link here.
    const incidentPage = await responder.get(`/console/incidents/${incident.id}`);
    expect(incidentPage.html).toContain(`href="/console/notices/${id}/versions/1"`);
    expect(textOf(incidentPage.html)).not.toContain('Generate draft notice to individuals');

    // Suggested text left in place keeps the version from review, named field by field on the form.
    const onlyRequired = Object.fromEntries(view.requiredFields.map((f: { field: string }) => [`fields.${f.field}`, `Text for ${f.field}.`]));
    const partial = await responder.post(`/console/notices/${id}/versions`, { basedOn: '1', organizationName: 'Acme Ltd', ...onlyRequired, 'fields.informationInvolved': view.latest.fields.informationInvolved });
    expect(partial.location).toBe(`/console/notices/${id}/versions/2`);
    await responder.get(partial.location!);
    const held = await responder.post(`/console/notices/${id}/versions/2/submit`, {});
    expect(held.status).toBe(400);
    expect(textOf(held.html)).toContain('suggested text to replace: informationInvolved');
    expect(held.html).toMatch(/id="edit--fields-informationInvolved"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="edit--fields-informationInvolved"/);
    expect((await notice(id)).latest.status).toBe('draft');

    // Edit: every section written, as version 3; the page renders it as text and as framed HTML, From and subject above.
    const items = completeItems(view);
    const edited = await responder.post(`/console/notices/${id}/versions`, { basedOn: '2', organizationName: 'Acme Ltd', ...items });
    expect(edited.location).toBe(`/console/notices/${id}/versions/3`);
    const v3 = await responder.get(edited.location!);
    expect(v3.html).toMatch(/<pre class="rendered-text"[^>]*>[^<]*Text for contact\./);
    expect(textOf(v3.html)).toMatch(/From: "Acme Ltd Privacy" <privacy@acme\.example> Subject: \S/);
    expect(v3.html).toMatch(/<ins><span class="notice-sr-only">added: <\/span>Text for informationInvolved\.<\/ins>/);
    // The notice comes right after the version's facts, before the checklist and the diff.
    expect(v3.html.indexOf('id="rendered-heading"')).toBeLessThan(v3.html.indexOf('id="checklist-heading"'));
    expect(v3.html.indexOf('id="checklist-heading"')).toBeLessThan(v3.html.indexOf('id="diff-heading"'));
    const src = /<iframe[^>]*sandbox="allow-same-origin"[^>]*src="([^"]+)"/.exec(v3.html)?.[1];
    expect(src).toBe(`/console/framed/notices/${id}/versions/3.html`);
    expect(v3.html).not.toContain('allow-scripts');
    const framed = await responder.get(src!);
    expect(framed.status).toBe(200);
    expect(framed.headers.get('Content-Security-Policy')).toBe(FRAMED_CSP);
    expect(framed.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(framed.html).toContain('Text for contact.');
    // The console's own pages keep their policy: never framed.
    expect(v3.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");

    // A second edit changes one section: the rendered text's diff marks the old line deleted, the new inserted.
    const changed = await responder.post(`/console/notices/${id}/versions`, { basedOn: '3', organizationName: 'Acme Ltd', ...items, 'fields.contact': 'Write to dpo@acme.example.' });
    expect(changed.location).toBe(`/console/notices/${id}/versions/4`);
    const v4 = await responder.get(changed.location!);
    expect(textOf(v4.html)).toContain('Changes from version 3 to version 4');
    expect(sectionText(v4.html, 'diff-heading')).toContain('How to contact us');
    expect(v4.html).toMatch(/<del><span class="notice-sr-only">removed: <\/span>[^<]*Text for contact\.[^<]*<\/del>/);
    expect(v4.html).toMatch(/<ins><span class="notice-sr-only">added: <\/span>[^<]*Write to dpo@acme\.example\.[^<]*<\/ins>/);

    // Submit; the responder is never offered a decision, and one posted anyway is refused.
    expect((await responder.post(`/console/notices/${id}/versions/4/submit`, {})).location).toBe(`/console/notices/${id}/versions/4`);
    expect((await notice(id)).latest.status).toBe('in_review');
    const asResponder = await responder.get(`/console/notices/${id}/versions/4`);
    expect(textOf(asResponder.html)).not.toContain('Approve version 4');
    expect(textOf(asResponder.html)).toContain('waits for legal');
    const forbidden = await responder.post(`/console/notices/${id}/versions/4/approve`, {});
    expect(forbidden.status).toBe(403);
    expect(textOf(forbidden.html)).toContain('it is for: legal');
    expect((await notice(id)).latest.status).toBe('in_review');

    // Legal reads the diff and the checklist, and sends it back with a comment.
    const review = await legal.get(`/console/notices/${id}/versions/4`);
    expect(textOf(review.html)).toContain('Changes from version 3 to version 4');
    expect(textOf(review.html)).toContain('Version 4 says everything the regimes require.');
    expect(textOf(review.html)).toContain('Approve version 4');
    const blankComment = await legal.post(`/console/notices/${id}/versions/4/request-changes`, { body: ' ' });
    expect(blankComment.status).toBe(400);
    expect(blankComment.html).toContain('aria-invalid="true"');
    expect((await notice(id)).latest.status).toBe('in_review');
    const sentBack = await legal.post(`/console/notices/${id}/versions/4/request-changes`, { body: 'Name the data protection officer.' });
    expect(sentBack.location).toBe(`/console/notices/${id}/versions/4`);
    const returned = await responder.get(`/console/notices/${id}/versions/4`);
    expect(textOf(returned.html)).toContain('Name the data protection officer.');
    expect(textOf(returned.html)).toContain('Changes requested');
    expect((await notice(id)).latest.status).toBe('changes_requested');

    // The responder answers with version 5; legal approves it, and the API says so.
    const answered = await responder.post(`/console/notices/${id}/versions`, { basedOn: '4', organizationName: 'Acme Ltd', ...items, 'fields.contact': 'Our DPO, Jo Bloggs: dpo@acme.example.' });
    expect(answered.location).toBe(`/console/notices/${id}/versions/5`);
    await responder.get(answered.location!);
    expect((await responder.post(`/console/notices/${id}/versions/5/submit`, {})).status).toBe(303);
    await legal.get(`/console/notices/${id}/versions/5`);
    const approved = await legal.post(`/console/notices/${id}/versions/5/approve`, {});
    expect(approved.location).toBe(`/console/notices/${id}/versions/5`);
    const after = await notice(id);
    expect(after.latest).toMatchObject({ number: 5, status: 'approved' });
    expect(after.approvedNumber).toBe(5);
    const page = await legal.get(`/console/notices/${id}/versions/5`);
    expect(textOf(page.html)).toContain('Approved by test legal (legal)');
    expect(textOf(page.html)).not.toContain('Approve version 5');
    // Older versions point to the newest and list every version; one that never rendered says which and why.
    const old = await legal.get(`/console/notices/${id}/versions/1`);
    expect(textOf(old.html)).toContain('Version 1 is not the newest');
    expect(sectionText(old.html, 'rendered-heading')).toContain('Version 1 cannot be shown in English (en): it has nothing written for');
    for (const n of [1, 2, 3, 4, 5]) expect(old.html).toContain(`href="/console/notices/${id}/versions/${n}"`);
    const second = await legal.get(`/console/notices/${id}/versions/2`);
    expect(sectionText(second.html, 'diff-heading')).toMatch(/Version 1 in English \(en\) cannot be shown as text: it has nothing written for [^.]*How to contact us\. Only its changes item by item are listed\./);
    expect(second.html).not.toContain('Not every side renders yet');
  });

  it('refuses review of a report with blank items or suggested text, naming each, and approval of one not in review', async () => {
    const incident = await incidentWithDuties(server);
    await responder.get(`/console/incidents/${incident.id}`);
    const report = await responder.post(`/console/incidents/${incident.id}/notices`, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' });
    const id = noticeIdOf(report);
    const view = await notice(id);
    expect(view).toMatchObject({ kind: 'report', target: 'eu-gdpr:regulator:DE' });
    const blank = view.missingFields[0] as string;
    expect(blank).toBeDefined();
    // The responders' summary is internal: it starts as suggested text for the authority's version.
    expect(view.placeholders).toEqual(['summary']);
    expect(view.latest.metadata.summary).toMatch(/^\[\[.*\]\]$/);

    const page = await responder.get(`/console/notices/${id}/versions/1`);
    const checklist = sectionText(page.html, 'checklist-heading');
    expect(checklist).toContain('Items the report must carry');
    expect(checklist).toContain('Report summary still holds suggested text in [[ ]]: confirm or rewrite it in the edit form below.');
    expect(sectionText(page.html, 'edit-heading')).toContain('Summary for the authority Contains suggested text in [[ ]]: confirm or rewrite it.');
    expect(sectionText(page.html, 'rendered-heading')).toContain('Write the items marked Missing in the checklist below');

    const refused = await responder.post(`/console/notices/${id}/versions/1/submit`, {});
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain(`missing required fields: ${view.missingFields.join(', ')}; suggested text to replace: summary`);
    // Each reason lands on the edit form's box for that item.
    expect(refused.html).toMatch(new RegExp(`id="edit--fields-${blank}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="edit--fields-${blank}"`));
    expect(refused.html).toMatch(/id="edit--summary"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="edit--summary"/);
    expect((await notice(id)).latest.status).toBe('draft');

    await legal.get(`/console/notices/${id}/versions/1`);
    const notInReview = await legal.post(`/console/notices/${id}/versions/1/approve`, {});
    expect(notInReview.status).toBe(409);
    expect(textOf(notInReview.html)).toContain('version 1 is draft; this needs it in_review');
    expect((await notice(id)).latest.status).toBe('draft');
  });

  it('shows what a template renders from a person’s words as text, never as markup', async () => {
    const incident = await incidentWithDuties(server);
    const hostile = '<script>alert("x")</script> A CRM export leaked.';
    const updated = await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'UPDATE_SCOPE', summary: hostile } });
    expect(updated.status).toBe(200);
    const id = await draftFromIncidentPage(incident.id);
    const view = await notice(id);
    // Nothing internal is copied into a public notice: the summary stays out of the draft.
    expect(JSON.stringify(view.latest)).not.toContain('<script>');
    const items = completeItems(view, (field) => (field === 'whatHappened' ? hostile : `Text for ${field}.`));
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
    // Every section written in Chinese, all but one in English: only the English checklist misses it.
    const left = view.requiredFields[0].field as string;
    const items = { ...completeItems(view, (field) => `中文 ${field}`), ...completeItems(view, (field) => `English ${field}`, 'en'), [`translations.en.${left}`]: '' };
    await responder.get(`/console/notices/${id}/versions/1`);
    const edited = await responder.post(`/console/notices/${id}/versions`, { basedOn: '1', organizationName: 'Chatter Ltd', ...items });
    const page = await responder.get(edited.location!);
    expect(textOf(page.html)).toContain('The document in Chinese, China (zh-CN)');
    expect(page.html).toContain(`href="/console/notices/${id}/versions/2?locale=en"`);
    expect(textOf(page.html)).toContain('Sections the notice must carry in Chinese, China (zh-CN), the primary language');
    expect(textOf(page.html)).toContain('Sections the notice must carry in English (en)');
    expect(textOf(page.html)).toContain('1 required item is missing');
    expect(textOf(page.html)).toContain('Sections in English (en)');
    expect((await notice(id)).missingByLocale).toEqual({ 'zh-CN': [], en: [left] });
    expect((await notice(id)).placeholders).toEqual([]);
    const english = await responder.get(`/console/notices/${id}/versions/2?locale=en`);
    expect(textOf(english.html)).toContain('The document in English (en)');
    expect(sectionText(english.html, 'rendered-heading')).toContain(`Version 2 cannot be shown in English (en) yet: it has nothing written for ${view.requiredFields[0].label}.`);
  });

  it('draws the incident page again when a draft is refused, and offers viewers no forms', async () => {
    const incident = await incidentWithDuties(server);
    const form = await responder.get(`/console/incidents/${incident.id}`);
    expect(textOf(form.html)).toMatch(/Available: [a-zA-Z, -]*\ben\b[a-zA-Z, -]*\bzh-CN\b/);
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

  // Last: it sets the organisation settings every later draft would default to.
  it('drafts in the affected people’s languages when the form names none, for the organisation the settings name', async () => {
    const settings = await server.request('/api/v1/settings/organization', { method: 'PUT', json: { name: 'Acme Group' } });
    expect(settings.status).toBe(200);
    const incident = await incidentWithDuties(server);
    const form = await responder.get(`/console/incidents/${incident.id}`);
    // 40,000 people in Germany, 1,200 in the UK: German first, then English.
    expect(textOf(form.html)).toContain('Leave empty to write in the languages of the affected people: de, en.');
    expect(form.html).toMatch(/name="organizationName"[^>]*value="Acme Group"/);
    expect(textOf(form.html)).toContain('Leave empty to use the organisation settings or MAIL_FROM: privacy@acme.example');
    const created = await responder.post(`/console/incidents/${incident.id}/notices`, { target: 'individuals', organizationName: '', locales: '', senderName: '', senderAddress: '' });
    const id = noticeIdOf(created);
    const view = await notice(id);
    expect(view.latest.locales).toEqual(['de', 'en']);
    expect(view.latest.metadata).toMatchObject({ organizationName: 'Acme Group', senderName: 'Acme Ltd Privacy', senderAddress: 'privacy@acme.example' });
    // Named on the form, the sender is this notice's own.
    const other = await incidentWithDuties(server);
    await responder.get(`/console/incidents/${other.id}`);
    const named = noticeIdOf(await responder.post(`/console/incidents/${other.id}/notices`, { target: 'individuals', locales: 'en', senderName: 'Acme DPO', senderAddress: 'dpo@acme.example' }));
    expect((await notice(named)).latest.metadata).toMatchObject({ organizationName: 'Acme Group', senderName: 'Acme DPO', senderAddress: 'dpo@acme.example' });
  });
});
