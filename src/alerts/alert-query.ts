import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { NotFoundError } from '../errors.js';
import { afterCursor, containsText, pageOf } from '../db/keyset-page.js';
import { ALERT_SEVERITIES, type AlertSeverity } from './alert-severity.js';
import type { AlertRow } from './alert-tables.js';
import { parseBody } from './normalized-alert.js';

// Kept as text (no transform) so the schema accepts its own output: the route validates, the service again.
const flag = z.enum(['true', 'false']);

export const listAlertsSchema = z
  .object({
    source: z.string().min(1).max(100).optional().openapi({ description: 'Source name' }),
    status: z.enum(['firing', 'resolved']).optional(),
    severity: z.enum(ALERT_SEVERITIES).optional(),
    incidentId: z.string().min(1).max(100).optional(),
    linked: flag.optional().openapi({ description: 'true: only alerts on an incident; false: only alerts on none' }),
    snoozed: flag.optional().openapi({ description: 'true: only alerts snoozed now; false: only alerts not snoozed' }),
    q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Case-insensitive text in the title' }),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export interface AlertView {
  id: string;
  source: string;
  sourceId: string;
  dedupKey: string;
  title: string;
  severity: AlertSeverity;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  details: Record<string, unknown>;
  occurredAt: string;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
  resolvedAt: string | null;
  snoozedUntil: string | null;
  incidentId: string | null;
}

type Listed = Omit<AlertRow, 'firstPayload' | 'lastPayload' | 'resolvedAtCount'> & { source: string };

const view = (row: Listed): AlertView => ({
  id: row.id,
  source: row.source,
  sourceId: row.sourceId,
  dedupKey: row.dedupKey,
  title: row.title,
  severity: row.severity as AlertSeverity,
  status: row.status as AlertView['status'],
  labels: JSON.parse(row.labels),
  details: JSON.parse(row.details),
  occurredAt: row.occurredAt,
  firstSeenAt: row.firstSeenAt,
  lastSeenAt: row.lastSeenAt,
  count: row.count,
  resolvedAt: row.resolvedAt,
  snoozedUntil: row.snoozedUntil,
  incidentId: row.incidentId,
});

const COLUMNS = [
  'alerts.id', 'alerts.sourceId', 'alerts.dedupKey', 'alerts.title', 'alerts.severity', 'alerts.status', 'alerts.labels',
  'alerts.details', 'alerts.occurredAt', 'alerts.firstSeenAt', 'alerts.lastSeenAt', 'alerts.count', 'alerts.resolvedAt',
  'alerts.snoozedUntil', 'alerts.incidentId', 'alertSources.name as source',
] as const;

/** Reading alerts: one with its payloads, or pages of them newest first (by first delivery). */
export class AlertQuery {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<AlertView & { payloads: { first: unknown; last: unknown } }> {
    const row = await this.db
      .selectFrom('alerts')
      .innerJoin('alertSources', 'alertSources.id', 'alerts.sourceId')
      .select([...COLUMNS, 'alerts.firstPayload', 'alerts.lastPayload'])
      .where('alerts.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`alert ${id} not found`);
    return { ...view(row), payloads: { first: JSON.parse(row.firstPayload), last: JSON.parse(row.lastPayload) } };
  }

  async list(query: unknown, now: Date): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    const filters = parseBody(listAlertsSchema, query, 'query');
    const at = now.toISOString();
    let select = this.db
      .selectFrom('alerts')
      .innerJoin('alertSources', 'alertSources.id', 'alerts.sourceId')
      .select(COLUMNS)
      .orderBy('alerts.firstSeenAt', 'desc')
      .orderBy('alerts.id', 'desc');
    if (filters.source !== undefined) select = select.where('alertSources.name', '=', filters.source);
    if (filters.status !== undefined) select = select.where('alerts.status', '=', filters.status);
    if (filters.severity !== undefined) select = select.where('alerts.severity', '=', filters.severity);
    if (filters.incidentId !== undefined) select = select.where('alerts.incidentId', '=', filters.incidentId);
    if (filters.linked !== undefined) select = select.where('alerts.incidentId', filters.linked === 'true' ? 'is not' : 'is', null);
    if (filters.snoozed === 'true') select = select.where('alerts.snoozedUntil', '>', at);
    if (filters.snoozed === 'false') select = select.where((eb) => eb.or([eb('alerts.snoozedUntil', 'is', null), eb('alerts.snoozedUntil', '<=', at)]));
    if (filters.q !== undefined) select = select.where(containsText('alerts.title', filters.q));
    if (filters.cursor !== undefined) select = select.where(afterCursor('alerts.firstSeenAt', 'alerts.id', filters.cursor));
    const rows = await select.limit(filters.limit + 1).execute();
    const { page, nextCursor } = pageOf(rows, filters.limit, (row) => ({ createdAt: row.firstSeenAt, id: row.id }));
    return { items: page.map(view), nextCursor };
  }
}
