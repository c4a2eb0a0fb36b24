import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../../support/server.js';
import { cliFor, cliHome, downUrl, runCli } from '../cli-runner.js';

let server: TestServer;
let home: ReturnType<typeof cliHome>;
let cli: ReturnType<typeof cliFor>;
let incidentId: string;

beforeAll(async () => {
  server = await startTestServer();
  home = cliHome();
  cli = cliFor(server.url, home.config);
  ({ id: incidentId } = await readJson(await server.request('/api/v1/incidents', { method: 'POST', json: { title: 'Audited', severity: 'high' } })));
  for (const summary of ['first', 'second']) {
    await server.request(`/api/v1/incidents/${incidentId}/events`, { method: 'POST', json: { type: 'UPDATE_SCOPE', summary } });
  }
});
afterAll(async () => {
  await server.stop();
  home.remove();
});

describe('breachline audit', () => {
  it('verifies the chains, exports an incident’s trail to stdout or a file, and refuses what it should', async () => {
    const viewer = server.tokens.viewer;
    const file = join(home.dir, 'trail.jsonl');
    const [verify, verifyJson, oneIncident, exported, toFile, unknown, noIncident, asIngest] = await Promise.all([
      cli(['audit', 'verify'], { token: viewer }),
      cli(['audit', 'verify', '--json'], { token: viewer }),
      cli(['audit', 'verify', '--incident', incidentId, '--json'], { token: viewer }),
      cli(['audit', 'export', incidentId], { token: viewer }),
      cli(['audit', 'export', incidentId, '-o', file], { token: viewer }),
      cli(['audit', 'export', 'no-such-incident', '-o', join(home.dir, 'none.jsonl')], { token: viewer }),
      cli(['audit', 'export'], { token: viewer }),
      cli(['audit', 'verify'], { token: server.tokens.ingest }),
    ]);
    expect(verify.code, verify.stderr).toBe(0);
    const result = JSON.parse(verifyJson.stdout);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.stdout).toBe(`Audit chain:    OK\nRows checked:   ${result.rowsChecked}\nChains checked: ${result.chainsChecked}\n`);
    expect(JSON.parse(oneIncident.stdout)).toMatchObject({ ok: true, rowsChecked: 3, chainsChecked: 1 });

    const trail = await (await server.request(`/api/v1/incidents/${incidentId}/audit`)).text();
    expect(trail.split('\n')).toHaveLength(4); // three rows, then the final newline
    expect(exported.stdout).toBe(trail);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(trail);
    expect(toFile.stderr).toBe(`wrote 3 audit rows of ${incidentId} to ${file}\n`);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toBe('breachline: 404 Not Found: incident no-such-incident not found\n');
    expect(existsSync(join(home.dir, 'none.jsonl'))).toBe(false);
    expect(noIncident.code).toBe(2);
    expect(noIncident.stderr).toBe("breachline: missing required argument 'incident' (see --help)\n");
    expect(asIngest.code).toBe(4);
    expect(asIngest.stderr).toMatch(/^breachline: 403 Forbidden: .+\n$/);
  });

  it('exits 8 and names the first broken link when a row was edited in the database', async () => {
    const db = (await server.db.reopen()).kysely;
    const row = await db.selectFrom('auditLog').select(['id']).where('chain', '=', incidentId).where('seq', '=', 2).executeTakeFirstOrThrow();
    await sql`update audit_log set payload = ${'{"summary":"rewritten"}'} where id = ${row.id}`.execute(db);
    const [broken, brokenJson, down] = await Promise.all([
      cli(['audit', 'verify'], { token: server.tokens.viewer }),
      cli(['audit', 'verify', '--json'], { token: server.tokens.viewer }),
      runCli(['audit', 'verify'], { url: await downUrl(), token: server.tokens.viewer, config: home.config }),
    ]);
    const link = `chain ${incidentId}, seq 2 (hash mismatch; row ${row.id})`;
    expect(broken.code).toBe(8);
    expect(broken.stdout).toMatch(new RegExp(`^Audit chain: +BROKEN\\n[^]*First broken: +${link.replace(/[()]/g, '\\$&')}\\n$`));
    expect(broken.stderr).toBe(`breachline: the audit chain does not verify: ${link}\n`);
    expect(brokenJson.code).toBe(8);
    expect(JSON.parse(brokenJson.stdout).firstBroken).toMatchObject({ id: row.id, seq: 2, reason: 'hash_mismatch' });
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^breachline: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
  });
});
