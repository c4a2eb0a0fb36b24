import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { api, completeEdit, completeFields, incidentWithDuties, type Api } from './notice-api-support.js';

let server: TestServer;
let call: Api;
beforeAll(async () => {
  server = await startTestServer();
  call = api(server);
});
afterAll(() => server.stop());

/** A draft completed and submitted by the responder; answers the notice and its version in review. */
async function submitted(incidentId: string, target: string, extra: Record<string, unknown> = {}) {
  const created = await call.create(incidentId, { target, organizationName: 'Acme Ltd', ...extra });
  expect(created.status).toBe(201);
  const notice = await readJson(created);
  const edited = await call.edit(notice.id, { basedOn: 1, ...completeEdit(notice) });
  expect(edited.status).toBe(201);
  const version = await readJson(edited);
  expect((await call.act(notice.id, version.number, 'submit', server.tokens.responder)).status).toBe(200);
  return { notice, version };
}

describe('notice review over the API', () => {
  it('a responder drafts the notice to individuals; legal reads the diff and approves; the track follows', async () => {
    const incident = await incidentWithDuties(server);
    const created = await call.create(incident.id, { target: 'individuals', locale: 'en', organizationName: 'Acme Ltd' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(/^\/api\/v1\/notices\//);
    const notice = await readJson(created);
    expect(notice.latest).toMatchObject({ number: 1, status: 'draft', locale: 'en', template: 'notices/individuals/en' });
    expect(notice.latest.regimes.sort()).toEqual(['eu-gdpr', 'uk-gdpr']);
    // Drafted from the facts, as suggested text: never the internal summary; the rest is left for people.
    expect(notice.latest.fields).toEqual({
      whatHappened: '[[We became aware of it on January 5, 2026.]]',
      informationInvolved: '[[The personal information involved includes contact details (email addresses, phone numbers or postal addresses).]]',
    });
    expect(notice.latest.metadata).toEqual({ organizationName: 'Acme Ltd', senderName: 'Acme Ltd Privacy', senderAddress: 'privacy@acme.example' });
    expect(notice.missingFields).toContain('contact');
    expect(notice.requiredFields.find((f: { field: string }) => f.field === 'contact').covers.map((c: { regime: string }) => c.regime)).toEqual(['eu-gdpr', 'uk-gdpr']);
    expect((await call.incident(incident.id)).tracks.individuals).toBe('drafting');

    const edit = await readJson(await call.edit(notice.id, { basedOn: 1, fields: completeFields(notice) }));
    expect(edit).toMatchObject({ number: 2, status: 'draft' });
    expect((await call.act(notice.id, 2, 'submit', server.tokens.responder)).status).toBe(200);
    expect((await call.incident(incident.id)).tracks.individuals).toBe('in_review');

    const diff = await readJson(await call.get(`/notices/${notice.id}/diff?from=1&to=2`, server.tokens.legal));
    expect(diff.changes.map((c: { field: string }) => c.field)).toContain('contact');
    expect(diff.changes.find((c: { field: string }) => c.field === 'contact')).toEqual({ field: 'contact', locale: 'en', from: null, to: 'Text for contact.' });
    // Version 1 has blanks, so it cannot render: the diff says why instead of showing a blank.
    expect(diff.textPatch).toBeNull();
    expect(diff.textUnavailable).toMatch(/contact/);

    expect((await call.act(notice.id, 2, 'comments', server.tokens.legal, { body: 'Reads well.' })).status).toBe(201);
    const approved = await call.act(notice.id, 2, 'approve', server.tokens.legal);
    expect(approved.status).toBe(200);
    const version = await readJson(approved);
    expect(version).toMatchObject({ status: 'approved', comments: [{ body: 'Reads well.' }] });
    const after = await call.incident(incident.id);
    expect(after.tracks.individuals).toBe('approved');
    expect(after.individuals.approvedVersion).toEqual({ versionId: version.id, contentHash: version.contentHash });
    expect(await server.breachline.runtime.notices.queries.approvedVersionForSending(incident.id, 'individuals')).toMatchObject({ versionId: version.id, contentHash: version.contentHash });

    const timeline = await readJson(await server.request(`/api/v1/incidents/${incident.id}/timeline`));
    const noticeEvents = timeline.items.filter((e: { actor: { id: string } }) => e.actor.id === 'notices').map((e: { type: string }) => e.type);
    expect(noticeEvents).toEqual(['INDIVIDUALS_NOTICE_REQUIRED', 'INDIVIDUALS_NOTICE_SUBMITTED', 'INDIVIDUALS_NOTICE_APPROVED']);
    const audit = await (await server.request(`/api/v1/incidents/${incident.id}/audit`)).text();
    for (const action of ['notice.drafted', 'notice.edited', 'notice.submitted', 'notice.commented', 'notice.approved']) expect(audit).toContain(action);
  });

  it('drafts a report for each regulator obligation; a rendered-text diff once both versions are complete', async () => {
    const incident = await incidentWithDuties(server);
    const regulators = incident.obligations.filter((o) => o.recipient === 'regulator');
    expect(regulators.map((o) => o.id).sort()).toEqual(['eu-gdpr:regulator:DE', 'uk-gdpr:regulator:GB']);
    for (const obligation of regulators) {
      const { notice } = await submitted(incident.id, obligation.id);
      expect(notice).toMatchObject({ kind: 'report', target: obligation.id });
      // The responders' summary is internal: it arrives as suggested text a person must rewrite for the authority.
      expect(notice.latest.metadata).toEqual({ organizationName: 'Acme Ltd', title: 'CRM export leaked', summary: '[[A CRM export was readable from the internet.]]' });
      expect(notice.latest.facts).toMatchObject({ jurisdiction: obligation.jurisdiction, affected: obligation.jurisdiction === 'DE' ? 40_000 : 1_200, dataCategories: ['contact'] });
      const child = (await call.incident(incident.id)).obligations.find((o: { id: string }) => o.id === obligation.id);
      expect(child.status).toBe('in_review');

      expect((await call.act(notice.id, 2, 'request-changes', server.tokens.legal, { body: 'Say when it started.' })).status).toBe(200);
      const v3 = await readJson(await call.edit(notice.id, { fields: { natureOfBreach: 'Readable since 2 January.' } }));
      expect((await call.act(notice.id, v3.number, 'submit', server.tokens.responder)).status).toBe(200);
      const diff = await readJson(await call.get(`/notices/${notice.id}/diff?from=2&to=3`));
      expect(diff.changes).toEqual([{ field: 'natureOfBreach', from: 'Text for natureOfBreach.', to: 'Readable since 2 January.' }]);
      expect(diff.textPatch).toContain('-Text for natureOfBreach.');
      expect(diff.textPatch).toContain('+Readable since 2 January.');
      expect((await call.act(notice.id, 3, 'approve', server.tokens.legal)).status).toBe(200);
      const approved = (await call.incident(incident.id)).obligations.find((o: { id: string }) => o.id === obligation.id);
      expect(approved.status).toBe('approved');
      expect(approved.approvedVersion.versionId).toBe((await readJson(await call.get(`/notices/${notice.id}`))).latest.id);
    }
    const listed = await readJson(await call.get(`/incidents/${incident.id}/notices`));
    expect(listed.items).toHaveLength(2);
    const versions = await readJson(await call.get(`/notices/${listed.items[0].id}/versions`));
    expect(versions.items.map((v: { status: string }) => v.status)).toEqual(['draft', 'changes_requested', 'approved']);
    expect(versions.items[1].comments[0].body).toBe('Say when it started.');
  });

  it('previews HTML and text, personalised for a sample recipient', async () => {
    const incident = await incidentWithDuties(server);
    const { notice, version } = await submitted(incident.id, 'individuals', { locale: 'en' });
    const preview = await call.get(`/notices/${notice.id}/versions/${version.number}/preview?name=${encodeURIComponent('Jo Bloggs')}`);
    expect(preview.status).toBe(200);
    const body = await readJson(preview);
    expect(body.html).toContain('Jo Bloggs');
    expect(body.text).toContain('Text for contact.');
    expect(body.subject).toContain('Acme Ltd');
    // A preview renders one of the version's own locales: this one is written in en only.
    const zh = await call.get(`/notices/${notice.id}/versions/${version.number}/preview?locale=zh-CN`);
    expect(zh.status).toBe(400);
    expect((await readJson(zh)).errors).toEqual([{ path: 'locale', message: 'this notice is not written in "zh-CN" (its locales: en)' }]);
  });

  it('names the known locales and obligations when a draft asks for an unknown one', async () => {
    const incident = await incidentWithDuties(server);
    const locale = await call.create(incident.id, { target: 'individuals', locale: 'xx', organizationName: 'Acme Ltd' });
    expect(locale.status).toBe(400);
    expect((await readJson(locale)).errors[0]).toMatchObject({ path: 'locale', message: expect.stringMatching(/known: .*en.*zh-CN/) });
    const target = await call.create(incident.id, { target: 'xx-none:regulator:DE', organizationName: 'Acme Ltd' });
    expect(target.status).toBe(400);
    expect((await readJson(target)).detail).toMatch(/known: individuals, .*eu-gdpr:regulator:DE/);
    const again = await call.create(incident.id, { target: 'individuals', locale: 'en', organizationName: 'Acme Ltd' });
    expect(again.status).toBe(201);
    const twice = await call.create(incident.id, { target: 'individuals', locale: 'en', organizationName: 'Acme Ltd' });
    expect(twice.status).toBe(409);
    expect(twice.headers.get('content-type')).toBe('application/problem+json');
  });
});
