import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const put = (json: unknown, token = server.tokens.admin) => server.request('/api/v1/settings/organization', { method: 'PUT', token, json });

describe('organisation settings', () => {
  it('start unset; an admin sets the name and the notice sender, and null clears one; every change is audited', async () => {
    expect(await readJson(await server.request('/api/v1/settings/organization', { token: server.tokens.viewer }))).toEqual({
      name: null,
      senderName: null,
      senderAddress: null,
      updatedBy: null,
      updatedAt: null,
    });
    const saved = await put({ name: 'Acme Ltd', senderName: 'Acme Ltd Data Protection', senderAddress: 'privacy@acme.example' });
    expect(saved.status).toBe(200);
    expect(await readJson(saved)).toMatchObject({ name: 'Acme Ltd', senderName: 'Acme Ltd Data Protection', senderAddress: 'privacy@acme.example', updatedBy: expect.stringMatching(/^token:/) });
    expect(await readJson(await put({ senderName: null }))).toMatchObject({ name: 'Acme Ltd', senderName: null, senderAddress: 'privacy@acme.example' });
    const verify = await readJson(await server.request('/api/v1/audit/verify'));
    expect(verify.ok).toBe(true);
  });

  it('refuses other roles and bad input with a problem naming the field; nothing changes', async () => {
    const before = await readJson(await server.request('/api/v1/settings/organization'));
    expect((await put({ name: 'Evil Corp' }, server.tokens.responder)).status).toBe(403);
    const bad = await put({ senderAddress: 'not an address' });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).errors).toEqual([{ path: 'senderAddress', message: 'must be an email address' }]);
    const header = await put({ name: 'Acme\r\nBcc: x@evil.example' });
    expect((await readJson(header)).errors[0]).toMatchObject({ path: 'name' });
    expect((await put({})).status).toBe(400);
    expect((await put({ colour: 'red' })).status).toBe(400);
    expect(await readJson(await server.request('/api/v1/settings/organization'))).toEqual(before);
  });
});
