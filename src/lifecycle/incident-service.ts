import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, type Actor } from '../auth/actor.js';
import { systemClock, type Clock } from '../clock.js';
import { afterCursor, containsText, pageOf } from '../db/keyset-page.js';
import { lockedForUpdate } from '../db/concurrency.js';
import type { Database, DeadlineRow, IncidentRow } from '../db/tables.js';
import { InvalidInputError, NotFoundError, VersionConflictError } from '../errors.js';
import { plannedDeadlines } from './deadline-plan.js';
import { cancelDeadline, claimDeadline, pendingDeadlines, reconcileDeadlines } from './deadline-store.js';
import { eventInputSchemas, type EventInput, type IncidentEvent, type ObligationInput } from './events.js';
import type { IncidentContext } from './incident-context.js';
import { assessmentChanges } from './obligation-assessment.js';
import {
  createIncidentSchema,
  futureFactIssues,
  listIncidentsSchema,
  parseClientEvent,
  parseOrThrow,
} from './incident-inputs.js';
import { MACHINE_VERSION } from './incident-machine.js';
import {
  applyEvent,
  EventNotAllowedError,
  persist,
  phaseOf,
  restore,
  startIncident,
  type IncidentSnapshot,
  type PersistedIncident,
} from './incident-transitions.js';
import { incidentSummary, incidentView, type IncidentSummary, type IncidentView } from './incident-view.js';
import { nextDueAt } from './next-deadline.js';

export interface TimelineEntry {
  seq: number;
  type: string;
  at: string;
  actor: Actor;
  payload: Record<string, unknown>;
}

/** What the obligations engine owes for an incident in this context (regulators track children and duties to individuals). */
export type ObligationPlanner = (context: IncidentContext) => ObligationInput[];

const ENGINE: Actor = { kind: 'system', id: 'obligations' };
// The events that change what the engine assesses from: scope and clock facts, or a fresh start.
const REASSESS_AFTER = new Set(['CONFIRM', 'UPDATE_SCOPE', 'RECORD_LEGAL_FINDING', 'REOPEN', 'INDIVIDUALS_NOTIFIED']);

/** Runs inside the transaction that fired a deadline, so what it writes (an escalation) commits with it. */
export type DeadlineFiredHook = (
  trx: Kysely<Database>,
  fired: { incidentId: string; key: string; context: IncidentContext; at: string },
) => Promise<void>;

export interface SendOptions {
  actor: Actor;
  /** The version the caller last saw; a different current version is a conflict. */
  expectedVersion?: number | undefined;
}

class StoredSnapshotError extends Error {
  override name = 'StoredSnapshotError';
}

function loadSnapshot(row: IncidentRow): IncidentSnapshot {
  if (row.machineVersion !== MACHINE_VERSION) {
    throw new StoredSnapshotError(
      `incident ${row.id} was stored by lifecycle machine v${row.machineVersion}; this release reads v${MACHINE_VERSION}`,
    );
  }
  return restore(JSON.parse(row.snapshot) as PersistedIncident);
}

/** The event as it is kept in the event log: the payload without what the row already says. */
function eventPayload(event: IncidentEvent): Record<string, unknown> {
  const { type: _type, at: _at, actor: _actor, ...payload } = event;
  return payload;
}

/**
 * Incidents: create, read, list, and move through the lifecycle. Every accepted event is one
 * transaction that writes the new snapshot (version-checked), the event row, the audit row and the
 * deadline rows together; an event the state refuses writes nothing.
 */
