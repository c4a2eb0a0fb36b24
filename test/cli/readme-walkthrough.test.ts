import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { cliHome } from './cli-runner.js';

const ROOT = join(import.meta.dirname, '../..');
// The admin token the README's start command sets; the test server is started with it.
const README_ADMIN_TOKEN = 'change-me-to-a-long-secret';

/** The shell blocks of a README section that use the CLI, in order, exactly as printed. */
function cliBlocks(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const rest = readme.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n#{2,3} /));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.filter((block) => /^breachline |\$\(breachline /m.test(block)).join('\n');
}

/** Runs a script with bash, `breachline` on the PATH as the package's bin, and nothing else of this machine's login. */
function bash(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', `set -euo pipefail\n${script}`], { cwd, env: { ...(process.env as Record<string, string>), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let server: TestServer;
let home: ReturnType<typeof cliHome>;
beforeAll(async () => {
  home = cliHome();
  server = await startTestServer({ BREACHLINE_ADMIN_TOKEN: README_ADMIN_TOKEN, MAIL_OUTBOX_DIR: join(home.dir, 'outbox') });
  mkdirSync(join(home.dir, 'bin'));
  symlinkSync(join(ROOT, 'src/cli/breachline.mjs'), join(home.dir, 'bin', 'breachline'));
});
afterAll(async () => {
  await server.stop();
  home.remove();
});

describe('the README walkthrough, with the command line alone', () => {
  it('runs as written: from login to a closed incident whose audit trail verifies, and a notice from draft to sent', { timeout: 120_000 }, async () => {
    const script = cliBlocks('### Walkthrough with the command line');
    const run = await bash(
      script,
      { PATH: `${join(home.dir, 'bin')}:${process.env.PATH}`, HOME: home.dir, BREACHLINE_CONFIG: home.config, BREACHLINE_URL: server.url, BREACHLINE_TOKEN: '' },
      home.dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const { items } = await readJson(await server.request('/api/v1/incidents?limit=100'));
    expect(items.map((i: { title: string; phase: string }) => [i.title, i.phase]).sort()).toEqual([
      ['Chat database exposed', 'closed'],
      ['Newsletter list leaked', 'response'],
    ]);
    const leaked = await readJson(await server.request(`/api/v1/incidents/${items.find((i: { title: string }) => i.title === 'Newsletter list leaked').id}`));
    expect(leaked.tracks.individuals).toBe('notified');
    // Offline default: each person's message is an .eml file, addressed to them alone.
    const mail = readdirSync(join(home.dir, 'outbox')).map((file) => readFileSync(join(home.dir, 'outbox', file), 'utf8'));
    expect(mail.map((text) => /^To: (.+)$/m.exec(text)![1]).sort()).toEqual(['jo@example.com', 'max@example.com']);
    expect(run.stdout).toMatch(/complete: 2 of 2 sent, 0 failed/);
    expect(run.stdout).toMatch(/eu-gdpr:regulator:DE +regulator .+\(Europe\/Brussels\) +\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(readFileSync(join(home.dir, 'audit.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThan(10);
    expect(run.stdout).toMatch(/\nAudit chain: +OK\n/);
  });
});
