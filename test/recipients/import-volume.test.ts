import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { allRecipients, importFile, newIncident } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ROWS = 50_000;
const DUPLICATE = '"duplicate: the email (trimmed, lower-case) is already a recipient of this incident"';

/** Generates the CSV as it is sent: every 100th row repeats the one before, every 1,000th has a bad email. */
function generatedCsv(): { stream: ReadableStream<Uint8Array>; bytes: () => number } {
  const encoder = new TextEncoder();
  let next = 0;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === 0) controller.enqueue(encoder.encode('email,name,locale,jurisdiction,customer_id\n'));
      const lines: string[] = [];
      for (const end = Math.min(next + 1000, ROWS); next < end; next++) {
        const person = next % 100 === 99 ? next - 1 : next;
        const email = next % 1000 === 500 ? `broken${next}` : `Person${person}@Example.com`;
        lines.push(`${email},Person ${person},en,US-CA,${next}\n`);
      }
      const chunk = encoder.encode(lines.join(''));
      sent += chunk.length;
      controller.enqueue(chunk);
      if (next === ROWS) controller.close();
    },
  });
  return { stream, bytes: () => sent };
}

describe('recipient import at volume', () => {
  it('streams 50,000 rows (more than the global body limit) and counts every one', async () => {
    const id = await newIncident(server);
    const file = generatedCsv();
    const response = await importFile(server, id, file.stream);
    expect(response.status).toBe(201);
    expect(file.bytes()).toBeGreaterThan(1024 * 1024);
    expect(await readJson(response)).toMatchObject({ status: 'complete', total: ROWS, duplicates: ROWS / 100, rejected: ROWS / 1000, accepted: ROWS - ROWS / 100 - ROWS / 1000 });
    const rejections = (await (await server.request(`/api/v1/incidents/${id}/recipient-imports/${(await readJson(await server.request(`/api/v1/incidents/${id}/recipient-imports`))).items[0].id}/rejections`)).text()).trim().split('\r\n');
    expect(rejections).toHaveLength(1 + ROWS / 100 + ROWS / 1000);
    expect(rejections[1]).toBe('101,"duplicate: the email (trimmed, lower-case) is already a recipient of this incident","Person98@Example.com"');
  }, 20_000);

  it('folds duplicates in one statement, in whole statements and across batches; the first wins', async () => {
    // Batches (and transactions) are 1,000 rows and statements 100: the runs below land in each case.
    const emails = [
      ...Array.from({ length: 1000 }, (_, i) => `a${i}@example.com`),
      ...Array.from({ length: 500 }, (_, i) => `A${i}@EXAMPLE.com`), // all taken: statements that insert nothing
      ...Array.from({ length: 100 }, (_, i) => [`b${i}@example.com`, ` B${i}@example.com `]).flat(), // taken a row earlier, in the same statement
      'broken',
      ...Array.from({ length: 299 }, (_, i) => `c${i}@example.com`),
      ...Array.from({ length: 100 }, (_, i) => [`c${i}@example.com`, `e${i}@example.com`]).flat(), // half of each statement taken in the previous batch
    ];
    const firsts = new Map<string, { email: string; name: string }>();
    const rejections: string[] = [];
    emails.forEach((email, i) => {
      const row = i + 2;
      const key = email.trim().toLowerCase();
      if (email === 'broken') rejections.push(`${row},"email is not a valid address","broken"`);
      else if (firsts.has(key)) rejections.push(`${row},${DUPLICATE},"${email.trim()}"`);
      else firsts.set(key, { email: email.trim(), name: `row ${row}` });
    });
    const id = await newIncident(server);
    const response = await importFile(server, id, ['email,name', ...emails.map((email, i) => `${email},row ${i + 2}`)].join('\n'));
    const summary = await readJson(response);
    expect(summary).toMatchObject({ status: 'complete', total: emails.length, accepted: firsts.size, rejected: 1, duplicates: rejections.length - 1 });
    const csv = await (await server.request(`/api/v1/incidents/${id}/recipient-imports/${summary.importId}/rejections`)).text();
    expect(csv.trim().split('\r\n').slice(1)).toEqual(rejections);
    expect((await allRecipients(server, id)).map(({ email, name }) => ({ email, name }))).toEqual([...firsts.values()]);
  });

  it('fails the whole import at a malformed row after batches were written, and keeps none of them', async () => {
    const id = await newIncident(server);
    const csv = ['email', ...Array.from({ length: 2500 }, (_, i) => `m${i}@example.com`), '"unclosed@example.com', 'z@example.com'].join('\n');
    const response = await importFile(server, id, csv);
    expect(response.status).toBe(400);
    expect((await readJson(response)).detail).toBe('row 2502: a quoted field is not closed; nothing was imported');
    expect(await allRecipients(server, id)).toEqual([]);
    const [failed] = (await readJson(await server.request(`/api/v1/incidents/${id}/recipient-imports`))).items;
    expect(failed).toMatchObject({ status: 'failed', failure: 'row 2502: a quoted field is not closed' });
  });

  it('reads imports into two incidents at once, each file on its own', async () => {
    const file = (prefix: string, count: number) => ['email,plan', ...Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com,${prefix}`)].join('\n');
    const [first, second] = [await newIncident(server), await newIncident(server)];
    const answers = await Promise.all([importFile(server, first, file('x', 3000)), importFile(server, second, file('y', 2000))]);
    expect(await Promise.all(answers.map(readJson))).toMatchObject([{ accepted: 3000, total: 3000 }, { accepted: 2000, total: 2000 }]);
    for (const [id, prefix] of [[first, 'x'], [second, 'y']] as const) {
      expect(new Set((await allRecipients(server, id)).map((r) => r.custom.plan))).toEqual(new Set([prefix]));
    }
  });
});
