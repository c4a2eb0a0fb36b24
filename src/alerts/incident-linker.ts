import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import { EventNotAllowedError } from '../lifecycle/incident-transitions.js';
import type { Severity } from '../lifecycle/scope.js';
import { incidentSeverity, type AlertSeverity } from './alert-severity.js';

export const ALERTS_ACTOR: Actor = { kind: 'system', id: 'alerts' };

export interface LinkableAlert {
  id: string;
  title: string;
  severity: AlertSeverity;
  occurredAt: string;
}

/**
 * Puts alerts on incidents inside the caller's transaction, so an alert and the incident work it
 * caused commit together. Every link is an ALERT_LINKED event, so it shows on the timeline and in
 * the incident's audit chain.
 */
export class IncidentLinker {
  constructor(private readonly incidents: IncidentService) {}

  /** Links to an existing incident; the incident's refusal (closed, dismissed, linked already) propagates. */
  async link(trx: Kysely<Database>, incidentId: string, alert: LinkableAlert, sourceName: string): Promise<void> {
    await this.incidents.dispatchIn(
      trx,
      incidentId,
      { type: 'ALERT_LINKED', alertId: alert.id, source: sourceName, title: alert.title, severity: alert.severity },
      { actor: ALERTS_ACTOR },
    );
    await trx.updateTable('alerts').set({ incidentId }).where('id', '=', alert.id).execute();
  }

  /** Like link, but false (nothing written: the pure step refuses first) when the incident's state refuses. */
  private async tryLink(trx: Kysely<Database>, incidentId: string, alert: LinkableAlert, sourceName: string): Promise<boolean> {
    try {
      await this.link(trx, incidentId, alert, sourceName);
      return true;
    } catch (error) {
      if (error instanceof EventNotAllowedError) return false;
      throw error;
    }
  }

  /** Opens an incident for the alert and links it; returns the incident id. */
  async open(trx: Kysely<Database>, alert: LinkableAlert, sourceName: string, now: Date, by: Actor = ALERTS_ACTOR, fields: { title?: string; severity?: Severity; summary?: string } = {}): Promise<string> {
    // The incident cannot be detected before the condition began, nor in the future (sender clock skew).
    const detectedAt = alert.occurredAt < now.toISOString() ? alert.occurredAt : now.toISOString();
    const incident = await this.incidents.createIn(
      trx,
      {
        title: fields.title ?? alert.title.slice(0, 200),
        severity: fields.severity ?? incidentSeverity(alert.severity),
        summary: fields.summary ?? `Opened from an alert of source ${sourceName}.`,
        detectedAt,
      },
      by,
    );
    await this.link(trx, incident.id, alert, sourceName);
    return incident.id;
  }

  /**
   * Joins the alert's group's incident when the group's last alert joined within the window, else
   * opens a new incident and makes it the group's. A group whose incident was dismissed or closed
   * starts over with a new incident: those incidents accept no alerts.
   */
  async openOrJoin(
    trx: Kysely<Database>,
    alert: LinkableAlert,
    source: { id: string; name: string },
    group: { key: string; windowMinutes: number } | null,
    now: Date,
  ): Promise<string> {
    const at = now.toISOString();
    if (group !== null) {
      const existing = await trx
        .selectFrom('alertGroups')
        .select(['incidentId', 'lastJoinedAt'])
        .where('sourceId', '=', source.id)
        .where('groupKey', '=', group.key)
        .executeTakeFirst();
      const windowStart = new Date(now.getTime() - group.windowMinutes * 60_000).toISOString();
      if (existing !== undefined && existing.lastJoinedAt >= windowStart && (await this.tryLink(trx, existing.incidentId, alert, source.name))) {
        await this.remember(trx, source.id, group.key, existing.incidentId, at);
        return existing.incidentId;
      }
    }
    const incidentId = await this.open(trx, alert, source.name, now);
    if (group !== null) await this.remember(trx, source.id, group.key, incidentId, at);
    return incidentId;
  }

  private async remember(trx: Kysely<Database>, sourceId: string, groupKey: string, incidentId: string, at: string): Promise<void> {
    await trx
      .insertInto('alertGroups')
      .values({ sourceId, groupKey, incidentId, lastJoinedAt: at })
      .onConflict((oc) => oc.columns(['sourceId', 'groupKey']).doUpdateSet({ incidentId, lastJoinedAt: at }))
      .execute();
  }

  /** Notes a resolved alert on its incident's timeline; the incident stays as it is (people decide). */
  async resolve(trx: Kysely<Database>, incidentId: string, alertId: string): Promise<void> {
    try {
      await this.incidents.dispatchIn(trx, incidentId, { type: 'ALERT_RESOLVED', alertId }, { actor: ALERTS_ACTOR });
    } catch (error) {
      // A dismissed or closed incident takes no alert events; the alert row still says resolved.
      if (!(error instanceof EventNotAllowedError)) throw error;
    }
  }
}
