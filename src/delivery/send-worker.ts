import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { PreparedNotice } from '../notices/prepared-notice.js';
import { PollingLoop } from '../polling-loop.js';
import { claimDeliveries, deliveryOutcomes, prepareSlice, type ClaimedDelivery, type DeliveryOutcomes } from './delivery-queue.js';
import type { SendRow } from './delivery-tables.js';
import { classifySendError, type MailTransport } from './mail-transport.js';
import { publicReason } from './public-reason.js';
import type { DeliverySends } from './send-service.js';
import { activeSends, findSend } from './send-store.js';

export interface SendWorkerOptions {
  intervalMs: number;
  /** The domain of the notices' Message-IDs (see message-id.ts). */
  messageIdDomain: string;
  clock?: Clock;
  logger?: Logger;
  /** Messages handed to the transport at once; a few per pooled connection keeps each one busy. */
  concurrency?: number;
  /** Rows claimed per query; each claimed row must be sent within the lease. */
  batchSize?: number;
  leaseMs?: number;
  /** Tries before a temporarily failing message is given up as failed. */
  maxAttempts?: number;
  /** The first retry wait; it doubles with each attempt, up to an hour. */
  retryBaseMs?: number;
  /** Failures in a row (no success between) that pause the send and alert the responders. */
  pauseAfterFailures?: number;
  /** Delivery rows created per transaction while a send is prepared. */
  sliceSize?: number;
}

const MAX_RETRY_MS = 60 * 60_000;
// How soon a pause or cancel reaches rows this worker already claimed.
const STATUS_CHECK_MS = 200;

/**
 * Sends the notices of running sends. Each pass prepares delivery rows in slices, claims due rows in
 * batches under a lease, renders each recipient's message, hands it to the one pooled transport and
 * records the server's answer row by row. A row is marked sent right after the server accepted it,
 * so a crash can repeat only messages in flight; they go out again with the same Message-ID once
 * their lease lapses (README "Exactly once" describes that window).
 */
