import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { systemClock, type Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { SEVERITIES } from '../lifecycle/scope.js';
import type { AlertSeverity } from './alert-severity.js';
import type { IncidentLinker, LinkableAlert } from './incident-linker.js';
import { instantSchema, parseBody } from './normalized-alert.js';

export const promoteSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional().openapi({ description: 'Defaults to the alert’s title' }),
    severity: z.enum(SEVERITIES).optional().openapi({ description: 'Defaults to the alert’s severity' }),
    summary: z.string().max(10_000).optional(),
  })
  .strict();
export const mergeSchema = z.object({ incidentId: z.string().min(1).max(100) }).strict();
export const snoozeSchema = z.object({ until: instantSchema, reason: z.string().trim().min(1).max(2000) }).strict();

/** An alert that is on an incident already: promote and merge refuse it (409). */
export class AlertLinkedError extends ConflictError {
  override name = 'AlertLinkedError';
  override readonly slug = 'alert-linked';
}

/**
 * What responders do by hand: open an incident from an alert, add an alert to an incident, snooze
 * an alert. Each is one transaction with its audit row; the incident's own chain records the link
 * (ALERT_LINKED, from the alerts service) and the system chain records who asked for it.
 */
export class AlertActions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly linker: IncidentLinker,
    private readonly clock: Clock = systemClock,
  ) {}

  async promote(alertId: string, input: unknown, by: Actor): Promise<{ incidentId: string }> {
    const fields = parseBody(promoteSchema, input ?? {}, 'promotion');
    const now = this.clock();
    return this.db.transaction().execute(async (trx) => {
      const { alert, source } = await this.unlinked(trx, alertId);
      const incidentId = await this.linker.open(trx, alert, source, now, by, {
        ...fields,
        summary: fields.summary ?? `Opened by hand from an alert of source ${source}.`,
      });
      await appendAudit(trx, { incidentId: null, actor: by, action: 'alert.promoted', payload: { alertId, incidentId }, at: now.toISOString() });
      return { incidentId };
    });
  }

  async merge(alertId: string, input: unknown, by: Actor): Promise<{ incidentId: string }> {
    const { incidentId } = parseBody(mergeSchema, input, 'merge');
    const at = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const { alert, source } = await this.unlinked(trx, alertId);
      await this.linker.link(trx, incidentId, alert, source);
      await appendAudit(trx, { incidentId: null, actor: by, action: 'alert.merged', payload: { alertId, incidentId }, at });
      return { incidentId };
    });
  }

  async snooze(alertId: string, input: unknown, by: Actor): Promise<{ snoozedUntil: string }> {
    const { until, reason } = parseBody(snoozeSchema, input, 'snooze');
    const at = this.clock().toISOString();
    if (until <= at) throw new InvalidInputError('invalid snooze', [{ path: 'until', message: 'must be in the future' }]);
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('alerts').set({ snoozedUntil: until }).where('id', '=', alertId).executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) throw new NotFoundError(`alert ${alertId} not found`);
      await appendAudit(trx, { incidentId: null, actor: by, action: 'alert.snoozed', payload: { alertId, until, reason }, at });
    });
    return { snoozedUntil: until };
  }

  private async unlinked(trx: Kysely<Database>, alertId: string): Promise<{ alert: LinkableAlert; source: string }> {
    const row = await trx
      .selectFrom('alerts')
      .innerJoin('alertSources', 'alertSources.id', 'alerts.sourceId')
      .select(['alerts.id', 'alerts.title', 'alerts.severity', 'alerts.occurredAt', 'alerts.incidentId', 'alertSources.name'])
      .where('alerts.id', '=', alertId)
      .executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`alert ${alertId} not found`);
    if (row.incidentId !== null) throw new AlertLinkedError(`alert ${alertId} is on incident ${row.incidentId} already`);
    return { alert: { id: row.id, title: row.title, severity: row.severity as AlertSeverity, occurredAt: row.occurredAt }, source: row.name };
  }
}
