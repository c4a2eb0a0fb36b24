import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { call, expectStatus, incidentReadyToSend, recipientsCsv, roleTokens, waitForSend } from '../test/delivery/support.js';
import { peakRssMb, startChild, stopChild } from './child-process.js';
import { compare, type Comparison } from './measure.js';

const RECIPIENTS = Number(process.env.BENCH_SEND_RECIPIENTS ?? 100_000);
// The same pool and the same messages in flight for both sides.
const POOL = 10;
const IN_FLIGHT = 20;
const TOKEN = 'bench-admin-token-0123456789';
const FROM = 'Chatter Ltd <privacy@chatter.example>';

/**
 * Sending notices: Breachline's whole pipeline (claim, render, send, record) against raw pooled
 * nodemailer sending the same rendered message, both to one local SMTP sink in its own process.
 * Breachline runs as `npm start` does, in its own process, restarted after the import so its peak
 * RSS is the send's.
 */
export async function deliveryBenchmark(): Promise<Comparison> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-send-'));
  const sink = await startChild(join(import.meta.dirname, 'smtp-sink-process.ts'), [], {}, /\{"port":(\d+)\}/);
  const port = Number(sink.match[1]);
  try {
    const env = {
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'b.db')}`,
      BREACHLINE_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: FROM,
      SMTP_POOL_SIZE: String(POOL),
      DELIVERY_CONCURRENCY: String(IN_FLIGHT),
      SCHEDULER_INTERVAL_MS: '50',
    };
    const main = join(import.meta.dirname, '../src/main.ts');
    const ready = /"url":"([^"]+)"/;
    let server = await startChild(main, [], { ...env, LOG_LEVEL: 'info' }, ready);
    const tokens = await roleTokens(server.match[1]!, TOKEN);
    const { incidentId, noticeId } = await incidentReadyToSend(server.match[1]!, tokens, recipientsCsv(RECIPIENTS, 'bench.example'));
    const notice = await expectStatus(await call(server.match[1]!, `/api/v1/notices/${noticeId}`, { token: tokens.responder }), 200);
    const sample = await expectStatus(
      await call(server.match[1]!, `/api/v1/notices/${noticeId}/versions/${notice.latest.number}/preview?locale=zh-CN&name=${encodeURIComponent('用户1')}`, { token: tokens.responder }),
      200,
    );
    await stopChild(server.child);

    server = await startChild(main, [], { ...env, LOG_LEVEL: 'info' }, ready);
    const url = server.match[1]!;
    const send = await expectStatus(await call(url, `/api/v1/incidents/${incidentId}/deliveries`, { method: 'POST', token: tokens.responder }), 202);
    // Polled as a console would, once a second: each look counts the send's rows.
    const done = await waitForSend(url, tokens.viewer!, send.id, (s) => s.status === 'complete', 30 * 60_000, 1000);
    // From the send's own start and finish times, so polling does not blur the figure.
    const ours = RECIPIENTS / ((Date.parse(done.finishedAt) - Date.parse(done.createdAt)) / 1000);
    const rss = peakRssMb(server.child.pid!);
    await stopChild(server.child);
    if (done.sent !== RECIPIENTS) throw new Error(`the send ended with ${done.sent} of ${RECIPIENTS} sent`);

    const baseline = await rawNodemailer(port, { subject: sample.subject, html: sample.html, text: sample.text });
    return compare(
      `delivery: notices to ${RECIPIENTS.toLocaleString('en-US')} recipients, local SMTP sink`,
      { name: `nodemailer pooled (${POOL} connections, ${IN_FLIGHT} in flight)`, unit: 'msg/s', value: baseline },
      { name: `send: claim, render, send, record (server peak RSS ${Math.round(rss)} MB)`, unit: 'msg/s', value: ours },
    );
  } finally {
    await stopChild(sink.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline: one pooled transport, the same message to each recipient, IN_FLIGHT at a time. */
async function rawNodemailer(port: number, message: { subject: string; html: string; text: string }): Promise<number> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, pool: true, maxConnections: POOL });
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < RECIPIENTS; i = next++) {
      await transport.sendMail({ from: FROM, to: `user${i}@bench.example`, messageId: `<baseline.${i}@chatter.example>`, ...message });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const perSecond = RECIPIENTS / ((performance.now() - started) / 1000);
  transport.close();
  return perSecond;
}
