import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/tokens/token-service.js';
import { connect } from '../../src/db/connect.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('graceful shutdown', () => {
  it('answers the requests in flight when it stops, and every 2xx is still there after restart', async () => {
    const incident = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'busy', severity: 'high' } }));
    const eventsUrl = `/api/v1/incidents/${incident.id}/events`;
    await server.request(eventsUrl, { method: 'POST', json: { type: 'CONFIRM', awarenessAt: new Date().toISOString() } });

    const requests = Array.from({ length: 60 }, (_, i) =>
      server
        .request(eventsUrl, { method: 'POST', json: { type: 'RECORD_CONTAINMENT_ACTION', description: `action ${i}` } })
        .then((response) => response.status)
        // A connection still in the listen backlog when the server closes is reset: never accepted.
        .catch(() => 'not accepted' as const),
    );
    await Promise.race(requests); // the server is busy with the rest
    await server.halt();
    const outcomes = await Promise.all(requests);
    await server.resume();

    const answered = outcomes.filter((o) => o === 200).length;
    expect(outcomes.every((o) => o === 200 || o === 'not accepted')).toBe(true);
    expect(answered).toBeGreaterThan(0);
    const after = await readJson(await server.request(`/api/v1/incidents/${incident.id}`));
    expect(after.containment.actions).toHaveLength(answered);
  });

  it('stores tokens only as hashes', async () => {
    const created = await readJson(await server.request('/api/v1/tokens', { method: 'POST', json: { name: 'ci', role: 'viewer' } }));
    const db = connect(server.db.url);
    try {
      const rows = await db.kysely.selectFrom('apiTokens').selectAll().execute();
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(created.token);
      expect(rows.find((r) => r.id === created.id)?.secretHash).toBe(hashSecret(created.token));
    } finally {
      await db.close();
    }
  });
});
