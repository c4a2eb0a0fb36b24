import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../support/temp-db.js';
import { cliHome, runCli } from '../cli-runner.js';

const home = cliHome();
let db: TempDb | undefined;
afterAll(() => home.remove());
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

describe('breachline migrate and serve', () => {
  it('migrate applies every migration once, then finds nothing to do; a bad database URL is a usage error', async () => {
    db = await tempDb({ migrate: false });
    await db.db.close();
    const first = await runCli(['migrate', '--database-url', db.url], { config: home.config });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied 0001-lifecycle\n(applied \S+\n)+$/);
    expect(first.stdout).toContain('applied 0010-incident-next-due\n');
    const [again, wrong] = await Promise.all([
      runCli(['migrate', '--database-url', db.url], { config: home.config }),
      runCli(['migrate', '--database-url', 'mysql://somewhere/db'], { config: home.config }),
    ]);
    expect(again.stdout).toBe('the schema is up to date; nothing to apply\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^breachline: invalid configuration: DATABASE_URL: must be sqlite:<path> or postgres:\/\/\.\.\.\n$/);
  });

  it('serve runs the service until SIGTERM, then stops cleanly', async () => {
    db = await tempDb({ migrate: false });
    await db.db.close();
    const bin = join(import.meta.dirname, '../../../src/cli/breachline.mjs');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--database-url', db.url], {
      env: { ...process.env, BREACHLINE_ADMIN_TOKEN: 'serve-test-admin-token-0123', MAIL_OUTBOX_DIR: join(home.dir, 'outbox'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const until = Date.now() + 20_000;
    while (!/"url":"http[^"]+"/.test(stdout) && child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    const url = /"url":"(http[^"]+)"/.exec(stdout)?.[1];
    expect(url, stdout).toBeDefined();
    const whoami = await runCli(['whoami', '--json'], { config: home.config, url: url!, token: 'serve-test-admin-token-0123' });
    expect(JSON.parse(whoami.stdout).role).toBe('admin');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});
