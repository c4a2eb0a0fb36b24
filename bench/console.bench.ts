import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startBreachline } from '../src/breachline.js';
import { loadConfig } from '../src/config.js';
import { load, type LoadResult } from './http.bench.js';
import { compare, type Comparison } from './measure.js';

const TOKEN = 'bench-admin-token-0123456789';

/** Signs in through the console's form, as a browser does, and returns the session cookie. */
async function sessionCookie(url: string): Promise<string> {
  const form = await fetch(`${url}/console/sign-in`);
  const nonceCookie = form.headers.getSetCookie().find((line) => line.startsWith('breachline_sign_in='))!.split(';')[0]!;
  const nonce = /name="signInNonce" value="([^"]+)"/.exec(await form.text())![1]!;
  const signedIn = await fetch(`${url}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonceCookie },
    body: new URLSearchParams({ signInNonce: nonce, token: TOKEN }),
  });
  return signedIn.headers.getSetCookie().find((line) => line.startsWith('breachline_session='))!.split(';')[0]!;
}

/** Incidents as a team has them: confirmed, scoped in two jurisdictions, so each has its duties. */
async function seedIncidents(url: string, count: number): Promise<string[]> {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await fetch(`${url}/api/v1/incidents`, { method: 'POST', headers, body: JSON.stringify({ title: `Incident ${i}`, severity: 'high' }) });
    const { id } = (await created.json()) as { id: string };
    const event = (body: unknown) => fetch(`${url}/api/v1/incidents/${id}/events`, { method: 'POST', headers, body: JSON.stringify(body) });
    await event({ type: 'CONFIRM', awarenessAt: new Date(Date.now() - 3_600_000).toISOString() });
    await event({ type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'CN', count: 120_000 }, { jurisdiction: 'DE', count: 4_000 }], dataCategories: ['contact'] });
    ids.push(id);
  }
  return ids;
}

const figure = (name: string, result: LoadResult) => {
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  return { name: `${name} (p99 ${result.p99Ms} ms)`, unit: 'req/s', value: result.requestsPerSecond };
};

/**
 * What a console page costs beside the API's JSON for the same thing, on one server in one run:
 * the page also assesses obligations, reads the timeline, notices and sends, and renders HTML.
 */
export async function consoleBenchmark(): Promise<Comparison[]> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, PORT: '0', BREACHLINE_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent' });
  const breachline = await startBreachline(config, pino({ level: 'silent' }));
  try {
    const ids = await seedIncidents(breachline.url, 50);
    const cookie = await sessionCookie(breachline.url);
    const api = { authorization: `Bearer ${TOKEN}` };
    const incidentJson = await load(breachline.url, ids.map((id) => ({ method: 'GET' as const, path: `/api/v1/incidents/${id}`, headers: api })));
    const incidentPage = await load(breachline.url, ids.map((id) => ({ method: 'GET' as const, path: `/console/incidents/${id}`, headers: { cookie } })));
    const listJson = await load(breachline.url, [{ method: 'GET', path: '/api/v1/incidents?limit=50', headers: api }]);
    const listPage = await load(breachline.url, [{ method: 'GET', path: '/console/incidents', headers: { cookie } }]);
    return [
      compare('Console: incident page vs its JSON', figure('GET /api/v1/incidents/{id}', incidentJson), figure('GET /console/incidents/{id}', incidentPage)),
      compare('Console: incidents list (50) vs its JSON', figure('GET /api/v1/incidents?limit=50', listJson), figure('GET /console/incidents', listPage)),
    ];
  } finally {
    await breachline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
