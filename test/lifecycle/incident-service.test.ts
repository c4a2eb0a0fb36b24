import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.js';
import { ForbiddenError, InvalidInputError, NotFoundError, VersionConflictError } from '../../src/errors.js';
import { IncidentService } from '../../src/lifecycle/incident-service.js';
import { EventNotAllowedError } from '../../src/lifecycle/incident-transitions.js';
import { engine, legal, notices, responder, viewer } from '../support/actors.js';
import { manualClock } from '../support/clock.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
const clock = manualClock('2026-03-06T10:00:00.000Z');
let service: IncidentService;

beforeEach(async () => {
  t = await tempDb();
  clock.set('2026-03-06T10:00:00.000Z');
  service = new IncidentService(t.db.kysely, clock);
});
afterEach(() => t.cleanup());

const counts = async () => ({
  events: Number((await t.db.kysely.selectFrom('incidentEvents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  audit: Number((await t.db.kysely.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
});

const gdpr = {
  id: 'gdpr-art33',
  regime: 'EU-GDPR',
  jurisdiction: 'DE',
  recipient: 'regulator' as const,
  authority: 'BfDI',
  dueAt: '2026-03-09T10:00:00.000Z',
  citation: 'GDPR Art. 33(1)',
};

describe('IncidentService', () => {
  it('creates an incident in detected with its first event and audit row', async () => {
    const incident = await service.create({ title: 'Chat DB leak', severity: 'critical' }, responder);
    expect(incident).toMatchObject({ phase: 'detected', version: 1, tracks: null, detectedAt: '2026-03-06T10:00:00.000Z' });
    expect(incident.allowedEvents).toEqual(['CONFIRM', 'DISMISS', 'UPDATE_SCOPE', 'SET_RESPONDERS', 'RECORD_LEGAL_FINDING']);
    expect(await service.timeline(incident.id)).toMatchObject([{ seq: 1, type: 'CREATED' }]);
    expect(await counts()).toEqual({ events: 1, audit: 1 });
  });

  it('moves through the phases and records every step', async () => {
    const { id } = await service.create({ title: 'Chat DB leak', severity: 'critical' }, responder);
    await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:30:00+01:00' }, { actor: responder });
    await service.send(id, { type: 'MARK_CONTAINED' }, { actor: responder });
    await service.dispatch(id, { type: 'OBLIGATIONS_ASSESSED', obligations: [] }, { actor: engine });
    const review = await service.send(id, { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'no contact data' }, { actor: legal });
    expect(review).toMatchObject({ phase: 'review', version: 5, clock: { awarenessAt: '2026-03-06T08:30:00.000Z' } });
    await service.send(id, { type: 'COMPLETE_REVIEW', cause: 'c', lessons: 'l', actions: [{ description: 'a' }] }, { actor: responder });
    const closed = await service.send(id, { type: 'CLOSE' }, { actor: responder });
    expect(closed).toMatchObject({ phase: 'closed', version: 7, allowedEvents: ['REOPEN'] });
    expect((await service.timeline(id)).map((e) => e.type)).toEqual([
      'CREATED', 'CONFIRM', 'MARK_CONTAINED', 'OBLIGATIONS_ASSESSED', 'INDIVIDUALS_NOT_REQUIRED', 'COMPLETE_REVIEW', 'CLOSE',
    ]);
    expect(await verifyAudit(t.db.kysely)).toMatchObject({ ok: true, rowsChecked: 7 });
  });

  it('refuses an event the state does not accept, naming the allowed ones, and writes nothing', async () => {
    const { id } = await service.create({ title: 'x', severity: 'low' }, responder);
    const before = await counts();
    const error = await service.send(id, { type: 'MARK_CONTAINED' }, { actor: responder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventNotAllowedError);
    expect((error as EventNotAllowedError).allowedEvents).toEqual(['CONFIRM', 'DISMISS', 'UPDATE_SCOPE', 'SET_RESPONDERS', 'RECORD_LEGAL_FINDING']);
    expect(await counts()).toEqual(before);
    expect((await service.get(id)).version).toBe(1);
  });

  it('checks roles and keeps system events away from clients', async () => {
    const { id } = await service.create({ title: 'x', severity: 'low' }, responder);
    await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:00:00Z' }, { actor: responder });
    await expect(service.send(id, { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'r' }, { actor: responder })).rejects.toThrow(
      /role responder may not send INDIVIDUALS_NOT_REQUIRED; allowed roles: legal/,
    );
    await expect(service.send(id, { type: 'UPDATE_SCOPE', title: 'y' }, { actor: viewer })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.send(id, { type: 'INDIVIDUALS_NOTICE_APPROVED', versionId: 'v', contentHash: 'h' }, { actor: legal })).rejects.toThrow(
      /sent by Breachline itself/,
    );
    // The notices service may send it through dispatch once the state allows it.
    await service.send(id, { type: 'INDIVIDUALS_NOTICE_REQUIRED' }, { actor: responder });
    const view = await service.dispatch(id, { type: 'INDIVIDUALS_NOTICE_SUBMITTED', versionId: 'v1' }, { actor: notices });
    expect(view.tracks?.individuals).toBe('in_review');
  });

  it('names the field and the reason for bad input', async () => {
    const bad = await service.create({ title: '', severity: 'apocalyptic', extra: 1 }, responder).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidInputError);
    expect((bad as InvalidInputError).issues.map((i) => i.path).sort()).toEqual(['extra', 'severity', 'title']);

    const { id } = await service.create({ title: 'x', severity: 'low' }, responder);
    const future = await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-07T10:00:00Z' }, { actor: responder }).catch((e: unknown) => e);
    expect((future as InvalidInputError).issues).toEqual([{ path: 'awarenessAt', message: 'must not be in the future' }]);
    const unknown = await service.send(id, { type: 'EXPLODE' }, { actor: responder }).catch((e: unknown) => e);
    expect((unknown as InvalidInputError).issues[0]?.path).toBe('type');
    const scope = await service
      .send(id, { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'Germany', count: -1 }] }, { actor: responder })
      .catch((e: unknown) => e);
    expect((scope as InvalidInputError).issues.map((i) => i.path)).toEqual(['affected.0.jurisdiction', 'affected.0.count']);
    expect((await counts()).events).toBe(1);
  });

  it('answers not found for an unknown incident', async () => {
    await expect(service.get('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.send('nope', { type: 'DISMISS', reason: 'r' }, { actor: responder })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets one of two writers with the same version win; the other gets a conflict and nothing forks', async () => {
    const { id } = await service.create({ title: 'x', severity: 'high' }, responder);
    // Two request handlers racing on one incident: both read version 1 before either commits.
    const second = new IncidentService(t.db.kysely, clock);
    const results = await Promise.allSettled([
      service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:00:00Z' }, { actor: responder, expectedVersion: 1 }),
      second.send(id, { type: 'DISMISS', reason: 'benign' }, { actor: responder, expectedVersion: 1 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    expect((await service.timeline(id)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await verifyAudit(t.db.kysely)).toMatchObject({ ok: true, rowsChecked: 2 });
  });

  it('serialises writers that do not name a version instead of losing one', async () => {
    const { id } = await service.create({ title: 'x', severity: 'high' }, responder);
    await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:00:00Z' }, { actor: responder });
    const second = new IncidentService(t.db.kysely, clock);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? service : second).send(id, { type: 'RECORD_CONTAINMENT_ACTION', description: `step ${i}` }, { actor: responder }),
      ),
    );
    const incident = await service.get(id);
    expect(incident.version).toBe(12);
    expect(incident.containment.actions).toHaveLength(10);
    expect(await verifyAudit(t.db.kysely)).toMatchObject({ ok: true, rowsChecked: 12 });
  });

  it('gives a fresh service on the same file the identical state, allowed events and deadlines', async () => {
    const { id } = await service.create({ title: 'halfway', severity: 'critical' }, responder);
    await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:00:00Z' }, { actor: responder });
    await service.send(id, { type: 'RECORD_CONTAINMENT_ACTION', description: 'bucket made private' }, { actor: responder });
    await service.dispatch(id, { type: 'OBLIGATIONS_ASSESSED', obligations: [gdpr] }, { actor: engine });
    const before = await service.get(id);
    const deadlinesBefore = await service.pendingDeadlines(id);
    expect(deadlinesBefore).toEqual([{ key: 'obligation:gdpr-art33', dueAt: '2026-03-09T10:00:00.000Z' }]);
    await t.db.close();

    const reopened = new IncidentService((await t.reopen()).kysely, clock);
    expect(await reopened.get(id)).toEqual(before);
    expect(await reopened.pendingDeadlines(id)).toEqual(deadlinesBefore);
    const next = await reopened.send(id, { type: 'MARK_CONTAINED' }, { actor: responder, expectedVersion: before.version });
    expect(next.tracks).toEqual({ containment: 'contained', individuals: 'assessing', regulators: 'reporting' });
  });

  it('re-arms, moves and cancels deadline rows as obligations change', async () => {
    const { id } = await service.create({ title: 'x', severity: 'high' }, responder);
    await service.send(id, { type: 'CONFIRM', awarenessAt: '2026-03-06T09:00:00Z' }, { actor: responder });
    await service.dispatch(id, { type: 'OBLIGATIONS_ASSESSED', obligations: [gdpr] }, { actor: engine });
    await service.dispatch(id, { type: 'OBLIGATIONS_ASSESSED', obligations: [{ ...gdpr, dueAt: '2026-03-09T12:00:00Z' }] }, { actor: engine });
    expect(await service.pendingDeadlines(id)).toEqual([{ key: 'obligation:gdpr-art33', dueAt: '2026-03-09T12:00:00.000Z' }]);
    await service.send(id, { type: 'OBLIGATION_NOT_REQUIRED', obligationId: 'gdpr-art33', reason: 'no risk' }, { actor: legal });
    expect(await service.pendingDeadlines(id)).toEqual([]);
  });

  it('lists newest first with filters and cursor pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      const severity = i % 2 ? 'high' : 'low';
      ids.push((await service.create({ title: `Incident ${i}`, severity, summary: i === 3 ? 'S3 bucket 100%_open' : '' }, responder)).id);
    }
    await service.send(ids[0]!, { type: 'DISMISS', reason: 'noise' }, { actor: responder });

    const first = await service.list({ limit: 3 });
    expect(first.items.map((i) => i.title)).toEqual(['Incident 6', 'Incident 5', 'Incident 4']);
    const second = await service.list({ limit: 3, cursor: first.nextCursor });
    const third = await service.list({ limit: 3, cursor: second.nextCursor });
    expect([...second.items, ...third.items].map((i) => i.title)).toEqual(['Incident 3', 'Incident 2', 'Incident 1', 'Incident 0']);
    expect(third.nextCursor).toBeNull();

    expect((await service.list({ phase: 'dismissed' })).items.map((i) => i.id)).toEqual([ids[0]]);
    expect((await service.list({ severity: 'high' })).items).toHaveLength(3);
    expect((await service.list({ q: '100%_OPEN' })).items.map((i) => i.title)).toEqual(['Incident 3']);
    expect((await service.list({ q: '%' })).items).toHaveLength(1);
    await expect(service.list({ cursor: 'garbage' })).rejects.toThrow(InvalidInputError);
    await expect(service.list({ limit: 0 })).rejects.toThrow(InvalidInputError);
  });
});
