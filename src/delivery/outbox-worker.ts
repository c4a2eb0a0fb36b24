import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { PollingLoop } from '../polling-loop.js';
import type { MailTransport } from './mail-transport.js';
import { claimDueMail, markAttemptFailed, markSent } from './outbox-store.js';

export interface OutboxWorkerOptions {
  intervalMs: number;
  clock?: Clock;
  logger?: Logger;
  /** Attempts before a message is marked failed; the wait doubles after each (30 s, 1 min, ...). */
  maxAttempts?: number;
}

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
// Long enough for one SMTP exchange; a row held longer belonged to a worker that died mid-send.
const LEASE_MS = 5 * 60_000;

/**
 * Sends what the outbox holds. Each row is leased before sending, so two passes (or two
 * instances) never send it at once. It is marked sent after the server accepted it; a crash in
 * between sends it again once the lease lapses, with the same Message-ID (at least once: internal
 * mail, where a duplicate is harmless and a loss is not).
 */
export class OutboxWorker {
  private readonly loop: PollingLoop;
  private readonly clock: Clock;
  private readonly maxAttempts: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly transport: MailTransport,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.loop = new PollingLoop('outbox', options.intervalMs, () => this.tick(), options.logger);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport.close();
  }

  /** One pass over due messages; returns how many were sent. */
  async tick(): Promise<number> {
    let sent = 0;
    for (const row of await claimDueMail(this.db, this.clock(), 50, LEASE_MS)) {
      if (this.loop.stopRequested) break;
      try {
        const response = await this.transport.send({
          messageId: row.messageId,
          to: JSON.parse(row.recipients) as string[],
          subject: row.subject,
          text: row.bodyText,
        });
        await markSent(this.db, row.id, response, this.clock().toISOString());
        sent += 1;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const attempts = row.attempts + 1;
        const wait = Math.min(BASE_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
        const next = attempts >= this.maxAttempts ? { giveUp: true as const } : { retryAt: new Date(this.clock().getTime() + wait).toISOString() };
        await markAttemptFailed(this.db, row, reason, next);
        this.options.logger?.warn({ outboxId: row.id, kind: row.kind, attempts, gaveUp: 'giveUp' in next }, 'mail not sent');
      }
    }
    return sent;
  }
}
