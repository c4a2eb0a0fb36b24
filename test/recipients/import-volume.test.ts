import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { importFile, newIncident } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ROWS = 50_000;

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
});
