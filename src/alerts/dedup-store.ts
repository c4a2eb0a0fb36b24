import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/tables.js';
import type { NormalizedAlert } from './normalized-alert.js';
import { statementTemplate } from '../db/statement-template.js';

/** What intake needs back from one delivery: enough to tell new, repeat and resolve apart. */
export interface StoredDelivery {
  id: string;
  count: number;
  status: string;
  resolvedAtCount: number | null;
  snoozedUntil: string | null;
  incidentId: string | null;
}

const RETURNED = ['id', 'count', 'status', 'resolvedAtCount', 'snoozedUntil', 'incidentId'] as const;

/**
 * The resolve bookkeeping, shared by the upsert and the update: `resolvedAtCount` keeps the
 * delivery number at which the alert turned resolved, so the caller can tell "this delivery
 * resolved it" (resolvedAtCount = count) from "it was resolved before" without reading first.
 */
const resolveColumns = (incomingStatus: RawBuilder<unknown>, at: RawBuilder<unknown>) => ({
  resolvedAtCount: sql<number | null>`case when ${incomingStatus} = 'resolved' then coalesce(${sql.ref('alerts.resolvedAtCount')}, ${sql.ref('alerts.count')} + 1) else null end`,
  resolvedAt: sql<string | null>`case when ${incomingStatus} = 'resolved' then coalesce(${sql.ref('alerts.resolvedAt')}, ${at}) else null end`,
});

const UPSERT_FIELDS = [
  'id', 'sourceId', 'dedupKey', 'title', 'severity', 'status', 'labels', 'details', 'occurredAt', 'at',
  'resolvedAtCount', 'resolvedAt', 'snoozedUntil', 'payload',
] as const;

/**
 * One statement per delivery: insert the alert, or, when (source, dedup key) exists, count the
 * repeat and take the latest fields. The unique key makes a second row impossible however
 * deliveries race; the first payload is kept and the latest replaces the previous latest.
 * Compiled once per database (see statement-template.ts): this is the intake hot path.
 */
export function alertUpserter(db: Kysely<Database>) {
  const template = statementTemplate(UPSERT_FIELDS, (v) =>
    db
      .insertInto('alerts')
      .values({
        id: v.id,
        sourceId: v.sourceId,
        dedupKey: v.dedupKey,
        title: v.title,
        severity: v.severity,
        status: v.status,
        labels: v.labels,
        details: v.details,
        occurredAt: v.occurredAt,
        firstSeenAt: v.at,
        lastSeenAt: v.at,
        count: sql<number>`1`,
        // Typed as text here only because placeholders are strings; the value bound is a number or null.
        resolvedAtCount: sql<number | null>`${v.resolvedAtCount}`,
        resolvedAt: v.resolvedAt,
        snoozedUntil: v.snoozedUntil,
        incidentId: sql<null>`null`,
        firstPayload: v.payload,
        lastPayload: v.payload,
      })
      .onConflict((oc) =>
        oc.columns(['sourceId', 'dedupKey']).doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          severity: eb.ref('excluded.severity'),
          status: eb.ref('excluded.status'),
          labels: eb.ref('excluded.labels'),
          details: eb.ref('excluded.details'),
          lastSeenAt: eb.ref('excluded.lastSeenAt'),
          count: sql<number>`${sql.ref('alerts.count')} + 1`,
          ...resolveColumns(sql.ref('excluded.status'), sql.ref('excluded.lastSeenAt')),
          // A snooze only ever extends: a delivery cannot cut short one set by hand.
          snoozedUntil: sql<string | null>`case when ${sql.ref('excluded.snoozedUntil')} > coalesce(${sql.ref('alerts.snoozedUntil')}, '') then ${sql.ref('excluded.snoozedUntil')} else ${sql.ref('alerts.snoozedUntil')} end`,
          lastPayload: eb.ref('excluded.lastPayload'),
        })),
      )
      .returning(RETURNED),
  );

  return async (trx: Kysely<Database>, sourceId: string, alert: NormalizedAlert, snoozedUntil: string | null, at: string): Promise<StoredDelivery> => {
    const resolved = alert.status === 'resolved';
    const query = template<StoredDelivery>({
      id: randomUUID(),
      sourceId,
      dedupKey: alert.dedupKey,
      title: alert.title,
      severity: alert.severity,
      status: alert.status,
      labels: JSON.stringify(alert.labels),
      details: JSON.stringify(alert.details),
      occurredAt: alert.occurredAt,
      at,
      resolvedAtCount: resolved ? 1 : null,
      resolvedAt: resolved ? at : null,
      snoozedUntil,
      payload: JSON.stringify(alert.raw),
    });
    const { rows } = await trx.executeQuery(query);
    return rows[0]!;
  };
}

/** PagerDuty acknowledge/resolve: counts the delivery on an existing alert; undefined when there is none. */
export async function touchAlert(
  trx: Kysely<Database>,
  sourceId: string,
  alert: NormalizedAlert,
  at: string,
): Promise<StoredDelivery | undefined> {
  return trx
    .updateTable('alerts')
    .set({
      status: alert.status,
      lastSeenAt: at,
      count: sql<number>`${sql.ref('alerts.count')} + 1`,
      ...resolveColumns(sql.val(alert.status), sql.val(at)),
      lastPayload: JSON.stringify(alert.raw),
    })
    .where('sourceId', '=', sourceId)
    .where('dedupKey', '=', alert.dedupKey)
    .returning(RETURNED)
    .executeTakeFirst();
}
