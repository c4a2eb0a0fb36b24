import { afterAll, beforeAll, expect, it } from 'vitest';
import { incidentNextDueMigration } from '../../../src/db/migrations/0010-incident-next-due.js';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('fills the next due time of incidents that existed before the column', async () => {
  const post = (path: string, json: unknown) => server.request(path, { method: 'POST', json, token: server.tokens.responder });
  const scoped = await readJson(await post('/api/v1/incidents', { title: 'Scoped', severity: 'high' }));
  await post(`/api/v1/incidents/${scoped.id}/events`, { type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3_600_000).toISOString() });
  await post(`/api/v1/incidents/${scoped.id}/events`, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'DE', count: 400 }], dataCategories: ['contact'] });
  const fresh = await readJson(await post('/api/v1/incidents', { title: 'Fresh', severity: 'low' }));
  await server.halt();

  const db = await server.db.reopen();
  try {
    const written = await db.kysely.selectFrom('incidents').select(['id', 'nextDueAt']).orderBy('id').execute();
    expect(written.find((row) => row.id === scoped.id)?.nextDueAt).not.toBeNull();
    // As a database from before the column: the migration must derive the same values from the snapshots.
    await db.kysely.schema.alterTable('incidents').dropColumn('next_due_at').execute();
    await incidentNextDueMigration.up(db.kysely);
    expect(await db.kysely.selectFrom('incidents').select(['id', 'nextDueAt']).orderBy('id').execute()).toEqual(written);
    expect(written.find((row) => row.id === fresh.id)?.nextDueAt).toBeNull();
  } finally {
    await db.close();
    await server.resume();
  }
});
