import { describe, expect, it } from 'vitest';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { EVENT_TYPES, type EventInput, type EventType, type IncidentEvent } from '../../src/lifecycle/events.js';
import { incidentMachine } from '../../src/lifecycle/incident-machine.js';
import {
  allowedEvents,
  applyEvent,
  EventNotAllowedError,
  persist,
  restore,
  startIncident,
  type IncidentSnapshot,
} from '../../src/lifecycle/incident-transitions.js';
import type { ObligationStatus } from '../../src/lifecycle/obligation-machine.js';
import { legal, notices, responder } from '../support/actors.js';

const at = '2026-03-06T10:00:00.000Z';
const input = { title: 'Chat database exposed', severity: 'critical' as const, summary: '', detectedAt: at };

/** One event of every type, with payloads that pass the guards in states that allow them. */
function sampleEvents(snapshot: IncidentSnapshot): IncidentEvent[] {
  const obligationId = snapshot.context.obligations[0]?.id ?? 'cn-pipl-regulator';
  const byType: Record<EventType, EventInput> = {
    CONFIRM: { type: 'CONFIRM', awarenessAt: at },
    DISMISS: { type: 'DISMISS', reason: 'false positive: test data' },
    RECORD_CONTAINMENT_ACTION: { type: 'RECORD_CONTAINMENT_ACTION', description: 'rotated credentials' },
    MARK_CONTAINED: { type: 'MARK_CONTAINED' },
    UPDATE_SCOPE: { type: 'UPDATE_SCOPE', affected: [{ jurisdiction: 'CN', count: 1_200_000 }] },
    INDIVIDUALS_NOTICE_REQUIRED: { type: 'INDIVIDUALS_NOTICE_REQUIRED' },
    INDIVIDUALS_NOT_REQUIRED: { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'data encrypted, key safe' },
    RECORD_LEGAL_FINDING: { type: 'RECORD_LEGAL_FINDING', jurisdiction: 'US-FL', harm: 'unlikely', rationale: 'encrypted laptop recovered unopened' },
    SET_RESPONDERS: { type: 'SET_RESPONDERS', responders: [{ name: 'On-call', email: 'oncall@example.com' }] },
    OBLIGATIONS_ASSESSED: {
      type: 'OBLIGATIONS_ASSESSED',
      obligations: [
        {
          id: 'cn-pipl-regulator',
          regime: 'CN-PIPL',
          jurisdiction: 'CN',
          recipient: 'regulator',
          authority: 'CAC',
          dueAt: '2026-03-06T14:00:00.000Z',
          dueSoonAt: '2026-03-06T13:00:00.000Z',
          citation: 'PIPL Art. 57(1)',
        },
      ],
    },
    OBLIGATION_NOT_REQUIRED: { type: 'OBLIGATION_NOT_REQUIRED', obligationId, reason: 'below threshold' },
    REPORT_SUBMITTED: { type: 'REPORT_SUBMITTED', obligationId, channel: 'portal', reference: 'CAC-1' },
    COMPLETE_REVIEW: { type: 'COMPLETE_REVIEW', cause: 'open bucket', lessons: 'scan configs', actions: [] },
    CLOSE: { type: 'CLOSE' },
    REOPEN: { type: 'REOPEN', reason: 'more data found' },
    INDIVIDUALS_NOTICE_SUBMITTED: { type: 'INDIVIDUALS_NOTICE_SUBMITTED', versionId: 'v1' },
    INDIVIDUALS_NOTICE_CHANGES_REQUESTED: { type: 'INDIVIDUALS_NOTICE_CHANGES_REQUESTED', versionId: 'v1' },
    INDIVIDUALS_NOTICE_APPROVED: { type: 'INDIVIDUALS_NOTICE_APPROVED', versionId: 'v1', contentHash: 'h1' },
    INDIVIDUALS_NOTICE_EDITED: { type: 'INDIVIDUALS_NOTICE_EDITED', versionId: 'v2' },
    INDIVIDUALS_SENDING_STARTED: { type: 'INDIVIDUALS_SENDING_STARTED', sendId: 's1', recipients: 3 },
    INDIVIDUALS_SENDING_PAUSED: { type: 'INDIVIDUALS_SENDING_PAUSED', sendId: 's1', reason: 'paused by a responder' },
    INDIVIDUALS_SENDING_RESUMED: { type: 'INDIVIDUALS_SENDING_RESUMED', sendId: 's1' },
    INDIVIDUALS_SENDING_CANCELLED: { type: 'INDIVIDUALS_SENDING_CANCELLED', sendId: 's1', reason: 'wrong list' },
    INDIVIDUALS_NOTIFIED: { type: 'INDIVIDUALS_NOTIFIED', sendId: 's1', sent: 3, failed: 0 },
    REPORT_DRAFT_STARTED: { type: 'REPORT_DRAFT_STARTED', obligationId },
    REPORT_SUBMITTED_FOR_REVIEW: { type: 'REPORT_SUBMITTED_FOR_REVIEW', obligationId, versionId: 'r1' },
    REPORT_CHANGES_REQUESTED: { type: 'REPORT_CHANGES_REQUESTED', obligationId, versionId: 'r1' },
    REPORT_APPROVED: { type: 'REPORT_APPROVED', obligationId, versionId: 'r1', contentHash: 'rh1' },
    REPORT_EDITED: { type: 'REPORT_EDITED', obligationId, versionId: 'r2' },
    DEADLINE_REACHED: { type: 'DEADLINE_REACHED', key: `obligation:${obligationId}${snapshot.context.obligations[0]?.dueSoonSince ? '' : ':due-soon'}` },
    ALERT_LINKED: { type: 'ALERT_LINKED', alertId: 'a1', source: 'prometheus', title: 'DB exposed', severity: 'critical' },
    ALERT_RESOLVED: { type: 'ALERT_RESOLVED', alertId: 'a1' },
  };
  return EVENT_TYPES.map((type) => {
    const actor = type.startsWith('INDIVIDUALS_NOTICE_') ? notices : type === 'CLOSE' ? legal : responder;
    return { ...byType[type], at, actor } as IncidentEvent;
  });
}

