import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalContent, contentHash } from '../../src/notices/notice-content.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { api, completeEdit, completeFields, incidentWithDuties, type Api } from './notice-api-support.js';

let server: TestServer;
let call: Api;
beforeAll(async () => {
  server = await startTestServer();
  call = api(server);
});
afterAll(() => server.stop());

const sendable = (incidentId: string, target: string) => server.breachline.runtime.notices.queries.approvedVersionForSending(incidentId, target);
/** The incident's audit trail, less the scheduler's rows: its deadlines (long overdue here) fire on its own time, not the request's. */
const auditLines = async (incidentId: string) =>
  (await (await server.request(`/api/v1/incidents/${incidentId}/audit`)).text())
    .trim()
    .split('\n')
    .filter((line) => JSON.parse(line).actor.id !== 'scheduler');

/** A complete draft of the notice to individuals by `author`, at version 2. */
async function completeDraft(author: string) {
  const incident = await incidentWithDuties(server);
  const notice = await readJson(await call.create(incident.id, { target: 'individuals', locale: 'en', organizationName: 'Acme Ltd' }, author));
  const version = await readJson(await call.edit(notice.id, { fields: completeFields(notice) }, author));
  return { incident, notice, version };
}

describe('required contents', () => {
  it('refuses review while any required item is blank, naming it', async () => {
    const { notice } = await completeDraft(server.tokens.responder);
    const all = completeFields(notice);
    for (const field of notice.requiredFields.map((f: { field: string }) => f.field)) {
      const edited = await readJson(await call.edit(notice.id, { fields: { ...all, [field]: null } }));
      const refused = await call.act(notice.id, edited.number, 'submit', server.tokens.responder);
      expect(refused.status, field).toBe(400);
      const problem = await readJson(refused);
      expect(problem.detail).toBe(`version ${edited.number} cannot go to review: missing required fields: ${field}`);
      expect(problem.errors).toEqual([{ path: `fields.${field}`, message: expect.stringContaining('required by eu-gdpr') }]);
      expect((await readJson(await call.get(`/notices/${notice.id}`))).missingFields).toEqual([field]);
    }
  });

  it('a report needs the incident summary it opens with', async () => {
    const incident = await incidentWithDuties(server);
    const notice = await readJson(await call.create(incident.id, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' }));
    const edited = await readJson(await call.edit(notice.id, { fields: completeFields(notice), summary: '' }));
    const refused = await readJson(await call.act(notice.id, edited.number, 'submit', server.tokens.responder));
    expect(refused.errors).toEqual([{ path: 'metadata.summary', message: 'must not be empty' }]);
  });

  it('refuses review while suggested text remains, naming each item, until a person replaces it', async () => {
    const incident = await incidentWithDuties(server);
    const notice = await readJson(await call.create(incident.id, { target: 'individuals', locales: ['en', 'de'], organizationName: 'Acme Ltd' }));
    const required = Object.fromEntries(notice.requiredFields.map((f: { field: string }) => [f.field, `Text for ${f.field}.`]));
    const { whatHappened: _kept, ...others } = required;
    // Every required section written in both languages, except that the suggested "what happened" stays in German.
    const edited = await readJson(await call.edit(notice.id, { fields: { ...required, informationInvolved: 'Your email address.' }, translations: { de: { ...others, informationInvolved: 'Ihre E-Mail-Adresse.' } } }));
    expect((await readJson(await call.get(`/notices/${notice.id}`))).placeholders).toEqual(['translations.de.whatHappened']);
    const refused = await call.act(notice.id, edited.number, 'submit', server.tokens.responder);
    expect(refused.status).toBe(400);
    const problem = await readJson(refused);
    expect(problem.detail).toBe(`version ${edited.number} cannot go to review: suggested text to replace: translations.de.whatHappened`);
    expect(problem.errors).toEqual([{ path: 'translations.de.whatHappened', message: expect.stringMatching(/^in de: still holds suggested text between \[\[ and \]\]/) }]);
    const confirmed = await readJson(await call.edit(notice.id, { translations: { de: { whatHappened: 'Am 5. Januar 2026 haben wir davon erfahren.' } } }));
    expect((await call.act(notice.id, confirmed.number, 'submit', server.tokens.responder)).status).toBe(200);
  });

  it('refuses approval of a version in review that still holds suggested text (one stored before review checked it)', async () => {
    const { notice, version } = await completeDraft(server.tokens.responder);
    expect((await call.act(notice.id, version.number, 'submit', server.tokens.responder)).status).toBe(200);
    // What an older release let through: suggested text in a version already in review.
    const db = server.breachline.runtime.db.kysely;
    const row = await db.selectFrom('noticeVersions').selectAll().where('id', '=', version.id).executeTakeFirstOrThrow();
    const content = JSON.parse(row.content);
    content.fields.whatHappened = '[[We became aware of it on January 5, 2026.]]';
    await db.updateTable('noticeVersions').set({ content: canonicalContent(content), contentHash: contentHash(content) }).where('id', '=', version.id).execute();
    const refused = await call.act(notice.id, version.number, 'approve', server.tokens.legal);
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).detail).toBe(`version ${version.number} cannot be approved: suggested text to replace: whatHappened`);
    expect(await sendable(notice.incidentId, 'individuals')).toBeNull();
  });

  it('edits only the document’s own items', async () => {
    const { notice } = await completeDraft(server.tokens.responder);
    const unknown = await call.edit(notice.id, { fields: { notAField: 'x' } });
    expect(unknown.status).toBe(400);
    expect((await readJson(unknown)).errors[0]).toMatchObject({ path: 'fields.notAField', message: expect.stringContaining('known: whatHappened') });
    expect((await call.edit(notice.id, { html: '<p>raw</p>' })).status).toBe(400);
    expect((await call.edit(notice.id, { title: 'Only reports have one' })).status).toBe(400);
    expect((await call.edit(notice.id, { basedOn: 1, organizationName: 'Acme' })).status).toBe(409);
  });
});

