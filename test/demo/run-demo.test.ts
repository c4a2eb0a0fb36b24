import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('plays the chat-service leak end to end: notices sent in both languages, every duty settled, the trail verified', async () => {
    dir = mkdtempSync(join(tmpdir(), 'breachline-demo-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/run-demo.ts'], { env: { ...process.env, DEMO_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('send complete: 1240 sent, 0 failed');
    expect(output).toContain('phase review: every response track is done');
    expect(output).toContain('audit trail verified: true');

    const notices = readdirSync(join(dir, 'outbox')).filter((name) => name.startsWith('notice.'));
    expect(notices).toHaveLength(1240);
    const byAddress = new Map<string, string>();
    for (const name of notices.slice(0, 60).concat(notices.slice(-60))) {
      const mail = await simpleParser(readFileSync(join(dir, 'outbox', name)));
      byAddress.set((mail.to as { text: string }).text, mail.subject ?? '');
    }
    const subjects = [...byAddress].map(([address, subject]) => ({ german: address.endsWith('@chat-de.example'), subject }));
    // Germans read English, the others Chinese.
    for (const { german, subject } of subjects) expect(/[\u4e00-\u9fff]/.test(subject)).toBe(!german);
    expect(readdirSync(join(dir, 'reports')).filter((name) => name.endsWith('.html')).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
