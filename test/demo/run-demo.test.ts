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
  it('plays the chat-service leak end to end: notices in the residents’ languages from the organisation, every duty settled, the trail verified', async () => {
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
    let germans = 0;
    for (const name of notices) {
      const mail = await simpleParser(readFileSync(join(dir, 'outbox', name)));
      const german = (mail.to as { text: string }).text.endsWith('@chat-de.example');
      germans += german ? 1 : 0;
      const text = mail.text ?? '';
      // Germans read German (from where they live), the others Chinese; neither letter holds the other's language.
      expect(mail.html).toContain(german ? '<html lang="de">' : '<html lang="zh-CN">');
      expect(/[\u4e00-\u9fff]/.test(`${mail.subject}${text}`)).toBe(!german);
      if (german) expect(text).toContain('Was Sie selbst tun können');
      // The organisation's sender, never Breachline's own; no suggested text, no paragraph twice.
      expect(mail.from?.text).toBe('"Chatter Ltd Data Protection" <privacy@chatter.example>');
      expect(text).not.toMatch(/\[\[|\]\]|localhost/);
      const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
      expect(new Set(paragraphs).size, text).toBe(paragraphs.length);
    }
    expect(germans).toBe(40);
    // The German authority's report counts the people in Germany, not everyone.
    const gdpr = readFileSync(join(dir, 'reports', 'eu-gdpr_regulator_DE.html'), 'utf8');
    expect(gdpr).toContain('<strong>People affected in this jurisdiction:</strong> 40,000');
    expect(gdpr).not.toMatch(/1,240,000|1\.24 million|chat-db-3/);
    expect(readdirSync(join(dir, 'reports')).filter((name) => name.endsWith('.html')).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