describe('four eyes', () => {
  it('legal cannot approve a version it wrote; a responder or admin cannot approve at all', async () => {
    const { incident, notice, version } = await completeDraft(server.tokens.legal);
    expect((await call.act(notice.id, version.number, 'submit', server.tokens.legal)).status).toBe(200);
    const own = await call.act(notice.id, version.number, 'approve', server.tokens.legal);
    expect(own.status).toBe(403);
    expect((await readJson(own)).detail).toMatch(/four eyes/);
    expect((await call.act(notice.id, version.number, 'approve', server.tokens.responder)).status).toBe(403);
    expect((await call.act(notice.id, version.number, 'approve', server.tokens.admin)).status).toBe(403);
    expect((await call.act(notice.id, version.number, 'request-changes', server.tokens.responder, { body: 'no' })).status).toBe(403);
    expect((await call.incident(incident.id)).tracks.individuals).toBe('in_review');
    expect(await sendable(incident.id, 'individuals')).toBeNull();
  });

  it('only the newest version in review can be approved', async () => {
    const { notice, version } = await completeDraft(server.tokens.responder);
    expect((await call.act(notice.id, version.number, 'approve', server.tokens.legal)).status).toBe(409);
    expect((await call.act(notice.id, 1, 'submit', server.tokens.responder)).status).toBe(409);
  });
});

