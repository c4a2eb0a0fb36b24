import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { PollingLoop } from '../polling-loop.js';
import { classifySendError, type MailTransport } from './mail-transport.js';
import { claimDueMail, markAttemptFailed, markSent, markWithdrawn } from './outbox-store.js';
import type { OutboxRow } from './outbox-tables.js';

/** What the server said when it accepted a message, and when. */
export interface MailAccepted {
  response: string;
  at: string;
}

/**
 * What one kind of mail needs around its send; the worker itself stays generic.
 * - `withdrawReason`: asked just before sending; a reason means the message must not go out any
 *   more (it is marked failed with that reason), null means send it.
 * - `onSent`: runs in the transaction that marks the row sent, so what follows from the server's
 *   acceptance commits with it or not at all.
 */
export interface OutboxKindHooks {
  withdrawReason?: (row: OutboxRow) => Promise<string | null>;
  onSent?: (trx: Kysely<Database>, row: OutboxRow, accepted: MailAccepted) => Promise<void>;
}

export interface OutboxWorkerOptions {
  intervalMs: number;
  clock?: Clock;
  logger?: Logger;
  /** Attempts before a message is marked failed; the wait doubles after each (30 s, 1 min, ...). */
  maxAttempts?: number;
  /** Hooks by outbox `kind`. */
  hooks?: Readonly<Record<string, OutboxKindHooks>>;
}

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
// Long enough for one SMTP exchange; a row held longer belonged to a worker that died mid-send.
const LEASE_MS = 5 * 60_000;

/**
 * Sends what the outbox holds. Each row is leased before sending, so two passes (or two
 * instances) never send it at once. It is marked sent after the server accepted it; a crash in
 * between sends it again once the lease lapses, with the same Message-ID (at least once: a
 * duplicate is recognisable, a loss is not). A 5xx reply is final at once; other failures wait
 * and retry.
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
      const hooks = this.options.hooks?.[row.kind];
      const withdrawn = (await hooks?.withdrawReason?.(row)) ?? null;
      if (withdrawn !== null) {
        await markWithdrawn(this.db, row.id, withdrawn);
        this.options.logger?.warn({ outboxId: row.id, kind: row.kind, reason: withdrawn }, 'mail withdrawn before sending');
        continue;
      }
      let response: string;
      try {
        response = await this.transport.send({
          messageId: row.messageId,
          to: JSON.parse(row.recipients) as string[],
          subject: row.subject,
          text: row.bodyText,
          ...(row.bodyHtml === null ? {} : { html: row.bodyHtml }),
        });
      } catch (error) {
        await this.recordFailure(row, error);
        continue;
      }
      await this.recordSent(row, { response, at: this.clock().toISOString() }, hooks?.onSent);
      sent += 1;
    }
    return sent;
  }

  private async recordFailure(row: OutboxRow, error: unknown): Promise<void> {
    const failure = classifySendError(error);
    const attempts = row.attempts + 1;
    const wait = Math.min(BASE_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    const giveUp = failure.permanent || attempts >= this.maxAttempts;
    const next = giveUp ? { giveUp: true as const } : { retryAt: new Date(this.clock().getTime() + wait).toISOString() };
    await markAttemptFailed(this.db, row, failure.reason, next);
    this.options.logger?.warn({ outboxId: row.id, kind: row.kind, attempts, code: failure.code, gaveUp: giveUp }, 'mail not sent');
  }

  /**
   * The server has the message, so the row is marked sent whatever else happens: a hook that fails
   * must not make the worker send it again. Its failure is logged and its writes roll back.
   */
  private async recordSent(row: OutboxRow, accepted: MailAccepted, onSent: OutboxKindHooks['onSent']): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await markSent(trx, row.id, accepted.response, accepted.at);
        await onSent?.(trx, row, accepted);
      });
    } catch (error) {
      if (onSent === undefined) throw error;
      await markSent(this.db, row.id, accepted.response, accepted.at);
      this.options.logger?.error({ err: error, outboxId: row.id, kind: row.kind }, 'mail sent, but recording what follows from it failed');
    }
  }
}
