import { describe, expect, it } from 'vitest';
import { readJson } from '../../support/server.js';
import { cliTestContext, downUrl, runCli } from '../cli-runner.js';

const t = cliTestContext();

const tokenCount = async () => (await readJson(await t.server.request('/api/v1/tokens'))).items.length as number;

describe('breachline tokens', () => {
  it('issues a token that works, lists it without its secret, and revokes it so it stops working', async () => {
    const admin = t.server.tokens.admin;
    const [created, createdJson] = await Promise.all([
      t.cli(['tokens', 'create', '--name', 'prometheus', '--role', 'ingest'], { token: admin }),
      t.cli(['tokens', 'create', '--name', 'Dana (legal)', '--role', 'legal', '--json'], { token: admin }),
    ]);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim();
    expect(created.stdout).toBe(`${secret}\n`);
    const identity = await readJson(await t.server.request('/api/v1/tokens/current', { token: secret }));
    expect(identity).toMatchObject({ name: 'prometheus', role: 'ingest' });
    expect(created.stderr).toBe(`issued token ${identity.id} "prometheus" (ingest); the secret above is not shown again\n`);
    const dana = JSON.parse(createdJson.stdout);
    expect(dana).toMatchObject({ name: 'Dana (legal)', role: 'legal', token: expect.any(String) });

    const [list, listJson] = await Promise.all([t.cli(['tokens', 'list'], { token: admin }), t.cli(['tokens', 'list', '--json'], { token: admin })]);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID +NAME +ROLE +PREFIX +CREATED \(UTC\) +REVOKED \(UTC\)$/);
    expect(list.stdout).toMatch(new RegExp(`\\n${identity.id} +prometheus +ingest +\\S+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +-\\n`));
    expect(list.stdout).not.toContain(secret);
    expect(list.stdout).not.toContain(dana.token);
    expect(listJson.stdout).not.toContain(secret);
    expect(JSON.parse(listJson.stdout).items).toHaveLength(await tokenCount());

    const revoked = await t.cli(['tokens', 'revoke', identity.id], { token: admin });
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stderr).toMatch(new RegExp(`^revoked token ${identity.id} "prometheus" \\(ingest\\) at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\n$`));
    expect((await t.server.request('/api/v1/tokens/current', { token: secret })).status).toBe(401);
    const [afterRevoke, listed] = await Promise.all([t.cli(['whoami'], { token: secret }), t.cli(['tokens', 'list', '--json'], { token: admin })]);
    expect(afterRevoke.code).toBe(4);
    expect(afterRevoke.stderr).toMatch(/^breachline: 401 /);
    expect(JSON.parse(listed.stdout).items.find((t: { id: string }) => t.id === identity.id).revokedAt).toEqual(expect.any(String));
  });

  it('refuses bad arguments, other roles, unknown tokens and a server that is down', async () => {
    const admin = t.server.tokens.admin;
    const before = await tokenCount();
    const [noName, badRole, asResponder, listAsLegal, unknown, down] = await Promise.all([
      t.cli(['tokens', 'create', '--role', 'viewer'], { token: admin }),
      t.cli(['tokens', 'create', '--name', 'x', '--role', 'root'], { token: admin }),
      t.cli(['tokens', 'create', '--name', 'mine', '--role', 'admin'], { token: t.server.tokens.responder }),
      t.cli(['tokens', 'list'], { token: t.server.tokens.legal }),
      t.cli(['tokens', 'revoke', 'no-such-token'], { token: admin }),
      runCli(['tokens', 'list'], { url: await downUrl(), token: admin, config: t.home.config }),
    ]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toBe("breachline: required option '--name <name>' not specified (see --help)\n");
    expect(badRole.code).toBe(7);
    expect(badRole.stderr).toMatch(/^breachline: 400 .*\(role: .*"viewer".*\)\n$/);
    expect(asResponder.code).toBe(4);
    expect(asResponder.stderr).toMatch(/^breachline: 403 Forbidden: .+\n$/);
    expect(listAsLegal.code).toBe(4);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toBe('breachline: 404 Not Found: token no-such-token not found\n');
    expect(await tokenCount()).toBe(before);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^breachline: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
  });
});