export class IncidentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
    /** When given, facts that change (scope, clock facts, a reopening) are re-assessed in the same transaction. */
    private readonly planObligations?: ObligationPlanner,
  ) {}

  async create(input: unknown, actor: Actor): Promise<IncidentView> {
    return this.db.transaction().execute((trx) => this.createIn(trx, input, actor));
  }

  /** Creates inside the caller's transaction, so another domain can open an incident atomically with its own rows. */
  async createIn(trx: Kysely<Database>, input: unknown, actor: Actor): Promise<IncidentView> {
    const now = this.clock();
    const fields = parseOrThrow(createIncidentSchema, input, 'incident');
    const issues = futureFactIssues(fields, now);
    if (issues.length > 0) throw new InvalidInputError('invalid incident', issues);
    const at = now.toISOString();
    const snapshot = startIncident({ ...fields, detectedAt: fields.detectedAt ?? at });
    const row: IncidentRow = {
      id: randomUUID(),
      title: fields.title,
      severity: fields.severity,
      summary: fields.summary,
      phase: phaseOf(snapshot),
      version: 1,
      machineVersion: MACHINE_VERSION,
      snapshot: JSON.stringify(persist(snapshot)),
      nextDueAt: nextDueAt(phaseOf(snapshot), snapshot.context),
      createdBy: actorRef(actor),
      createdAt: at,
      updatedAt: at,
    };
    await trx.insertInto('incidents').values(row).execute();
    await trx
      .insertInto('incidentEvents')
      .values({ incidentId: row.id, seq: 1, type: 'CREATED', payload: JSON.stringify(fields), actor: JSON.stringify(actor), at })
      .execute();
    await appendAudit(trx, { incidentId: row.id, actor, action: 'incident.created', payload: { version: 1, ...fields }, at });
    return incidentView(row, snapshot);
  }

  async get(id: string): Promise<IncidentView> {
    const row = await this.findRow(this.db, id);
    return incidentView(row, loadSnapshot(row));
  }

  /** Incidents' titles by id, in one read: for naming incidents without loading each one's lifecycle. */
  async titles(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('incidents').select(['id', 'title']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  async list(query: unknown): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
    const filters = parseOrThrow(listIncidentsSchema, query, 'query');
    let select = this.db.selectFrom('incidents').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc');
    if (filters.phase !== undefined) select = select.where('phase', '=', filters.phase);
    if (filters.severity !== undefined) select = select.where('severity', '=', filters.severity);
    if (filters.q !== undefined) {
      const q = filters.q;
      select = select.where((eb) => eb.or([containsText('title', q), containsText('summary', q)]));
    }
    if (filters.cursor !== undefined) select = select.where(afterCursor('createdAt', 'id', filters.cursor));
    const rows = await select.limit(filters.limit + 1).execute();
    const { page, nextCursor } = pageOf(rows, filters.limit, (row) => ({ createdAt: row.createdAt, id: row.id }));
    return { items: page.map(incidentSummary), nextCursor };
  }

  /** An event from a client: validated, permission-checked, then applied. */
  async send(id: string, input: unknown, options: SendOptions): Promise<IncidentView> {
    const event = parseClientEvent(input, options.actor, this.clock());
    return this.db.transaction().execute(async (trx) => {
      const { row, snapshot } = await this.applyWithin(trx, id, event, options.actor, options.expectedVersion);
      return incidentView(row, snapshot);
    });
  }

  /** An event from Breachline's own services (already typed); also the path `send` ends in. */
  async dispatch(id: string, event: EventInput, options: SendOptions): Promise<IncidentView> {
    return this.db.transaction().execute((trx) => this.dispatchIn(trx, id, event, options));
  }

  /** Applies inside the caller's transaction: the event commits or rolls back with the caller's rows. */
  async dispatchIn(trx: Kysely<Database>, id: string, event: EventInput, options: SendOptions): Promise<IncidentView> {
    // Our own services' events pass the same schema, which also normalises their instants.
    const parsed = parseOrThrow(eventInputSchemas[event.type], event, 'event') as EventInput;
    const { row, snapshot } = await this.applyWithin(trx, id, parsed, options.actor, options.expectedVersion);
    return incidentView(row, snapshot);
  }

  /**
   * Fires one due deadline: claims the row and feeds DEADLINE_REACHED to its incident in the same
   * transaction, so a crash either leaves the row pending (it fires after restart) or commits both.
   * Returns false when the row was already taken or the incident no longer needed it.
   */
  async fireDeadline(deadline: DeadlineRow, actor: Actor, onFired?: DeadlineFiredHook): Promise<boolean> {
    const now = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      if (!(await claimDeadline(trx, deadline, now))) return false;
      try {
        const { snapshot } = await this.applyWithin(trx, deadline.incidentId, { type: 'DEADLINE_REACHED', key: deadline.key }, actor);
        await onFired?.(trx, { incidentId: deadline.incidentId, key: deadline.key, context: snapshot.context, at: now });
        return true;
      } catch (error) {
        // The pure step refuses before anything is written, so the claim can be turned into a cancel.
        if (!(error instanceof EventNotAllowedError)) throw error;
        await cancelDeadline(trx, deadline.id, error.message, now);
        return false;
      }
    });
  }

  async timeline(id: string): Promise<TimelineEntry[]> {
    await this.findRow(this.db, id);
    const rows = await this.db.selectFrom('incidentEvents').selectAll().where('incidentId', '=', id).orderBy('seq').execute();
    return rows.map((r) => ({ seq: r.seq, type: r.type, at: r.at, actor: JSON.parse(r.actor), payload: JSON.parse(r.payload) }));
  }

  async pendingDeadlines(id: string): Promise<Array<{ key: string; dueAt: string }>> {
    await this.findRow(this.db, id);
    const rows = await pendingDeadlines(this.db, id);
    return rows.map((r) => ({ key: r.key, dueAt: r.dueAt }));
  }

  private async applyWithin(
    trx: Kysely<Database>,
    id: string,
    input: EventInput,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<{ row: IncidentRow; snapshot: IncidentSnapshot }> {
    const current = await this.findRow(trx, id, true);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new VersionConflictError(
        `incident ${id} is at version ${current.version}, not ${expectedVersion}: reload and retry`,
        current.version,
      );
    }
    const at = this.clock().toISOString();
    const event = { ...input, at, actor } as IncidentEvent;
    const snapshot = applyEvent(loadSnapshot(current), event);
    const version = current.version + 1;
    const row: IncidentRow = {
      ...current,
      title: snapshot.context.title,
      severity: snapshot.context.severity,
      summary: snapshot.context.summary,
      phase: phaseOf(snapshot),
      version,
      snapshot: JSON.stringify(persist(snapshot)),
      nextDueAt: nextDueAt(phaseOf(snapshot), snapshot.context),
      updatedAt: at,
    };
    const { id: _id, createdAt: _c, createdBy: _b, ...changes } = row;
    const updated = await trx
      .updateTable('incidents')
      .set(changes)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) {
      throw new VersionConflictError(`incident ${id} changed while this event was applied: reload and retry`, current.version);
    }
    const payload = eventPayload(event);
    await trx
      .insertInto('incidentEvents')
      .values({ incidentId: id, seq: version, type: event.type, payload: JSON.stringify(payload), actor: JSON.stringify(actor), at })
      .execute();
    await appendAudit(trx, { incidentId: id, actor, action: `incident.${event.type}`, payload: { version, ...payload }, at });
    await reconcileDeadlines(trx, id, plannedDeadlines(snapshot), at);
    return (await this.reassess(trx, id, event.type, snapshot)) ?? { row, snapshot };
  }

  /** After an event that may change what is owed, records the engine's new assessment as its own event. */
  private async reassess(trx: Kysely<Database>, id: string, cause: string, snapshot: IncidentSnapshot) {
    const phase = phaseOf(snapshot);
    if (this.planObligations === undefined || !REASSESS_AFTER.has(cause) || (phase !== 'response' && phase !== 'review')) return null;
    const planned = this.planObligations(snapshot.context);
    // The first assessment is recorded even when nothing is owed: it is what moves the regulators track on.
    const assessedBefore = snapshot.context.obligationsAssessedAt !== null;
    if (assessedBefore && !assessmentChanges(snapshot.context.obligations, planned)) return null;
    return this.applyWithin(trx, id, { type: 'OBLIGATIONS_ASSESSED', obligations: planned }, ENGINE);
  }

  /** `forUpdate`: a second writer of the same incident waits, then reads the first one's version. */
  private async findRow(db: Kysely<Database>, id: string, forUpdate = false): Promise<IncidentRow> {
    const query = db.selectFrom('incidents').selectAll().where('id', '=', id);
    const row = await (forUpdate ? lockedForUpdate(db, query) : query).executeTakeFirst();
    if (row === undefined) throw new NotFoundError(`incident ${id} not found`);
    return row;
  }
}