// Contexts that differ only in timestamps and history lists (containment actions, linked alerts,
// responders) are the same state for coverage; alert linking has its own rule test below.
const serializeState = (snapshot: IncidentSnapshot) =>
  JSON.stringify([
    snapshot.value,
    snapshot.context.obligations.map((o) => [o.status, o.overdueSince !== null, o.dueSoonSince !== null]),
    snapshot.context.review !== null,
    snapshot.context.individuals.sendId,
  ]);

const paths = getShortestPaths(incidentMachine, { input, events: sampleEvents, serializeState });
const reached = paths.map((path) => path.state as IncidentSnapshot);

describe('incident machine: path coverage', () => {
  it('reaches every state of the lifecycle', () => {
    const atomic = getStateNodes(incidentMachine.root)
      .filter((node) => node.type === 'atomic')
      .map((node) => node.id);
    const seen = new Set(reached.flatMap((snapshot) => snapshot._nodes.filter((n) => n.type === 'atomic').map((n) => n.id)));
    expect([...seen].sort()).toEqual([...atomic].sort());
    expect(atomic).toContain('incident.response.individuals.notified');
    expect(atomic).toContain('incident.closed');
  });

  it('reaches every status of a regulator obligation', () => {
    const statuses = new Set(reached.flatMap((s) => s.context.obligations.map((o) => o.status)));
    const all: ObligationStatus[] = ['pending', 'drafting', 'in_review', 'approved', 'submitted', 'not_required'];
    expect([...statuses].sort()).toEqual([...all].sort());
  });

  it('refuses, with the allowed events named, every event a reached state does not accept', () => {
    let refusals = 0;
    for (const snapshot of reached) {
      const allowed = allowedEvents(snapshot);
      for (const event of sampleEvents(snapshot)) {
        if (snapshot.can(event)) continue;
        refusals += 1;
        let thrown: unknown;
        try {
          applyEvent(snapshot, event);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${event.type} in ${JSON.stringify(snapshot.value)}`).toBeInstanceOf(EventNotAllowedError);
        expect((thrown as EventNotAllowedError).allowedEvents).toEqual(allowed);
      }
    }
    expect(refusals).toBeGreaterThan(paths.length);
  });

  it('lists as allowed exactly the client events some payload can pass', () => {
    for (const snapshot of reached) {
      for (const type of allowedEvents(snapshot)) {
        const accepted = sampleEvents(snapshot).some((event) => event.type === type && snapshot.can(event));
        expect(accepted, `${type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
      }
    }
  });

  it('restores every reached state identically from its persisted form', () => {
    for (const snapshot of reached) {
      const restored = restore(JSON.parse(JSON.stringify(persist(snapshot))));
      expect(restored.value).toEqual(snapshot.value);
      expect(restored.context).toEqual(snapshot.context);
      expect(allowedEvents(restored)).toEqual(allowedEvents(snapshot));
    }
  });
});

describe('incident machine: rules', () => {
  const drive = (events: EventInput[], actor = responder) =>
    events.reduce((s, e) => applyEvent(s, { ...e, at, actor } as IncidentEvent), startIncident(input));
  const obligation = {
    id: 'gdpr-art33',
    regime: 'EU-GDPR',
    jurisdiction: 'DE',
    recipient: 'regulator' as const,
    authority: 'BfDI',
    dueAt: '2026-03-09T10:00:00.000Z',
    citation: 'GDPR Art. 33(1)',
  };

  it('opens review only when containment, individuals and regulators are all done', () => {
    let s = drive([{ type: 'CONFIRM', awarenessAt: at }, { type: 'MARK_CONTAINED' }]);
    s = applyEvent(s, { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'encrypted', at, actor: legal });
    expect(s.value).toMatchObject({ response: { regulators: 'assessing' } });
    s = applyEvent(s, { type: 'OBLIGATIONS_ASSESSED', obligations: [obligation], at, actor: responder });
    expect(s.value).toMatchObject({ response: { regulators: 'reporting' } });
    s = applyEvent(s, { type: 'OBLIGATION_NOT_REQUIRED', obligationId: obligation.id, reason: 'unlikely risk', at, actor: legal });
    expect(s.value).toBe('review');
  });

  it('will not close with an unmet obligation unless legal records why', () => {
    let s = drive([{ type: 'CONFIRM', awarenessAt: at }, { type: 'MARK_CONTAINED' }, { type: 'OBLIGATIONS_ASSESSED', obligations: [] }]);
    s = applyEvent(s, { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'encrypted', at, actor: legal });
    expect(s.value).toBe('review');
    s = applyEvent(s, { type: 'COMPLETE_REVIEW', cause: 'c', lessons: 'l', actions: [], at, actor: responder });
    // A final report found during review is still owed.
    s = applyEvent(s, { type: 'OBLIGATIONS_ASSESSED', obligations: [obligation], at, actor: responder });
    expect(() => applyEvent(s, { type: 'CLOSE', at, actor: responder })).toThrow(/obligations not met: gdpr-art33/);
    expect(() => applyEvent(s, { type: 'CLOSE', unmetObligationsReason: 'DPA waived it', at, actor: responder })).toThrow(
      /only legal/,
    );
    const closed = applyEvent(s, { type: 'CLOSE', unmetObligationsReason: 'DPA waived it by phone', at, actor: legal });
    expect(closed.value).toBe('closed');
    expect(closed.context.closure).toMatchObject({ unmetObligationIds: ['gdpr-art33'], unmetObligationsReason: 'DPA waived it by phone' });
  });

  it('voids an approval when the notice is edited afterwards', () => {
    let s = drive([{ type: 'CONFIRM', awarenessAt: at }, { type: 'INDIVIDUALS_NOTICE_REQUIRED' }]);
    for (const e of [
      { type: 'INDIVIDUALS_NOTICE_SUBMITTED', versionId: 'v1' },
      { type: 'INDIVIDUALS_NOTICE_APPROVED', versionId: 'v1', contentHash: 'abc' },
    ] as EventInput[]) {
      s = applyEvent(s, { ...e, at, actor: notices } as IncidentEvent);
    }
    expect(s.context.individuals.approvedVersion).toEqual({ versionId: 'v1', contentHash: 'abc' });
    s = applyEvent(s, { type: 'INDIVIDUALS_NOTICE_EDITED', versionId: 'v2', at, actor: notices });
    expect(s.value).toMatchObject({ response: { individuals: 'drafting' } });
    expect(s.context.individuals.approvedVersion).toBeNull();
    expect(() => applyEvent(s, { type: 'INDIVIDUALS_SENDING_STARTED', sendId: 's', recipients: 1, at, actor: notices })).toThrow(EventNotAllowedError);
  });

  it('submits a regulator report only after it was approved', () => {
    const s = drive([{ type: 'CONFIRM', awarenessAt: at }, { type: 'OBLIGATIONS_ASSESSED', obligations: [obligation] }]);
    expect(() =>
      applyEvent(s, { type: 'REPORT_SUBMITTED', obligationId: obligation.id, channel: 'portal', at, actor: responder }),
    ).toThrow(/gdpr-art33" is pending and does not accept REPORT_SUBMITTED/);
  });

  it('links an alert once and notes its resolution without closing anything', () => {
    const alert = { type: 'ALERT_LINKED', alertId: 'am:fp1', source: 'alertmanager', title: 'Public DB port', severity: 'critical' } as const;
    let s = drive([alert]);
    expect(() => applyEvent(s, { ...alert, at, actor: responder })).toThrow(EventNotAllowedError);
    s = applyEvent(s, { type: 'ALERT_RESOLVED', alertId: 'am:fp1', at, actor: responder });
    expect(s.value).toBe('detected');
    expect(s.context.alerts).toEqual([{ alertId: 'am:fp1', source: 'alertmanager', title: 'Public DB port', severity: 'critical', linkedAt: at, resolvedAt: at }]);
    const closedOut = applyEvent(startIncident(input), { type: 'DISMISS', reason: 'noise', at, actor: responder });
    expect(() => applyEvent(closedOut, { ...alert, at, actor: responder })).toThrow(/not accepted while the incident is dismissed/);
  });

  it('marks an obligation due soon, then overdue, each once', () => {
    let s = drive([{ type: 'CONFIRM', awarenessAt: at }, { type: 'OBLIGATIONS_ASSESSED', obligations: [{ ...obligation, dueSoonAt: '2026-03-08T16:00:00.000Z' }] }]);
    s = applyEvent(s, { type: 'DEADLINE_REACHED', key: 'obligation:gdpr-art33:due-soon', at, actor: responder });
    expect(s.context.obligations[0]).toMatchObject({ dueSoonSince: at, overdueSince: null });
    expect(() => applyEvent(s, { type: 'DEADLINE_REACHED', key: 'obligation:gdpr-art33:due-soon', at, actor: responder })).toThrow(/not open/);
    s = applyEvent(s, { type: 'DEADLINE_REACHED', key: 'obligation:gdpr-art33', at, actor: responder });
    expect(s.context.obligations[0]).toMatchObject({ dueSoonSince: at, overdueSince: at, status: 'pending' });
  });

  it('goes back to reporting on its earlier assessment after a reopening', () => {
    let s = drive([{ type: 'CONFIRM', awarenessAt: at }, { type: 'MARK_CONTAINED' }, { type: 'OBLIGATIONS_ASSESSED', obligations: [obligation] }]);
    s = applyEvent(s, { type: 'INDIVIDUALS_NOT_REQUIRED', reason: 'r', at, actor: legal });
    s = applyEvent(s, { type: 'OBLIGATION_NOT_REQUIRED', obligationId: obligation.id, reason: 'r', at, actor: legal });
    s = applyEvent(s, { type: 'REOPEN', reason: 'second table also exposed', at, actor: responder });
    expect(s.value).toEqual({ response: { containment: 'active', individuals: 'assessing', regulators: 'done' } });
    expect(s.context.reopenings).toHaveLength(1);
  });
});
