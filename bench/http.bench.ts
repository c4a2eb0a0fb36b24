import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { pino } from 'pino';
import { startBreachline } from '../src/breachline.js';
import { loadConfig } from '../src/config.js';
import { listen } from '../src/http/server.js';

const run = promisify(execFile);
const CONNECTIONS = 10;
const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 8);

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

type Request = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

/** Drives `url` from a second process (bench/load.ts) with keep-alive connections. */
export async function load(url: string, requests: Request[]): Promise<LoadResult> {
  const spec = JSON.stringify({ url, connections: CONNECTIONS, durationSec: DURATION_SEC, requests });
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts'), spec], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
}

const jsonPost = (path: string, body: unknown, headers: Record<string, string> = {}): Request => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Bare Hono: parse a JSON body, answer JSON. The ceiling for any JSON endpoint on this machine. */
export async function bareHono(): Promise<LoadResult> {
  const app = new Hono();
  app.post('/echo', async (c) => c.json({ received: Object.keys(await c.req.json()).length }));
  const server = await listen(app, '127.0.0.1', 0);
  try {
    return await load(server.url, [jsonPost('/echo', { title: 'x', severity: 'high' })]);
  } finally {
    await server.close();
  }
}

/** The baseline: the same plus one better-sqlite3 insert (WAL, NORMAL) per request. */
export async function honoWithInsert(): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  const db = new SQLite(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table events (id integer primary key, body text not null)');
  const insert = db.prepare('insert into events (body) values (?)');
  const app = new Hono();
  app.post('/insert', async (c) => c.json({ id: Number(insert.run(JSON.stringify(await c.req.json())).lastInsertRowid) }, 201));
  const server = await listen(app, '127.0.0.1', 0);
  try {
    return await load(server.url, [jsonPost('/insert', { title: 'x', severity: 'high' })]);
  } finally {
    await server.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Breachline's event endpoint: auth, validation, load, transition, one transaction, response. */
export async function breachlineEvents(): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  const token = 'bench-admin-token-0123456789';
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, PORT: '0', BREACHLINE_ADMIN_TOKEN: token, LOG_LEVEL: 'silent' });
  const breachline = await startBreachline(config, pino({ level: 'silent' }));
  const auth = { authorization: `Bearer ${token}` };
  try {
    const requests: Request[] = [];
    // Spread over incidents as real traffic is; UPDATE_SCOPE keeps each snapshot the same size.
    for (let i = 0; i < 50; i++) {
      const created = await fetch(`${breachline.url}/api/v1/incidents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Incident ${i}`, severity: 'high' }),
      });
      const { id } = (await created.json()) as { id: string };
      requests.push(jsonPost(`/api/v1/incidents/${id}/events`, { type: 'UPDATE_SCOPE', summary: `update from responder ${i}` }, auth));
    }
    return await load(breachline.url, requests);
  } finally {
    await breachline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
