import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log.js';
import { systemActor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { PollingLoop } from '../polling-loop.js';

const DAY_MS = 24 * 60 * 60_000;
// Deletes run in slices so a purge of millions of rows never holds the write lock for long.
const SLICE = 10_000;
const RETENTION = systemActor('retention');

/**
 * The destruction step of the recipients' data lifecycle: once an incident has been closed (or
 * dismissed) for the retention period, its recipients, rejected rows and delivery rows are deleted.
 * Import summaries and sends keep their counts, which hold no personal data. A purge interrupted half-way resumes on
 * the next pass; the audit entry is written with the last slice, when nothing is left.
 */
export class RecipientRetention {
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly retentionDays: number,
    private readonly clock: Clock,
    intervalMs: number,
    logger?: Logger,
  ) {
    this.loop = new PollingLoop('retention', intervalMs, () => this.purgeDue(), logger);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Purges every incident whose retention has run out; returns how many were purged completely. */
  async purgeDue(): Promise<number> {
    const now = this.clock();
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS).toISOString();
    // A closed or dismissed incident accepts no event but REOPEN, so its updatedAt is when it ended.
    const due = await this.db
      .selectFrom('incidents')
      .select('id')
      .where('phase', 'in', ['closed', 'dismissed'])
      .where('updatedAt', '<=', cutoff)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('recipientImports')
            .select('id')
            .whereRef('recipientImports.incidentId', '=', 'incidents.id')
            .where('recipientImports.status', '!=', 'purged'),
        ),
      )
      .execute();
    for (const { id } of due) await this.purgeIncident(id, now.toISOString());
    return due.length;
  }

  private async purgeIncident(incidentId: string, at: string): Promise<void> {
    const counts = { recipients: 0, rejections: 0, deliveries: 0 };
    for (;;) {
      const done = await this.db.transaction().execute(async (trx) => {
        const imports = trx.selectFrom('recipientImports').select('id').where('incidentId', '=', incidentId);
        const sends = trx.selectFrom('deliverySends').select('id').where('incidentId', '=', incidentId);
        // Delivery rows name recipients and hold servers' replies, which often quote the address.
        const deliveries = await trx
          .deleteFrom('deliveries')
          .where('id', 'in', (eb) => eb.selectFrom('deliveries').select('id').where('sendId', 'in', sends).limit(SLICE))
          .executeTakeFirst();
        const recipients = await trx
          .deleteFrom('recipients')
          .where('id', 'in', (eb) => eb.selectFrom('recipients').select('id').where('incidentId', '=', incidentId).limit(SLICE))
          .executeTakeFirst();
        const rejections = await trx
          .deleteFrom('recipientRejections')
          .where('id', 'in', (eb) => eb.selectFrom('recipientRejections').select('id').where('importId', 'in', imports).limit(SLICE))
          .executeTakeFirst();
        counts.deliveries += Number(deliveries.numDeletedRows);
        counts.recipients += Number(recipients.numDeletedRows);
        counts.rejections += Number(rejections.numDeletedRows);
        const finished = [recipients, rejections, deliveries].every((deleted) => Number(deleted.numDeletedRows) < SLICE);
        if (!finished) return false;
        // Completed imports stay, as counts; unfinished ones never held anything worth keeping.
        await trx.deleteFrom('recipientImports').where('incidentId', '=', incidentId).where('status', 'in', ['running', 'failed']).execute();
        await trx.updateTable('recipientImports').set({ status: 'purged' }).where('incidentId', '=', incidentId).execute();
        await appendAudit(trx, {
          incidentId,
          actor: RETENTION,
          action: 'recipients.purged',
          payload: { ...counts, retentionDays: this.retentionDays },
          at,
        });
        return true;
      });
      if (done) return;
    }
  }
}
