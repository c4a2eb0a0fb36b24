import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/lifecycle/events.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** Values of every JSON type, often near-valid: the kind of junk that finds 500s. */
const junkValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', 'low', 'critical', '2026-11-20T08:00:00Z', '2999-01-01T00:00:00Z', 'not-a-date', '{{title}}', 'x'.repeat(300)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
);
const junkObject = (keys: string[]) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((k) => [k, junkValue])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), junkValue, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
const junkBody = (keys: string[]) =>
  fc.oneof(
    junkObject(keys).map((value) => JSON.stringify(value)),
    fc.anything().map((value) => JSON.stringify(value) ?? 'null'),
    fc.string({ maxLength: 40 }),
  );

const count = async (path: string) => ((await readJson(await server.request(path))) as { items: unknown[] }).items.length;

describe('junk input', () => {
  it('never answers 5xx to junk at incident creation, and writes only what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(junkBody(['title', 'severity', 'summary', 'detectedAt']), async (body) => {
        const before = await count('/api/v1/incidents?limit=100');
        const response = await server.request('/api/v1/incidents', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
        expect(response.status).toBeLessThan(500);
        const after = await count('/api/v1/incidents?limit=100');
        expect(after - before).toBe(response.status === 201 ? 1 : 0);
        if (response.status !== 201) expect(response.headers.get('content-type')).toBe('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });

  it('never answers 5xx to junk events, and a refused event writes nothing', async () => {
    const incident = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'target', severity: 'low' } }));
    const timeline = `/api/v1/incidents/${incident.id}/timeline`;
    const event = fc
      .tuple(fc.constantFrom(...EVENT_TYPES, 'EXPLODE', ''), junkObject(['reason', 'awarenessAt', 'description', 'obligations', 'obligationId', 'affected', 'title']))
      .map(([type, fields]) => JSON.stringify({ ...fields, type }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(event, junkBody(['type'])), async (body) => {
        const before = await count(timeline);
        const response = await server.request(`/api/v1/incidents/${incident.id}/events`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
        expect(response.status).toBeLessThan(500);
        expect((await count(timeline)) - before).toBe(response.status === 200 ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  });
});
