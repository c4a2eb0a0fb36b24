import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { createSource, fixture } from './support.js';

let server: TestServer;
let routingKey: string;
let db: Kysely<Database>;
beforeAll(async () => {
  server = await startTestServer();
  db = (await server.db.reopen()).kysely;
  await createSource(server, { name: 'prom', kind: 'alertmanager' });
  await createSource(server, { name: 'posture', kind: 'generic' });
  routingKey = (await createSource(server, { name: 'waf', kind: 'pagerduty' })).routingKey;
});
afterAll(() => server.stop());

const junk = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant('__proto__'), fc.anything({ maxDepth: 2 }));

/** A valid body with one field (possibly nested) replaced by junk or removed. */
function mutated(body: any): fc.Arbitrary<string> {
  const paths: string[][] = [];
  const walk = (value: any, path: string[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const key of Object.keys(value)) {
      paths.push([...path, key]);
      walk(value[key], [...path, key]);
    }
  };
  walk(body, []);
  return fc.tuple(fc.constantFrom(...paths), junk, fc.boolean()).map(([path, value, remove]) => {
    const copy = structuredClone(body);
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key];
    if (remove) delete at[path[path.length - 1]!];
    else at[path[path.length - 1]!] = value;
    return JSON.stringify(copy);
  });
}

/** Rows and deliveries stored: a refused request must change neither. */
const stored = async () => (await sql<{ rows: number; deliveries: number | null }>`select count(*) as rows, sum(count) as deliveries from alerts`.execute(db)).rows[0];

describe('junk at the intake endpoints', () => {
  it('never answers 5xx, answers problems, and writes only what it accepts', async () => {
    const cases = fc.oneof(
      fc.tuple(fc.constant('/api/v1/alerts/alertmanager?source=prom'), mutated(fixture('alertmanager-firing.json'))),
      fc.tuple(fc.constant('/api/v1/alerts/grafana?source=prom'), mutated(fixture('grafana-firing.json'))),
      fc.tuple(fc.constant('/api/v1/alerts'), mutated(fixture('generic.json', { SOURCE: 'posture' }))),
      fc.tuple(fc.constant('/api/v1/alerts/pagerduty'), mutated(fixture('pagerduty-trigger.json', { ROUTING_KEY: routingKey }))),
      fc.tuple(fc.constantFrom('/api/v1/alerts', '/api/v1/alerts/alertmanager?source=prom'), fc.oneof(fc.string({ maxLength: 30 }), fc.anything().map((v) => JSON.stringify(v) ?? 'null'))),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([path, body]) => {
        const before = await stored();
        const response = await server.request(path, { method: 'POST', body, token: server.tokens.ingest, headers: { 'Content-Type': 'application/json' } });
        expect(response.status, await response.clone().text()).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(await stored()).toEqual(before);
        }
      }),
      { numRuns: 120 },
    );
  });
});
