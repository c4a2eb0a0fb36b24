import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailTransport } from '../../src/delivery/mail-transport.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

let sink: SmtpSink | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sink?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  sink = undefined;
  dir = undefined;
});

const mail = { messageId: '<m-1@breachline.local>', to: ['dpo@example.com'], subject: 'Due soon: GDPR', text: 'Report by Monday.' };

describe('mail transport', () => {
  it('sends through a real SMTP server with the Message-ID we chose', async () => {
    sink = await startSmtpSink();
    const transport = createMailTransport({ smtpUrl: sink.url, from: 'Breachline <bl@example.com>', outboxDir: 'unused' });
    const response = await transport.send(mail);
    transport.close();
    expect(response).toMatch(/^250/);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toMatchObject({ from: 'bl@example.com', to: ['dpo@example.com'] });
    expect(sink.received[0]?.raw).toContain('Message-ID: <m-1@breachline.local>');
    expect(sink.received[0]?.raw).toContain('Subject: Due soon: GDPR');
  });

  it('writes .eml files when no SMTP server is configured; a resend overwrites, never duplicates', async () => {
    dir = mkdtempSync(join(tmpdir(), 'breachline-outbox-'));
    const outboxDir = join(dir, 'outbox');
    const transport = createMailTransport({ smtpUrl: undefined, from: 'bl@example.com', outboxDir });
    await transport.send(mail);
    await transport.send(mail);
    transport.close();
    expect(readdirSync(outboxDir)).toEqual(['m-1@breachline.local.eml']);
    const eml = readFileSync(join(outboxDir, 'm-1@breachline.local.eml'), 'utf8');
    expect(eml).toContain('To: dpo@example.com');
    expect(eml).toContain('Report by Monday.');
  });
});
