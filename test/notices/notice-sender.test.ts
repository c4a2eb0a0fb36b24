import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { api, completeEdit, incidentWithDuties, type Api } from './notice-api-support.js';

// MAIL_FROM unset: Breachline's own default must never become a notice's sender.
let server: TestServer;
let call: Api;
beforeAll(async () => {
  server = await startTestServer({ MAIL_FROM: '' });
  call = api(server);
});
afterAll(() => server.stop());

describe('the sender of a notice to individuals', () => {
  it('is missing, and blocks review, while neither the request, the organisation nor MAIL_FROM names one', async () => {
    const incident = await incidentWithDuties(server);
    const notice = await readJson(await call.create(incident.id, { target: 'individuals', locale: 'en', organizationName: 'Acme Ltd' }));
    expect(notice.latest.metadata).toEqual({ organizationName: 'Acme Ltd' });
    expect(notice.missingFields).toEqual(expect.arrayContaining(['senderName', 'senderAddress']));
    const written = await readJson(await call.edit(notice.id, completeEdit(notice)));
    const refused = await call.act(notice.id, written.number, 'submit', server.tokens.responder);
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).errors).toEqual([
      { path: 'metadata.senderName', message: 'must not be empty' },
      { path: 'metadata.senderAddress', message: 'must not be empty' },
    ]);
    // Named on the notice itself, it goes through review and shows in the preview.
    const named = await readJson(await call.edit(notice.id, { senderName: 'Acme Ltd Data Protection', senderAddress: 'privacy@acme.example' }));
    expect((await call.act(notice.id, named.number, 'submit', server.tokens.responder)).status).toBe(200);
    const preview = await readJson(await call.get(`/notices/${notice.id}/versions/${named.number}/preview`));
    expect(preview.from).toBe('"Acme Ltd Data Protection" <privacy@acme.example>');
  });

  it('comes from the organisation settings when the draft names none, the organisation’s name too', async () => {
    await server.request('/api/v1/settings/organization', { method: 'PUT', json: { name: 'Acme Group', senderAddress: 'notices@acme.example' } });
    const incident = await incidentWithDuties(server);
    const notice = await readJson(await call.create(incident.id, { target: 'individuals', locale: 'en' }));
    // A sender with no name of its own goes by the organisation's.
    expect(notice.latest.metadata).toEqual({ organizationName: 'Acme Group', senderName: 'Acme Group', senderAddress: 'notices@acme.example' });
    const own = await readJson(await call.create(incident.id, { target: 'eu-gdpr:regulator:DE' }));
    expect(own.latest.metadata.organizationName).toBe('Acme Group');
    const refused = await call.create(incident.id, { target: 'uk-gdpr:regulator:GB', senderAddress: 'x@acme.example' });
    expect((await readJson(refused)).errors).toEqual([{ path: 'senderAddress', message: 'only notices to individuals have a sender' }]);
  });
});
