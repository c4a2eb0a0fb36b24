import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { AlertMetrics, type IntakeOutcome } from './alert-metrics.js';
import { groupKey, opensIncident, snoozedUntil } from './alert-rules.js';
import { alertUpserter, touchAlert, type StoredDelivery } from './dedup-store.js';
import { GroupCommit } from './group-commit.js';
import type { IncidentLinker } from './incident-linker.js';
import type { NormalizedAlert } from './normalized-alert.js';
import type { AlertSource } from './source-service.js';

export interface Receipt {
  /** Null only for a PagerDuty acknowledge/resolve of an alert we never held. */
  id: string | null;
  dedupKey: string;
  outcome: Exclude<IntakeOutcome, 'rejected'>;
  status: 'firing' | 'resolved';
  incidentId: string | null;
}

/**
 * Stores deliveries and applies the source's rules. All alerts of one request, and the incident
 * work they cause, are written in one transaction (shared with concurrent requests by group
 * commit); the promise settles after that transaction commits.
 */
export class IntakeService {
  private readonly commits: GroupCommit;
  private readonly upsertAlert: ReturnType<typeof alertUpserter>;

  constructor(
    db: Kysely<Database>,
    private readonly linker: IncidentLinker,
    private readonly metrics: AlertMetrics,
    private readonly clock: Clock = systemClock,
  ) {
    this.commits = new GroupCommit(db);
    this.upsertAlert = alertUpserter(db);
  }

  async ingest(source: AlertSource, alerts: NormalizedAlert[]): Promise<Receipt[]> {
    const receipts = await this.commits.run(async (trx) => {
      const now = this.clock();
      const out: Receipt[] = [];
      for (const alert of alerts) out.push(await this.deliver(trx, source, alert, now));
      return out;
    });
    for (const receipt of receipts) this.metrics.count(source.name, receipt.outcome);
    return receipts;
  }

  private async deliver(trx: Kysely<Database>, source: AlertSource, alert: NormalizedAlert, now: Date): Promise<Receipt> {
    const at = now.toISOString();
    const row: StoredDelivery | undefined = alert.existingOnly
      ? await touchAlert(trx, source.id, alert, at)
      : await this.upsertAlert(trx, source.id, alert, snoozedUntil(source.rules, alert.labels, now), at);
    if (row === undefined) return { id: null, dedupKey: alert.dedupKey, outcome: 'unmatched', status: alert.status, incidentId: null };

    const status = row.status as Receipt['status'];
    const resolvedNow = status === 'resolved' && row.count > 1 && row.resolvedAtCount === row.count;
    const snoozed = status === 'firing' && row.snoozedUntil !== null && row.snoozedUntil > at;
    let incidentId = row.incidentId;
    if (resolvedNow && incidentId !== null) await this.linker.resolve(trx, incidentId, row.id);
    // Checked on every firing delivery of an unlinked alert, so an alert whose snooze has expired
    // opens its incident on the sender's next repeat.
    if (status === 'firing' && incidentId === null && !snoozed && !alert.existingOnly && opensIncident(source.rules, alert)) {
      const key = groupKey(source.rules, alert.labels);
      incidentId = await this.linker.openOrJoin(
        trx,
        { id: row.id, title: alert.title, severity: alert.severity, occurredAt: alert.occurredAt },
        source,
        key === null ? null : { key, windowMinutes: source.rules.groupWindowMinutes },
        now,
      );
    }
    const outcome = resolvedNow ? 'resolved' : snoozed ? 'snoozed' : row.count === 1 ? 'created' : 'deduplicated';
    return { id: row.id, dedupKey: alert.dedupKey, outcome, status, incidentId };
  }
}
