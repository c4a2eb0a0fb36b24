import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const path = (regimeId: string) => `/api/v1/settings/authority-contacts/${regimeId}`;

describe('organisation settings: authority addresses', () => {
  it('sets, reads, lists, replaces and removes a regime’s address, each change audited', async () => {
    const saved = await server.request(path('uk-gdpr'), { method: 'PUT', json: { emails: ['casework@ico.example'], name: 'ICO casework' } });
    expect(saved.status).toBe(200);
    expect(await readJson(saved)).toMatchObject({ regimeId: 'uk-gdpr', emails: ['casework@ico.example'], name: 'ICO casework', updatedBy: expect.stringMatching(/^token:/) });
    expect(await readJson(await server.request(path('uk-gdpr')))).toMatchObject({ emails: ['casework@ico.example'] });

    await server.request(path('uk-gdpr'), { method: 'PUT', json: { emails: ['a@ico.example', 'b@ico.example'] } });
    await server.request(path('eu-gdpr'), { method: 'PUT', json: { emails: ['dpa@bfdi.example'] } });
    const list = await readJson(await server.request('/api/v1/settings/authority-contacts'));
    expect(list.items.map((c: { regimeId: string; emails: string[]; name: string | null }) => [c.regimeId, c.emails, c.name])).toEqual([
      ['eu-gdpr', ['dpa@bfdi.example'], null],
      ['uk-gdpr', ['a@ico.example', 'b@ico.example'], null],
    ]);

    expect((await server.request(path('uk-gdpr'), { method: 'DELETE' })).status).toBe(204);
    expect((await server.request(path('uk-gdpr'))).status).toBe(404);
    expect((await server.request(path('uk-gdpr'), { method: 'DELETE' })).status).toBe(404);

    const actions = await server.breachline.runtime.db.kysely.selectFrom('auditLog').select('action').where('chain', '=', 'system').where('action', 'like', 'settings.%').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['settings.authority_contact_set', 'settings.authority_contact_set', 'settings.authority_contact_set', 'settings.authority_contact_deleted']);
    expect(await readJson(await server.request('/api/v1/audit/verify'))).toMatchObject({ ok: true });
  });

  it('names the field and the reason for bad input, and the known regimes for an unknown one', async () => {
    const problem = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      return readJson(response);
    };
    const bad = await problem(await server.request(path('uk-gdpr'), { method: 'PUT', json: { emails: ['nope'], fax: '1' } }), 400);
    expect(bad.errors).toEqual(expect.arrayContaining([{ path: 'emails.0', message: 'Invalid email address' }, { path: 'fax', message: 'is not a known field' }]));
    expect((await problem(await server.request(path('uk-gdpr'), { method: 'PUT', json: { emails: [] } }), 400)).errors[0].path).toBe('emails');
    const dupes = await problem(await server.request(path('uk-gdpr'), { method: 'PUT', json: { emails: ['x@ico.example', 'X@ico.example'] } }), 400);
    expect(dupes.errors).toEqual([{ path: 'emails', message: 'each address may appear once' }]);
    const unknown = await problem(await server.request(path('atlantis'), { method: 'PUT', json: { emails: ['x@ico.example'] } }), 404);
    expect(unknown.detail).toMatch(/^no regime "atlantis" with a duty to report to a regulator \(known: .*uk-gdpr/);
  });

  it('is for admins only', async () => {
    for (const role of ['responder', 'legal', 'viewer', 'ingest'] as const) {
      expect((await server.request(path('uk-gdpr'), { method: 'PUT', token: server.tokens[role], json: { emails: ['x@ico.example'] } })).status).toBe(403);
      expect((await server.request('/api/v1/settings/authority-contacts', { token: server.tokens[role] })).status).toBe(403);
    }
  });
});
