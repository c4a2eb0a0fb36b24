import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';

type Work<T> = (trx: Kysely<Database>) => Promise<T>;
interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: intake requests that arrive while a transaction is running are written together
 * in the next one, so a burst costs one BEGIN/COMMIT instead of one per request. Each caller's
 * promise settles only after the transaction holding its work has committed, so a 2xx still means
 * durable. If a batch fails, its items are retried one transaction each, so one bad item cannot
 * fail the others; work must therefore keep its effects inside the transaction it is given.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 200,
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Let requests already parsed in this turn of the event loop join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    this.draining = false;
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.work(trx));
        return out;
      });
      batch.forEach((item, i) => item.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const item of batch) {
        try {
          item.resolve(await this.db.transaction().execute(item.work));
        } catch (alone) {
          item.reject(alone);
        }
      }
    }
  }
}
