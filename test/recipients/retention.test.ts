import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { allRecipients, importFile, newIncident } from './support.js';

let server: TestServer;
// Retention of zero days: an incident is due for purging as soon as it has ended.
beforeAll(async () => {
  server = await startTestServer({ RECIPIENT_RETENTION_DAYS: '0' });
});
afterAll(() => server.stop());

const csv = 'email,name\nann@example.com,Ann\nbo@example.com,Bo\nnot-an-email,Cy\n';
const end = (id: string) =>
  server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', token: server.tokens.responder, json: { type: 'DISMISS', reason: 'test data, not a breach' } });

describe('recipient retention', () => {
  it('deletes the personal data of an ended incident once, keeps the counts, and audits the purge', async () => {
    const ended = await newIncident(server, 'ended');
    const open = await newIncident(server, 'still open');
    for (const id of [ended, open]) expect((await importFile(server, id, csv)).status).toBe(201);
    expect((await end(ended)).status).toBe(200);

    const retention = server.breachline.runtime.retention;
    expect(await retention.purgeDue()).toBe(1);
    expect(await retention.purgeDue()).toBe(0);

    expect(await allRecipients(server, ended)).toEqual([]);
    expect(await allRecipients(server, open)).toHaveLength(2);
    const [summary] = (await readJson(await server.request(`/api/v1/incidents/${ended}/recipient-imports`))).items;
    expect(summary).toMatchObject({ status: 'purged', accepted: 2, rejected: 1 });
    const rejections = await server.request(`/api/v1/incidents/${ended}/recipient-imports/${summary.id}/rejections`);
    expect(await rejections.text()).not.toContain('not-an-email');

    const audit = (await (await server.request(`/api/v1/incidents/${ended}/audit`)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.filter((row) => row.action === 'recipients.purged')).toEqual([
      expect.objectContaining({ actor: { kind: 'system', id: 'retention' }, payload: { recipients: 2, rejections: 1, deliveries: 0, retentionDays: 0 } }),
    ]);
    expect((await readJson(await server.request('/api/v1/audit/verify'))).ok).toBe(true);
  });
});