export class SendWorker {
  private readonly loop: PollingLoop;
  private readonly clock: Clock;
  private readonly outcomes: DeliveryOutcomes;
  private readonly settings: Required<Omit<SendWorkerOptions, 'logger' | 'clock'>>;
  /** Rows this worker has claimed and not yet finished with, waiting or in flight. */
  private readonly held = new Set<number>();
  /** Failures in a row per send, reset by a success; counted by this process only. */
  private readonly failuresInARow = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sends: DeliverySends,
    private readonly transport: MailTransport,
    private readonly options: SendWorkerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.outcomes = deliveryOutcomes(db);
    const concurrency = options.concurrency ?? 10;
    this.settings = {
      intervalMs: options.intervalMs,
      messageIdDomain: options.messageIdDomain,
      concurrency,
      batchSize: options.batchSize ?? Math.max(concurrency * 4, 100),
      leaseMs: options.leaseMs ?? 5 * 60_000,
      maxAttempts: options.maxAttempts ?? 10,
      retryBaseMs: options.retryBaseMs ?? 30_000,
      pauseAfterFailures: options.pauseAfterFailures ?? 50,
      sliceSize: options.sliceSize ?? 5_000,
    };
    this.loop = new PollingLoop('deliveries', options.intervalMs, () => this.tick(), options.logger);
  }

  start(): void {
    this.loop.start();
  }

  /** Lets messages in flight finish and be recorded; claimed rows not yet sent are given back. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass over every active send; returns how many messages the server accepted. */
  async tick(): Promise<number> {
    let sent = 0;
    for (const send of await activeSends(this.db)) {
      if (this.loop.stopRequested) break;
      if (send.status === 'running') sent += await this.work(send);
      else await this.prepareAll(send);
      const latest = await findSend(this.db, send.id);
      if (!this.loop.stopRequested) await this.sends.completeIfDone(latest);
    }
    return sent;
  }

  /** A paused send is still prepared, so a resume starts sending at once. */
  private async prepareAll(send: SendRow): Promise<void> {
    let current = send;
    while (!this.loop.stopRequested && current.preparedThrough < current.recipientsUpTo) current = await this.prepareNext(current);
  }

  private async work(initial: SendRow): Promise<number> {
    let notice: PreparedNotice;
    try {
      notice = await this.sends.noticeFor(initial);
    } catch (error) {
      // Only approved words may go out: without them the send stops and people are told why.
      await this.sends.pauseForFailures(initial.id, error instanceof Error ? error.message : String(error));
      return 0;
    }
    // Running again (fresh, or resumed after a pause): the failures before count no more.
    this.failuresInARow.set(initial.id, 0);
    let send = initial;
    let sent = 0;
    const inFlight = new Set<Promise<void>>();
    const waiting: ClaimedDelivery[] = [];
    const { concurrency, batchSize, leaseMs } = this.settings;
    // Rows finished while a claim is on its way (undefined when none is). On PostgreSQL a claim can
    // take a row whose lease lapsed while it was in flight here; if that row is recorded sent and let
    // go before the claim's answer arrives, `held` no longer knows it, and it would go out twice.
    let finishedDuringClaim: Set<number> | undefined;
    let checkedAt = Date.now();
    for (;;) {
      if (this.loop.stopRequested || this.paused(send.id)) break;
      // Claimed rows wait in memory; a pause or cancel must also stop those, not only new claims.
      if (Date.now() - checkedAt >= STATUS_CHECK_MS) {
        checkedAt = Date.now();
        if (!(await this.stillRunning(send.id))) break;
      }
      if (waiting.length < concurrency) {
        if (send.preparedThrough < send.recipientsUpTo) send = await this.prepareNext(send);
        const now = this.clock();
        const finished = (finishedDuringClaim = new Set());
        const claimed = await claimDeliveries(this.db, send.id, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), batchSize).finally(
          () => (finishedDuringClaim = undefined),
        );
        // A row whose lease ran out while it waited here comes back: the claim renewed its lease,
        // and it is already queued once (or was sent while the claim was on its way).
        for (const delivery of claimed) {
          if (this.held.has(delivery.id) || finished.has(delivery.id)) continue;
          waiting.push(delivery);
          this.held.add(delivery.id);
        }
      }
      if (waiting.length === 0 && inFlight.size === 0 && send.preparedThrough >= send.recipientsUpTo) break;
      while (waiting.length > 0 && inFlight.size < concurrency) {
        const delivery = waiting.shift()!;
        const task: Promise<void> = this.deliver(delivery, notice).then((ok) => {
          if (ok) sent += 1;
          inFlight.delete(task);
          this.held.delete(delivery.id);
          finishedDuringClaim?.add(delivery.id);
        });
        inFlight.add(task);
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await this.outcomes.release(waiting.map((delivery) => delivery.id));
    for (const delivery of waiting) this.held.delete(delivery.id);
    return sent;
  }

  /** Sends one message and records the outcome; true when the server accepted it. */
  private async deliver(delivery: ClaimedDelivery, notice: PreparedNotice): Promise<boolean> {
    let message: { subject: string; html: string; text: string };
    try {
      message = notice.render(delivery);
    } catch (error) {
      // The same words would fail the same way on every retry.
      await this.outcomes.failed(delivery.id, `not rendered: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    let response: string;
    try {
      response = await this.transport.send({ messageId: delivery.messageId, to: [delivery.email], ...(notice.sender === null ? {} : { from: notice.sender }), ...message });
    } catch (error) {
      await this.recordFailure(delivery, error);
      return false;
    }
    // Recorded before the slot is freed: this commit closes the at-least-once window.
    await this.outcomes.sent(delivery.id, response, this.now());
    this.failuresInARow.set(delivery.sendId, 0);
    return true;
  }

  private async recordFailure(delivery: ClaimedDelivery, error: unknown): Promise<void> {
    const failure = classifySendError(error);
    const reason = failure.code === null ? failure.reason : `${failure.code} ${failure.reason}`;
    if (failure.permanent || delivery.attempts >= this.settings.maxAttempts) {
      await this.outcomes.failed(delivery.id, reason);
    } else {
      const wait = Math.min(this.settings.retryBaseMs * 2 ** (delivery.attempts - 1), MAX_RETRY_MS);
      await this.outcomes.retry(delivery.id, reason, new Date(this.clock().getTime() + wait).toISOString());
    }
    const inARow = (this.failuresInARow.get(delivery.sendId) ?? 0) + 1;
    this.failuresInARow.set(delivery.sendId, inARow);
    this.options.logger?.warn({ sendId: delivery.sendId, deliveryId: delivery.id, code: failure.code, permanent: failure.permanent }, 'notice not sent');
    if (inARow === this.settings.pauseAfterFailures) {
      const why = `${inARow} messages in a row failed; the last: ${publicReason(reason)}`;
      this.options.logger?.error({ sendId: delivery.sendId, failures: inARow }, 'send paused after repeated failures');
      await this.sends.pauseForFailures(delivery.sendId, why).catch((pauseError: unknown) => {
        // Someone paused or cancelled it meanwhile: the send is stopped either way.
        this.options.logger?.warn({ sendId: delivery.sendId, err: pauseError }, 'send already stopped');
      });
    }
  }

  private async stillRunning(sendId: string): Promise<boolean> {
    return (await findSend(this.db, sendId)).status === 'running';
  }

  /** Creates the delivery rows of the send's next slice; answers the send as it now stands. */
  private async prepareNext(send: SendRow): Promise<SendRow> {
    await prepareSlice(this.db, send, this.settings.messageIdDomain, this.settings.sliceSize, this.now());
    return findSend(this.db, send.id);
  }

  private paused(sendId: string): boolean {
    return (this.failuresInARow.get(sendId) ?? 0) >= this.settings.pauseAfterFailures;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
