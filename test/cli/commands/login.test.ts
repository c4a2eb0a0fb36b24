import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../../support/server.js';
import { cliHome, downUrl, runCli } from '../cli-runner.js';

let server: TestServer;
let home: ReturnType<typeof cliHome>;

beforeAll(async () => {
  server = await startTestServer();
  home = cliHome();
});
afterAll(async () => {
  await server.stop();
  home.remove();
});

describe('breachline login, whoami, logout', () => {
  it('checks the token, saves it readable by its owner only, and later commands use it for that server alone', async () => {
    const login = await runCli(['--url', `${server.url}/`, 'login'], { config: home.config, input: `${server.tokens.responder}\n` });
    expect(login.code).toBe(0);
    expect(login.stderr).toBe(`logged in to ${server.url} as test responder (responder); saved in ${home.config}\n`);
    expect(statSync(home.config).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(home.config, 'utf8'))).toEqual({ url: server.url, token: server.tokens.responder });

    const [whoami, whoamiJson, elsewhere] = await Promise.all([
      runCli(['whoami'], { config: home.config }),
      runCli(['whoami', '--json'], { config: home.config }),
      // Another server (given by the environment) must not receive the saved token.
      runCli(['whoami'], { config: home.config, url: await downUrl() }),
    ]);
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toMatch(new RegExp(`^Server: +${server.url}\nToken: +test responder \\(\\S+\\)\nRole: +responder\nFrom: +config file\n$`));
    expect(JSON.parse(whoamiJson.stdout)).toMatchObject({ name: 'test responder', role: 'responder' });
    expect(elsewhere.code).toBe(4);
    expect(elsewhere.stderr).toContain('no token');

    const logout = await runCli(['logout'], { config: home.config });
    expect(logout.code).toBe(0);
    expect(existsSync(home.config)).toBe(false);
  });

  it('saves nothing when the token is refused or the server is down, and warns about a file others can read', async () => {
    const [refused, down, empty] = await Promise.all([
      runCli(['--url', server.url, 'login'], { config: home.config, input: 'bl_not-a-real-token\n' }),
      runCli(['--url', await downUrl(), 'login'], { config: home.config, input: `${ADMIN_TOKEN}\n` }),
      runCli(['--url', server.url, 'login'], { config: home.config, input: '' }),
    ]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/^breachline: 401 Unauthorized: .+\n$/);
    expect(down.code).toBe(3);
    expect(empty.code).toBe(2);
    expect(existsSync(home.config)).toBe(false);

    writeFileSync(home.config, JSON.stringify({ url: server.url, token: server.tokens.viewer }), { mode: 0o644 });
    const loose = await runCli(['whoami'], { config: home.config });
    expect(loose.code).toBe(0);
    expect(loose.stderr).toBe(`breachline: warning: ${home.config} can be read by other users; run chmod 600 on it\n`);
    writeFileSync(home.config, 'not json', { mode: 0o600 });
    const broken = await runCli(['whoami'], { config: home.config });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^breachline: config file .+ is not valid JSON .*run breachline login again\n$/);
  });
});
