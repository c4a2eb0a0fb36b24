import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { allRecipients, importFile, newIncident } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const rejectionsOf = async (incidentId: string, importId: string) => {
  const response = await server.request(`/api/v1/incidents/${incidentId}/recipient-imports/${importId}/rejections`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  return (await response.text()).trim().split('\r\n');
};

describe('recipient import', () => {
  it('imports CSV with custom fields and answers with the summary', async () => {
    const id = await newIncident(server);
    const csv = 'email,name,locale,jurisdiction,customer_id,plan\n Ann@Example.com ,Ann Smith,en,DE,c-1,gold\nbo@example.org,"Bo, Jr.",zh-cn,us-ca,c-2,\ncy@example.pl,Cy,pl-pl,PL,c-3,\n';
    const response = await importFile(server, id, csv);
    expect(response.status).toBe(201);
    const summary = await readJson(response);
    expect(summary).toMatchObject({ status: 'complete', accepted: 3, duplicates: 0, rejected: 0, total: 3 });
    expect(response.headers.get('location')).toBe(`/api/v1/incidents/${id}/recipient-imports/${summary.importId}`);
    expect(await allRecipients(server, id)).toEqual([
      { email: 'Ann@Example.com', name: 'Ann Smith', locale: 'en', jurisdiction: 'DE', custom: { customer_id: 'c-1', plan: 'gold' }, importId: summary.importId },
      { email: 'bo@example.org', name: 'Bo, Jr.', locale: 'zh-CN', jurisdiction: 'US-CA', custom: { customer_id: 'c-2' }, importId: summary.importId },
      // A language no template ships for is kept, canonical: its reader falls back to where they live.
      { email: 'cy@example.pl', name: 'Cy', locale: 'pl-PL', jurisdiction: 'PL', custom: { customer_id: 'c-3' }, importId: summary.importId },
    ]);
    const stored = await readJson(await server.request(response.headers.get('location')!));
    expect(stored).toMatchObject({ id: summary.importId, format: 'csv', status: 'complete', accepted: 3, total: 3, failure: null });
  });

  it('imports NDJSON with custom fields; numbers and booleans become text', async () => {
    const id = await newIncident(server);
    const ndjson = '{"email":"a@example.com","name":"A","locale":"en","jurisdiction":"FR","tier":3,"vip":true}\n\n{"email":"b@example.com"}\n';
    const response = await importFile(server, id, ndjson, 'application/x-ndjson');
    expect(response.status).toBe(201);
    expect(await readJson(response)).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0, total: 2 });
    const [a, b] = await allRecipients(server, id);
    expect(a).toMatchObject({ email: 'a@example.com', jurisdiction: 'FR', custom: { tier: '3', vip: 'true' } });
    expect(b).toMatchObject({ email: 'b@example.com', name: null, locale: null, jurisdiction: null, custom: {} });
  });

  it('rejects each bad row with its row number and reason, and offers them as CSV', async () => {
    const id = await newIncident(server);
    const csv = [
      'email,name,locale,jurisdiction',
      'ok@example.com,Ok,en,DE', // row 2
      ',No Email,en,DE', // 3
      'not-an-email,X,en,DE', // 4
      'c@example.com,X,xx-YY,DE', // 5
      'd@example.com,X,en,Germany', // 6
      'e@example.com,X,en,QQ', // 7
      'f@example.com,X,en', // 8: too few fields
      '=1+2,X,en,DE', // 9: invalid, and defused in the download
    ].join('\n');
    const summary = await readJson(await importFile(server, id, csv));
    expect(summary).toMatchObject({ accepted: 1, duplicates: 0, rejected: 7, total: 8 });
    const lines = await rejectionsOf(id, summary.importId);
    expect(lines[0]).toBe('row,reason,email');
    expect(lines.slice(1)).toEqual([
      '3,"email is missing",""',
      '4,"email is not a valid address","not-an-email"',
      '5,"locale is not a language tag like de, en-GB or pt-BR","c@example.com"',
      '6,"jurisdiction is not an ISO 3166 code like DE or US-CA","d@example.com"',
      '7,"jurisdiction is not an ISO 3166 code like DE or US-CA","e@example.com"',
      '8,"has 3 fields; the header has 4",""',
      `9,"email is not a valid address","'=1+2"`,
    ]);
  });

  it('rejects NDJSON lines that are not objects or carry nested custom fields, by line number', async () => {
    const id = await newIncident(server);
    const ndjson = '{"email":"a@example.com"}\n[1,2]\n{oops\n{"email":"b@example.com","tags":{"x":1}}\n{"email":42}\n';
    const summary = await readJson(await importFile(server, id, ndjson, 'application/x-ndjson'));
    expect(summary).toMatchObject({ accepted: 1, rejected: 4, total: 5 });
    expect((await rejectionsOf(id, summary.importId)).slice(1)).toEqual([
      '2,"is not a JSON object",""',
      '3,"is not valid JSON",""',
      '4,"custom field tags must be text, a number or a boolean","b@example.com"',
      '5,"email is not a valid address","42"',
    ]);
  });

  it('folds duplicates by trimmed, lower-cased email within an import and across imports; the first wins', async () => {
    const id = await newIncident(server);
    const first = await readJson(await importFile(server, id, 'email,name\nA@example.com,First\n a@EXAMPLE.com ,Second\nb@example.com,B\n'));
    expect(first).toMatchObject({ accepted: 2, duplicates: 1, rejected: 0, total: 3 });
    expect((await rejectionsOf(id, first.importId)).slice(1)).toEqual([
      '3,"duplicate: the email (trimmed, lower-case) is already a recipient of this incident","a@EXAMPLE.com"',
    ]);
    const second = await readJson(await importFile(server, id, '{"email":"B@Example.com","name":"again"}\n{"email":"c@example.com"}\n', 'application/x-ndjson'));
    expect(second).toMatchObject({ accepted: 1, duplicates: 1, rejected: 0, total: 2 });
    const recipients = await allRecipients(server, id);
    expect(recipients.map((r) => [r.email, r.name])).toEqual([['A@example.com', 'First'], ['b@example.com', 'B'], ['c@example.com', null]]);
    const imports = await readJson(await server.request(`/api/v1/incidents/${id}/recipient-imports`));
    expect(imports.items.map((i: any) => [i.id, i.accepted])).toEqual([[first.importId, 2], [second.importId, 1]]);
  });

  it('pages recipients with a cursor and never returns more than the page', async () => {
    const id = await newIncident(server);
    const csv = ['email', ...Array.from({ length: 7 }, (_, i) => `p${i}@example.com`)].join('\n');
    await importFile(server, id, csv);
    const first = await readJson(await server.request(`/api/v1/incidents/${id}/recipients?limit=3`));
    expect(first.items).toHaveLength(3);
    const second = await readJson(await server.request(`/api/v1/incidents/${id}/recipients?limit=3&cursor=${first.nextCursor}`));
    const third = await readJson(await server.request(`/api/v1/incidents/${id}/recipients?limit=3&cursor=${second.nextCursor}`));
    expect([...first.items, ...second.items, ...third.items].map((r: any) => r.email)).toEqual(Array.from({ length: 7 }, (_, i) => `p${i}@example.com`));
    expect(third.nextCursor).toBeNull();
    expect((await server.request(`/api/v1/incidents/${id}/recipients?limit=501`)).status).toBe(400);
    expect((await server.request(`/api/v1/incidents/${id}/recipients?cursor=abc`)).status).toBe(400);
  });

  it('records the import in the audit trail with counts only', async () => {
    const id = await newIncident(server);
    await importFile(server, id, 'email,name\nsecret.person@example.com,Secret Person\n');
    const audit = await (await server.request(`/api/v1/incidents/${id}/audit`)).text();
    expect(audit).toContain('recipients.imported');
    expect(audit).not.toContain('secret.person');
    expect(audit).not.toContain('Secret Person');
  });
});