describe('an edit after approval', () => {
  it('voids the approval: nothing is sendable and the track is back to drafting', async () => {
    const { incident, notice, version } = await completeDraft(server.tokens.responder);
    await call.act(notice.id, version.number, 'submit', server.tokens.responder);
    expect((await call.act(notice.id, version.number, 'approve', server.tokens.legal)).status).toBe(200);
    expect(await sendable(incident.id, 'individuals')).not.toBeNull();

    const edited = await call.edit(notice.id, { basedOn: version.number, fields: { contact: 'dpo@acme.example' } });
    expect(edited.status).toBe(201);
    expect(await sendable(incident.id, 'individuals')).toBeNull();
    const after = await call.incident(incident.id);
    expect(after.tracks.individuals).toBe('drafting');
    expect(after.individuals.approvedVersion).toBeNull();
    const versions = await readJson(await call.get(`/notices/${notice.id}/versions`));
    expect(versions.items.map((v: { status: string }) => v.status)).toEqual(['draft', 'superseded', 'draft']);
    expect((await call.act(notice.id, version.number, 'approve', server.tokens.legal)).status).toBe(409);
  });

  it('voids a report’s approval the same way', async () => {
    const incident = await incidentWithDuties(server);
    const notice = await readJson(await call.create(incident.id, { target: 'uk-gdpr:regulator:GB', organizationName: 'Acme Ltd' }));
    const version = await readJson(await call.edit(notice.id, completeEdit(notice)));
    await call.act(notice.id, version.number, 'submit', server.tokens.responder);
    await call.act(notice.id, version.number, 'approve', server.tokens.legal);
    expect(await sendable(incident.id, 'uk-gdpr:regulator:GB')).toMatchObject({ number: version.number });
    await call.edit(notice.id, { title: 'CRM export leaked (updated)' });
    expect(await sendable(incident.id, 'uk-gdpr:regulator:GB')).toBeNull();
    const child = (await call.incident(incident.id)).obligations.find((o: { id: string }) => o.id === 'uk-gdpr:regulator:GB');
    expect(child).toMatchObject({ status: 'drafting', approvedVersion: null });
  });
});

describe('untrusted text', () => {
  it('stays inert in previews: escaped in HTML, never evaluated, one line in the subject', async () => {
    const { notice } = await completeDraft(server.tokens.responder);
    const hostile = {
      whatHappened: '<script>alert(1)</script>',
      contact: '{{#each this}}{{/each}} {{constructor.constructor "return 1"}}',
      likelyConsequences: '<img src=x onerror=alert(1)>',
    };
    const edited = await readJson(await call.edit(notice.id, { fields: hostile, organizationName: 'Acme <b>Ltd</b>' }));
    const preview = await readJson(await call.get(`/notices/${notice.id}/versions/${edited.number}/preview?name=${encodeURIComponent('<i>Eve</i>')}`));
    expect(preview.html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(preview.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.html).toContain('&lt;i&gt;Eve&lt;/i&gt;');
    expect(preview.text).toContain('{{constructor.constructor "return 1"}}');
    expect(preview.subject).not.toMatch(/\n/);
    const injected = await call.get(`/notices/${notice.id}/versions/${edited.number}/preview?name=${encodeURIComponent('Eve\nBcc: x@evil.example')}`);
    expect(injected.status).toBe(400);
    expect(await call.edit(notice.id, { organizationName: 'Acme\r\nBcc: x@evil.example' }).then((r) => r.status)).toBe(400);
  });
});

describe('a refused lifecycle event', () => {
  it('writes nothing: a submission after legal decided no notice is needed', async () => {
    const { incident, notice, version } = await completeDraft(server.tokens.responder);
    const decided = await server.request(`/api/v1/incidents/${incident.id}/events`, {
      method: 'POST',
      token: server.tokens.legal,
      json: { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'Art. 34(3)(a)' },
    });
    expect(decided.status).toBe(200);
    const before = await auditLines(incident.id);
    const refused = await call.act(notice.id, version.number, 'submit', server.tokens.responder);
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).type).toBe('urn:breachline:problem:event-not-allowed');
    expect((await readJson(await call.get(`/notices/${notice.id}`))).latest.status).toBe('draft');
    expect(await auditLines(incident.id)).toEqual(before);
  });

  it('writes nothing: a draft for an obligation legal already settled', async () => {
    const incident = await incidentWithDuties(server);
    await server.request(`/api/v1/incidents/${incident.id}/events`, {
      method: 'POST',
      token: server.tokens.legal,
      json: { type: 'OBLIGATION_NOT_REQUIRED', obligationId: 'eu-gdpr:regulator:DE', reason: 'Not likely to result in a risk' },
    });
    const before = await auditLines(incident.id);
    const refused = await call.create(incident.id, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' });
    expect(refused.status).toBe(409);
    expect((await readJson(await call.get(`/incidents/${incident.id}/notices`))).items).toEqual([]);
    expect(await auditLines(incident.id)).toEqual(before);
    expect((await readJson(await server.request('/api/v1/audit/verify'))).ok).toBe(true);
  });
});
