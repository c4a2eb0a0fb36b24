import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/auth/actor.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** The README's route x role table: `METHOD /path` -> the roles marked "yes". */
function readmeTable(): Map<string, Set<Role>> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('## Routes and roles')[1]?.split('\n## ')[0] ?? '';
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const header = lines[0]!.split('|').map((cell) => cell.trim());
  const table = new Map<string, Set<Role>>();
  for (const line of lines.slice(2)) {
    const cells = line.split('|').map((cell) => cell.trim());
    const operation = /^`(\w+) (\S+)`$/.exec(cells[1] ?? '');
    if (operation === null) continue;
    const allowed = ROLES.filter((role) => cells[header.indexOf(role)] === 'yes');
    table.set(`${operation[1]} ${operation[2]}`, new Set(allowed));
  }
  return table;
}

describe('routes and roles', () => {
  it('matches the README table for every operation in the OpenAPI document and every role', async () => {
    const document = (await readJson(await server.request('/api/v1/openapi.json', { token: null }))) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const table = readmeTable();
    const incident = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'roles', severity: 'low' } }));
    const secured: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.security === undefined) continue;
        const key = `${method.toUpperCase()} ${path}`;
        secured.push(key);
        expect(table.has(key), `${key} is missing from the README table`).toBe(true);
        // A real incident id, an unknown token id: allowed roles get past the role check and no further harm is done.
        const url = path.replace('/tokens/{id}', '/tokens/unknown-token').replace('{id}', incident.id);
        for (const role of ROLES) {
          const response = await server.request(url, { method: method.toUpperCase(), token: server.tokens[role], ...(method === 'get' || method === 'delete' ? {} : { json: {} }) });
          const allowed = table.get(key)!.has(role);
          expect(response.status === 403, `${role} on ${key} answered ${response.status}`).toBe(!allowed);
          expect(response.status, `${role} on ${key}`).not.toBe(500);
        }
      }
    }
    expect(secured.sort()).toEqual([...table.keys()].filter((key) => !key.startsWith('GET /metrics')).sort());
  });

  it('asks for a token on every secured route', async () => {
    for (const path of ['/api/v1/incidents', '/api/v1/tokens', '/api/v1/audit/verify', '/metrics']) {
      const response = await server.request(path, { token: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="breachline"');
    }
    const revoked = await readJson(await server.request('/api/v1/tokens', { method: 'POST', json: { name: 'temp', role: 'viewer' } }));
    expect((await server.request('/api/v1/incidents', { token: revoked.token })).status).toBe(200);
    await server.request(`/api/v1/tokens/${revoked.id}`, { method: 'DELETE' });
    expect((await server.request('/api/v1/incidents', { token: revoked.token })).status).toBe(401);
  });

  it('lets any role scrape /metrics, and serves health and docs without a token', async () => {
    for (const role of ROLES) expect((await server.request('/metrics', { token: server.tokens[role] })).status).toBe(200);
    expect((await server.request('/healthz', { token: null })).status).toBe(200);
    const docs = await server.request('/api/docs', { token: null });
    expect(docs.status).toBe(200);
    // Everything the page loads comes from this server (it must work offline).
    const assets = [...(await docs.text()).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith('/'), asset).toBe(true);
      expect((await server.request(asset, { token: null })).status, asset).toBe(200);
    }
    for (const name of ['__proto__', 'constructor', 'index.html']) {
      expect((await server.request(`/api/docs/${name}`, { token: null })).status, name).toBe(404);
    }
  });
});
