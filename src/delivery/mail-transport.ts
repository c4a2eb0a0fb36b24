import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  /** The sender the message names (a notice's own); MAIL_FROM when absent. */
  from?: { name: string; address: string };
  to: string[];
  subject: string;
  text: string;
  /** Sent as the HTML alternative to `text` when given. */
  html?: string;
}

export interface MailTransport {
  /** Sends one message; resolves with what the server (or the file writer) said. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export interface MailTransportOptions {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  /** Pooled SMTP connections; the client is CPU-bound, so a few are plenty. */
  maxConnections?: number;
  /** At most this many messages per second over all connections (the relay's limit); unset: no limit. */
  ratePerSecond?: number;
}

/** Why a message was not sent, and whether trying again later can help. */
export interface SendFailure {
  permanent: boolean;
  /** The server's reply code when it answered (e.g. 451, 550); null for connection errors. */
  code: number | null;
  reason: string;
}

/**
 * RFC 5321: a 5xx reply is permanent and sending the same message again will fail the same way;
 * 4xx replies, timeouts and broken connections are temporary.
 */
export function classifySendError(error: unknown): SendFailure {
  const code = typeof error === 'object' && error !== null && 'responseCode' in error && typeof error.responseCode === 'number' ? error.responseCode : null;
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  return { permanent: code !== null && code >= 500 && code < 600, code, reason };
}

/** A file name from a Message-ID: `<abc@host>` -> `abc@host.eml`, nothing that could leave the folder. */
const fileNameOf = (messageId: string) => `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;

/**
 * One nodemailer transport for the process: pooled SMTP when SMTP_URL is set, otherwise each
 * message is written as an .eml file (named by its Message-ID, so a resend overwrites rather than
 * duplicates), which lets Breachline run offline and lets a newcomer open what it sent.
 */
export function createMailTransport(options: MailTransportOptions): MailTransport {
  if (options.smtpUrl !== undefined) {
    const rate = options.ratePerSecond === undefined ? {} : { rateDelta: 1000, rateLimit: options.ratePerSecond };
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      // Bounded, so a message can never be in flight longer than a delivery lease (README "Exactly once").
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      ...rate,
    });
    return {
      async send(mail) {
        const info = await transport.sendMail({ from: options.from, ...mail });
        return String(info.response);
      },
      close: () => transport.close(),
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let ready: Promise<unknown> | undefined;
  return {
    async send(mail) {
      ready ??= mkdir(options.outboxDir, { recursive: true });
      await ready;
      const info = await writer.sendMail({ from: options.from, ...mail });
      const file = join(options.outboxDir, fileNameOf(mail.messageId));
      // Write then rename, so a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return `written ${file}`;
    },
    close: () => writer.close(),
  };
}
