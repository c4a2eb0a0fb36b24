import { pino } from 'pino';
import { startBreachline, type Breachline } from '../../src/breachline.js';
import type { Role } from '../../src/auth/actor.js';
import { loadConfig } from '../../src/config.js';
import { tempDb, type TempDb } from './temp-db.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  url: string;
  db: TempDb;
  breachline: Breachline;
  /** A token of each role, issued through the API. */
  tokens: Record<Role, string>;
  request(path: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
  /** Stops the server gracefully and starts a new one on the same database file. */
  restart(): Promise<void>;
  /** The two halves of restart, for tests that act while it is down. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** A real Breachline on 127.0.0.1 with an ephemeral port and a temporary SQLite file. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await tempDb();
  await db.db.close(); // the server opens its own handle
  // Notices name a real sender: with MAIL_FROM unset (env MAIL_FROM: '') drafts start with none.
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', BREACHLINE_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'silent', MAIL_FROM: 'Acme Ltd Privacy <privacy@acme.example>', ...env });
  const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const server: TestServer = {
    url: '',
    db,
    breachline: undefined as unknown as Breachline,
    tokens: { admin: env.BREACHLINE_ADMIN_TOKEN ?? ADMIN_TOKEN } as Record<Role, string>,
    request(path, init = {}) {
      const { token = server.tokens.admin, json, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (token !== null && !merged.has('Authorization')) merged.set('Authorization', `Bearer ${token}`);
      if (json !== undefined && !merged.has('Content-Type')) merged.set('Content-Type', 'application/json');
      return fetch(server.url + path, { ...rest, headers: merged, body: json === undefined ? rest.body : JSON.stringify(json) });
    },
    async restart() {
      await server.halt();
      await server.resume();
    },
    halt: () => server.breachline.stop(),
    async resume() {
      server.breachline = await startBreachline(config, logger);
      server.url = server.breachline.url;
    },
    async stop() {
      await server.breachline.stop();
      await db.cleanup();
    },
  };
  server.breachline = await startBreachline(config, logger);
  server.url = server.breachline.url;
  for (const role of ['responder', 'legal', 'ingest', 'viewer'] as const) {
    const response = await server.request('/api/v1/tokens', { method: 'POST', json: { name: `test ${role}`, role } });
    server.tokens[role] = ((await response.json()) as { token: string }).token;
  }
  return server;
}

/** A response body for matchers; shapes are checked by the assertions that read it. */
export const readJson = (response: Response): Promise<any> => response.json();
