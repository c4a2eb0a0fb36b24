import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { ConsoleClient, signedIn, textOf, type Page } from '../console-client.js';

const BODY_LIMIT = 4096;
const RECIPIENTS_LIMIT = 64 * 1024;

let server: TestServer;
let responder: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer({ BODY_LIMIT_BYTES: String(BODY_LIMIT), RECIPIENTS_MAX_BYTES: String(RECIPIENTS_LIMIT) });
  responder = await signedIn(server, 'responder');
  viewer = await signedIn(server, 'viewer');
});
afterAll(() => server.stop());

async function newIncident(title: string): Promise<string> {
  const response = await server.request('/api/v1/incidents', { method: 'POST', token: server.tokens.responder, json: { title, severity: 'high' } });
  return ((await readJson(response)) as { id: string }).id;
}

const importsOf = async (id: string) => (await readJson(await server.request(`/api/v1/incidents/${id}/recipient-imports`, { token: server.tokens.viewer }))).items as Array<{ id: string; status: string; accepted: number }>;

/** Posts the upload form as a browser does: multipart, the file streamed, the form token in the action's query. */
function upload(client: ConsoleClient, incidentId: string, content: string, options: { csrf?: string | null; filename?: string; type?: string } = {}): Promise<Page> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: options.type ?? 'text/csv' }), options.filename ?? 'recipients.csv');
  const csrf = options.csrf === undefined ? client.csrfToken : options.csrf;
  const query = csrf === null ? '' : `?_csrf=${encodeURIComponent(csrf)}`;
  return client.request(`/console/incidents/${incidentId}/recipients${query}`, { method: 'POST', body: form });
}

const people = (count: number, domain: string) => Array.from({ length: count }, (_, i) => `person${i}@${domain},Person ${i},en,DE`);

