import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types as the code sees them (camelCase; the CamelCasePlugin maps them to snake_case columns).
 * Times are UTC ISO-8601 strings and structured values are JSON text: both bind the same way on
 * SQLite and PostgreSQL, so the domains never see a dialect difference.
 */
export interface IncidentsTable {
  id: string;
  title: string;
  severity: string;
  summary: string;
  phase: string;
  /** Optimistic-concurrency counter: one more per accepted event. */
  version: number;
  /** Version of the lifecycle machine that wrote `snapshot`, so a later machine can migrate it. */
  machineVersion: number;
  snapshot: string;
  /** When the first unsettled duty falls due, from the snapshot (see lifecycle/next-deadline.ts). */
  nextDueAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentEventsTable {
  id: Generated<number>;
  incidentId: string;
  /** The incident version this event produced. */
  seq: number;
  type: string;
  payload: string;
  actor: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** One hash chain per incident (its id), plus `system` for actions outside any incident. */
  chain: string;
  seq: number;
  incidentId: string | null;
  actor: string;
  action: string;
  payload: string;
  at: string;
  prevHash: string;
  hash: string;
}

export interface DeadlinesTable {
  id: Generated<number>;
  incidentId: string;
  key: string;
  dueAt: string;
  status: 'pending' | 'fired' | 'cancelled';
  firedAt: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  secretHash: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Database {
  apiTokens: ApiTokensTable;
  incidents: IncidentsTable;
  incidentEvents: IncidentEventsTable;
  auditLog: AuditLogTable;
  deadlines: DeadlinesTable;
}

export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type IncidentUpdate = Updateable<IncidentsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type DeadlineRow = Selectable<DeadlinesTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
