import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { systemActor } from '../auth/actor.js';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { PollingLoop } from '../polling-loop.js';
import { dueDeadlines } from './deadline-store.js';
import type { DeadlineFiredHook, IncidentService } from './incident-service.js';

export interface SchedulerOptions {
  intervalMs: number;
  /** Rows taken per pass; the next pass continues at once while rows keep coming due. */
  batchSize?: number;
  clock?: Clock;
  logger?: Logger;
  /** Escalation: what to do, in the same transaction, when a deadline fires. */
  onFired?: DeadlineFiredHook;
}

const SCHEDULER = systemActor('scheduler');

/**
 * Fires due deadline rows into their incidents. It keeps no timers of its own for deadlines: every
 * pass reads what is due from the database, so deadlines that came due while Breachline was down
 * fire on the first pass after start, and each fires once (see IncidentService.fireDeadline).
 */
export class DeadlineScheduler {
  private readonly loop: PollingLoop;
  private readonly batchSize: number;
  private readonly clock: Clock;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly incidents: IncidentService,
    private readonly options: SchedulerOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.clock = options.clock ?? systemClock;
    this.loop = new PollingLoop('deadlines', options.intervalMs, () => this.tick(), options.logger);
  }

  start(): void {
    this.loop.start();
  }

  /** Stops after the pass in progress, if any, has committed. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass: fires everything due now. Returns how many deadlines fired. */
  async tick(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await dueDeadlines(this.db, this.clock().toISOString(), this.batchSize);
      let failed = false;
      for (const deadline of due) {
        try {
          if (await this.incidents.fireDeadline(deadline, SCHEDULER, this.options.onFired)) fired += 1;
        } catch (error) {
          // One bad row must not hold up the others; it stays pending and is tried next pass.
          failed = true;
          this.options.logger?.error({ err: error, deadlineId: deadline.id }, 'deadline could not fire');
        }
      }
      if (due.length < this.batchSize || failed || this.loop.stopRequested) break;
    }
    if (fired > 0) this.options.logger?.info({ fired }, 'deadlines fired');
    return fired;
  }
}