describe('recipients upload', () => {
  it('streams a file bigger than the body limit into an import and shows its counts', async () => {
    const id = await newIncident('Newsletter list exposed');
    const page = await responder.get(`/console/incidents/${id}`);
    expect(page.html).toMatch(new RegExp(`<form method="post" enctype="multipart/form-data" action="/console/incidents/${id}/recipients\\?_csrf=[^"]+"`));
    // Other posts are held to the body limit, so the upload's exemption is what lets the file in.
    const tooBig = await responder.post(`/console/incidents/${id}/scope`, { summary: 'x'.repeat(BODY_LIMIT) });
    expect(tooBig.status).toBe(413);

    const csv = ['email,name,locale,jurisdiction', ...people(120, 'upload.example'), 'not-an-email,X,en,DE', 'person0@upload.example,Again,en,DE'].join('\n');
    expect(csv.length).toBeGreaterThan(BODY_LIMIT);
    const uploaded = await upload(responder, id, csv);
    expect(uploaded.status, textOf(uploaded.html)).toBe(303);
    expect(uploaded.location).toBe(`/console/incidents/${id}`);

    const shown = await responder.get(`/console/incidents/${id}`);
    const text = textOf(shown.html);
    expect(text).toContain('Recipients imported: 120 accepted, 1 duplicate, 1 rejected.');
    expect(text).toContain('120 recipients imported.');
    expect(text).toMatch(/complete 122 120 1 1/);
    const [summary] = await importsOf(id);
    expect(summary).toMatchObject({ status: 'complete', accepted: 120 });

    // The rejected and duplicate rows, for the roles that may read them, from the console session.
    const link = `/console/incidents/${id}/recipient-imports/${summary!.id}/rejections`;
    expect(shown.html).toContain(`href="${link}"`);
    const rejections = await responder.get(link);
    expect(rejections.status).toBe(200);
    expect(rejections.headers.get('Content-Type')).toContain('text/csv');
    expect(rejections.html).toContain('"email is not a valid address","not-an-email"');
    expect(rejections.html).toContain('duplicate');
    const viewerPage = await viewer.get(`/console/incidents/${id}`);
    expect(viewerPage.html).not.toContain(`href="${link}"`);
    expect((await viewer.get(link)).status).toBe(403);
  });

  it('refuses an upload without the form token or by a role that may not import, and imports nothing', async () => {
    const id = await newIncident('Token check');
    await responder.get(`/console/incidents/${id}`);
    const csv = ['email', 'a@example.com'].join('\n');
    const forged = await upload(responder, id, csv, { csrf: null });
    expect(forged.status).toBe(403);
    expect(textOf(forged.html)).toContain('Form refused');
    expect((await upload(responder, id, csv, { csrf: 'x'.repeat(43) })).status).toBe(403);

    const viewerPage = await viewer.get(`/console/incidents/${id}`);
    expect(viewerPage.html).not.toContain('enctype="multipart/form-data"');
    expect((await upload(viewer, id, csv)).status).toBe(403);
    expect(await importsOf(id)).toEqual([]);
  });

  it('redraws the incident page with the reason for a file of another kind, a malformed file or one past the limit', async () => {
    const id = await newIncident('Bad files');
    await responder.get(`/console/incidents/${id}`);
    const wrongKind = await upload(responder, id, 'hello', { filename: 'notes.txt', type: 'text/plain' });
    expect(wrongKind.status).toBe(415);
    expect(wrongKind.html).toMatch(/<p class="error-message" id="recipients-upload--file-error">the file must be CSV \(.csv\) or NDJSON \(.ndjson\)<\/p>/);
    expect(wrongKind.html).toMatch(/id="recipients-upload--file"[^>]*aria-invalid="true"/);

    const noEmail = await upload(responder, id, 'mail,name\nx@example.com,X\n');
    expect(noEmail.status).toBe(400);
    expect(textOf(noEmail.html)).toContain('row 1: the header row has no email column; nothing was imported');

    const huge = ['email', ...Array.from({ length: 4000 }, (_, i) => `someone-with-a-long-address-${i}@example.com`)].join('\n');
    expect(huge.length).toBeGreaterThan(RECIPIENTS_LIMIT);
    const tooLarge = await upload(responder, id, huge);
    expect(tooLarge.status).toBe(413);
    expect(textOf(tooLarge.html)).toContain(`recipient files are limited to ${RECIPIENTS_LIMIT} bytes; nothing was imported`);

    const noFile = await upload(responder, id, '', { filename: '' });
    expect(noFile.status).toBe(400);
    expect(textOf(noFile.html)).toContain('choose a recipients file to upload');

    expect((await importsOf(id)).filter((i) => i.status === 'complete')).toEqual([]);
    const shown = textOf((await responder.get(`/console/incidents/${id}`)).html);
    expect(shown).toContain('0 recipients imported.');
    expect(shown).toContain('failed, nothing imported');
  });

  it('undoes an upload whose connection breaks off, and takes the next one', async () => {
    const id = await newIncident('Broken upload');
    await responder.get(`/console/incidents/${id}`);
    const boundary = 'breachline-test-boundary';
    const cookie = [...responder.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const partial = request(`${server.url}/console/incidents/${id}/recipients?_csrf=${encodeURIComponent(responder.csrfToken!)}`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': '1000000', Cookie: cookie },
    });
    partial.on('error', () => {}); // the test breaks it on purpose
    partial.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\nemail\n${people(50, 'broken.example').join('\n')}\n`);
    await expect.poll(async () => (await importsOf(id)).map((i) => i.status), { timeout: 5000 }).toEqual(['running']);
    partial.destroy();
    await expect.poll(async () => (await importsOf(id)).map((i) => i.status), { timeout: 5000 }).toEqual(['failed']);

    const next = await upload(responder, id, 'email\nonly@example.com\n');
    expect(next.status, textOf(next.html)).toBe(303);
    expect((await importsOf(id)).map((i) => [i.status, i.accepted])).toEqual([
      ['failed', 0],
      ['complete', 1],
    ]);
  });
});
