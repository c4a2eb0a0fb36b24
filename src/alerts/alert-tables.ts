import type { Selectable } from 'kysely';

/**
 * The alert domain's tables, added to kysely's `Database` by module augmentation so the shared
 * table file stays the lifecycle's. JSON is stored as text and times as UTC ISO strings.
 */
export interface AlertSourcesTable {
  id: string;
  name: string;
  kind: string;
  /** How intake requests prove themselves: `token`, `hmac` or (PagerDuty) `routing_key`. */
  auth: string;
  /** The HMAC secret: kept because verification needs it, never returned after creation. */
  hmacSecret: string | null;
  /** sha256 of the PagerDuty routing key: enough to find the source, useless to an attacker. */
  routingKeyHash: string | null;
  /** The first characters of the secret or routing key, so people can tell credentials apart. */
  credentialHint: string | null;
  rules: string;
  /** 1 or 0: SQLite binds no booleans. */
  enabled: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertsTable {
  id: string;
  sourceId: string;
  /** The sender's dedup key or fingerprint; (sourceId, dedupKey) is unique. */
  dedupKey: string;
  title: string;
  severity: string;
  status: string;
  labels: string;
  details: string;
  occurredAt: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** How many times the sender delivered this alert (first delivery included). */
  count: number;
  /** The delivery count at which the alert last turned resolved; null while firing. */
  resolvedAtCount: number | null;
  resolvedAt: string | null;
  snoozedUntil: string | null;
  incidentId: string | null;
  firstPayload: string;
  lastPayload: string;
}

export interface AlertGroupsTable {
  sourceId: string;
  /** The values of the source's group-by labels, as canonical JSON. */
  groupKey: string;
  incidentId: string;
  /** When the group's newest alert joined: the window is measured from here. */
  lastJoinedAt: string;
}

declare module '../db/tables.js' {
  interface Database {
    alertSources: AlertSourcesTable;
    alerts: AlertsTable;
    alertGroups: AlertGroupsTable;
  }
}

export type AlertSourceRow = Selectable<AlertSourcesTable>;
export type AlertRow = Selectable<AlertsTable>;
