import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { allRecipients, importFile, newIncident } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RECIPIENTS_MAX_BYTES: '4096' });
});
afterAll(() => server.stop());

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return readJson(response);
}

describe('recipient import guards', () => {
  it('answers 415 for a body that is neither CSV nor NDJSON', async () => {
    const id = await newIncident(server);
    const problem = await problemOf(await importFile(server, id, '{"email":"a@example.com"}', 'application/json'), 415);
    expect(problem.detail).toMatch(/text\/csv or application\/x-ndjson/);
    await problemOf(await importFile(server, id, 'email\na@example.com\n', '__proto__'), 415);
  });

  it('keeps a column named like a prototype member as an ordinary custom field', async () => {
    const id = await newIncident(server);
    await importFile(server, id, 'email,__proto__,constructor\na@example.com,x,y\n');
    const [recipient] = await allRecipients(server, id);
    expect(recipient?.custom).toEqual(JSON.parse('{"__proto__":"x","constructor":"y"}'));
  });

  it('records an upload that breaks off as failed and imports nothing', async () => {
    const id = await newIncident(server);
    const req = request(`${server.url}/api/v1/incidents/${id}/recipients`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokens.responder}`, 'Content-Type': 'text/csv', 'Content-Length': '4000' },
    });
    req.on('error', () => undefined);
    req.write('email,name\na@example.com,A\nb@example.com,B\n');
    await new Promise((r) => setTimeout(r, 200));
    req.destroy();
    let imports: any[] = [];
    for (let i = 0; i < 100 && imports[0]?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      imports = (await readJson(await server.request(`/api/v1/incidents/${id}/recipient-imports`))).items;
    }
    expect(imports[0]).toMatchObject({ status: 'failed', failure: expect.stringMatching(/^the upload ended before the file did/) });
    expect(await allRecipients(server, id)).toEqual([]);
  });

  it('answers 400 naming the row of malformed CSV, and imports nothing', async () => {
    const id = await newIncident(server);
    const problem = await problemOf(await importFile(server, id, 'email,name\na@example.com,A\nb@example.com,"unterminated\nc@example.com,C\n'), 400);
    expect(problem.detail).toMatch(/^row 3: a quoted field is not closed; nothing was imported$/);
    expect(problem.errors).toEqual([{ path: 'row 3', message: 'a quoted field is not closed' }]);
    expect(await allRecipients(server, id)).toEqual([]);
    const [failed] = (await readJson(await server.request(`/api/v1/incidents/${id}/recipient-imports`))).items;
    expect(failed).toMatchObject({ status: 'failed', failure: 'row 3: a quoted field is not closed' });
    // The incident is free for the corrected file.
    expect((await importFile(server, id, 'email\na@example.com\n')).status).toBe(201);
  });

  it('answers 400 for a file without an email column, an empty file or an endless NDJSON line', async () => {
    const id = await newIncident(server);
    expect((await problemOf(await importFile(server, id, 'mail,name\nx@example.com,X\n'), 400)).detail).toMatch(/row 1: the header row has no email column/);
    expect((await problemOf(await importFile(server, id, 'email,email\n'), 400)).detail).toMatch(/names column email twice/);
    expect((await problemOf(await importFile(server, id, ''), 400)).detail).toMatch(/the file is empty/);
    const big = await startTestServer();
    try {
      const bigId = await newIncident(big);
      const line = `{"email":"a@example.com","x":"${'y'.repeat(70_000)}"}\n`;
      expect((await problemOf(await importFile(big, bigId, line, 'application/x-ndjson'), 400)).detail).toMatch(/row 1: the line is longer than 65536 characters/);
    } finally {
      await big.stop();
    }
  });

  it('answers 413 past RECIPIENTS_MAX_BYTES, declared or streamed, and imports nothing', async () => {
    const id = await newIncident(server);
    const rows = ['email', ...Array.from({ length: 300 }, (_, i) => `person${i}@example.com`)].join('\n');
    await problemOf(await importFile(server, id, rows), 413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(rows));
        controller.close();
      },
    });
    await problemOf(await importFile(server, id, streamed), 413);
    expect(await allRecipients(server, id)).toEqual([]);
  });

  it('answers 409 for a dismissed incident and 404 for an unknown one', async () => {
    const id = await newIncident(server);
    await server.request(`/api/v1/incidents/${id}/events`, { method: 'POST', json: { type: 'DISMISS', reason: 'false alarm' } });
    expect((await problemOf(await importFile(server, id, 'email\na@example.com\n'), 409)).detail).toMatch(/dismissed/);
    await problemOf(await importFile(server, 'no-such-incident', 'email\na@example.com\n'), 404);
    await problemOf(await server.request('/api/v1/incidents/no-such-incident/recipients'), 404);
    await problemOf(await server.request(`/api/v1/incidents/${id}/recipient-imports/nope`), 404);
    await problemOf(await server.request(`/api/v1/incidents/${id}/recipient-imports/nope/rejections`), 404);
  });

  it('lets responders and admin import, legal read recipients, and viewers read counts only', async () => {
    const id = await newIncident(server);
    const { tokens } = server;
    for (const role of ['legal', 'viewer', 'ingest'] as const) await problemOf(await importFile(server, id, 'email\na@example.com\n', 'text/csv', tokens[role]), 403);
    const summary = await readJson(await importFile(server, id, 'email\nnot-an-email\nb@example.com\n', 'text/csv', tokens.responder));
    expect(summary).toMatchObject({ accepted: 1, rejected: 1 });
    const paths = {
      recipients: `/api/v1/incidents/${id}/recipients`,
      imports: `/api/v1/incidents/${id}/recipient-imports`,
      summary: `/api/v1/incidents/${id}/recipient-imports/${summary.importId}`,
      rejections: `/api/v1/incidents/${id}/recipient-imports/${summary.importId}/rejections`,
    };
    for (const role of ['admin', 'responder', 'legal'] as const) {
      for (const path of Object.values(paths)) expect((await server.request(path, { token: tokens[role] })).status, `${role} ${path}`).toBe(200);
    }
    expect((await server.request(paths.imports, { token: tokens.viewer })).status).toBe(200);
    expect((await server.request(paths.summary, { token: tokens.viewer })).status).toBe(200);
    await problemOf(await server.request(paths.recipients, { token: tokens.viewer }), 403);
    await problemOf(await server.request(paths.rejections, { token: tokens.viewer }), 403);
  });

  it('never answers 500 to junk', async () => {
    const id = await newIncident(server);
    const junk: Array<[string, NonNullable<RequestInit['body']>]> = [
      ['text/csv', new Uint8Array([0, 255, 254, 10, 34, 0, 44, 10])],
      ['text/csv', '"'],
      ['text/csv', 'email\n"a@example.com"x\n'],
      ['text/csv; charset=utf-8', '\uFEFFemail,name\r\na@example.com,"A ""quoted"" name"\r\n'],
      ['application/x-ndjson', new Uint8Array([123, 255, 0, 125, 10])],
      ['application/x-ndjson', 'null\n"text"\n{"email":null}\n{"email":["a@example.com"]}\n{"__proto__":{"x":1},"email":"p@example.com"}\n'],
      ['application/x-ndjson', '{"email":"a@example.com","locale":5,"jurisdiction":"us-"}'],
    ];
    for (const [type, body] of junk) {
      const response = await importFile(server, id, body, type);
      expect(response.status, `${type} ${String(body)}`).toBeLessThan(500);
      expect([201, 400]).toContain(response.status);
    }
  });
});
