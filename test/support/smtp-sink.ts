import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Answer the next `count` messages with this SMTP reply code (e.g. 451 or 550). */
  failNext(count: number, code: number): void;
  /** Hold every answer from now on until the returned function is called (a slow server). */
  hold(): () => void;
  /** Answer every message whose recipients make `rule` return a code with that code; null clears it. */
  failWhen(rule: ((to: string[]) => number | null) | null): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps what it is sent. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let failures: { count: number; code: number } = { count: 0, code: 0 };
  let failRule: ((to: string[]) => number | null) | null = null;
  let held: Promise<void> = Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        await held;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const ruled = failRule?.(to) ?? null;
        if (failures.count > 0 || ruled !== null) {
          const code = ruled ?? failures.code;
          if (ruled === null) failures = { ...failures, count: failures.count - 1 };
          return callback(Object.assign(new Error(`refused for the test (${code}) <${to.join(',')}>`), { responseCode: code }));
        }
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (count, code) => {
      failures = { count, code };
    },
    hold: () => {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return release;
    },
    failWhen: (rule) => {
      failRule = rule;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
