import { and, assign, or, setup, stateIn } from 'xstate';
import type { IncidentEvent, IncidentEventOf } from './events.js';
import { actorRef } from '../auth/actor.js';
import { initialContext, type IncidentContext, type IncidentInput } from './incident-context.js';
import { isObligationSettled, isTrackChild, unsettledObligations } from './obligation-status.js';
import {
  nextObligationStatus,
  dueSoonDeadlineKey,
  obligationDeadlineKey,
  OBLIGATION_EVENT_TYPES,
  type ObligationEventType,
} from './obligation-machine.js';
import { mergeAssessment } from './obligation-assessment.js';
import { INCIDENT_DETAILS } from './scope.js';

/**
 * The breach lifecycle. Bumped whenever a change would read old snapshots differently; stored with
 * every snapshot so a later release can migrate what it finds.
 */
export const MACHINE_VERSION = 1;

type ObligationEvent = IncidentEventOf<ObligationEventType>;


const obligationStep = (context: IncidentContext, event: ObligationEvent) => {
  const obligation = context.obligations.find((o) => o.id === event.obligationId);
  return obligation === undefined || !isTrackChild(obligation) ? null : nextObligationStatus(obligation.status, event);
};

/** An obligation event updates that one child: its status, and what the event decided. */
const applyObligationEvent = (context: IncidentContext, event: ObligationEvent): IncidentContext['obligations'] =>
  context.obligations.map((o) => {
    if (o.id !== event.obligationId) return o;
    const status = obligationStep(context, event) ?? o.status;
    const decidedBy = actorRef(event.actor);
    switch (event.type) {
      case 'REPORT_APPROVED':
        return { ...o, status, approvedVersion: { versionId: event.versionId, contentHash: event.contentHash } };
      case 'REPORT_EDITED':
        return { ...o, status, approvedVersion: null };
      case 'REPORT_SUBMITTED':
        return {
          ...o,
          status,
          submission: {
            channel: event.channel,
            reference: event.reference ?? null,
            submittedAt: event.submittedAt ?? event.at,
            by: decidedBy,
          },
        };
      case 'OBLIGATION_NOT_REQUIRED':
        return { ...o, status, notRequired: { reason: event.reason, by: decidedBy, at: event.at } };
      default:
        return { ...o, status };
    }
  });

/** The obligation a deadline key belongs to, and which of its two clocks the key is. */
function deadlineTarget(context: IncidentContext, key: string) {
  for (const obligation of context.obligations) {
    if (obligationDeadlineKey(obligation.id) === key) return { obligation, kind: 'overdue' as const };
    if (dueSoonDeadlineKey(obligation.id) === key) return { obligation, kind: 'dueSoon' as const };
  }
  return undefined;
}

export const incidentMachine = setup({
  types: {
    context: {} as IncidentContext,
    events: {} as IncidentEvent,
    input: {} as IncidentInput,
  },
  guards: {
    obligationAccepts: ({ context, event }) =>
      (OBLIGATION_EVENT_TYPES as string[]).includes(event.type) && obligationStep(context, event as ObligationEvent) !== null,
    deadlineOpen: ({ context, event }) => {
      if (event.type !== 'DEADLINE_REACHED') return false;
      const target = deadlineTarget(context, event.key);
      if (target === undefined || isObligationSettled(context, target.obligation)) return false;
      return target.kind === 'overdue' ? target.obligation.overdueSince === null : target.obligation.dueSoonSince === null;
    },
    obligationsAssessed: ({ context }) => context.obligationsAssessedAt !== null,
    allObligationsSettled: ({ context }) => unsettledObligations(context).filter(isTrackChild).length === 0,
    reviewCompleted: ({ context }) => context.review !== null,
    // Closing with unmet obligations is a legal call, and it must be written down.
    unmetObligationsExplained: ({ context, event }) =>
      unsettledObligations(context).length === 0 ||
      (event.type === 'CLOSE' &&
        event.unmetObligationsReason !== undefined &&
        event.actor.kind === 'token' &&
        event.actor.role === 'legal'),
    alertUnlinked: ({ context, event }) => event.type === 'ALERT_LINKED' && !context.alerts.some((a) => a.alertId === event.alertId),
    alertOpen: ({ context, event }) =>
      event.type === 'ALERT_RESOLVED' && context.alerts.some((a) => a.alertId === event.alertId && a.resolvedAt === null),
    sendMatches: ({ context, event }) => 'sendId' in event && context.individuals.sendId === event.sendId,
  },
  actions: {
    updateScope: assign(({ context, event }) => {
      if (event.type !== 'UPDATE_SCOPE') return {};
      const { title, severity, summary, affected, dataCategories, organization, encrypted, clockFacts } = event;
      // A detail left out of the event keeps its value; null clears it.
      const details = Object.fromEntries(INCIDENT_DETAILS.flatMap((key) => (event[key] === undefined ? [] : [[key, event[key]]])));
      return {
        title: title ?? context.title,
        severity: severity ?? context.severity,
        summary: summary ?? context.summary,
        scope: {
          ...context.scope,
          affected: affected ?? context.scope.affected,
          dataCategories: dataCategories ?? context.scope.dataCategories,
          organization: organization ?? context.scope.organization,
          encrypted: encrypted === undefined ? context.scope.encrypted : encrypted,
          ...details,
        },
        clock: { ...context.clock, ...clockFacts },
      };
    }),
    recordLegalFinding: assign(({ context, event }) => {
      if (event.type !== 'RECORD_LEGAL_FINDING') return {};
      const finding = {
        jurisdiction: event.jurisdiction,
        harm: event.harm ?? null,
        risk: event.risk ?? null,
        ...(event.severity === undefined ? {} : { severity: event.severity }),
        rationale: event.rationale,
        recordedBy: actorRef(event.actor),
        recordedAt: event.at,
      };
      // A later finding for the same jurisdiction replaces the earlier one; the timeline keeps both.
      const others = (context.scope.legalFindings ?? []).filter((f) => f.jurisdiction !== event.jurisdiction);
      return { scope: { ...context.scope, legalFindings: [...others, finding] } };
    }),
    assessObligations: assign(({ context, event }) =>
      event.type === 'OBLIGATIONS_ASSESSED'
        ? { obligations: mergeAssessment(context.obligations, event.obligations, event.at), obligationsAssessedAt: event.at }
        : {},
    ),
    stepObligation: assign(({ context, event }) => ({
      obligations: applyObligationEvent(context, event as ObligationEvent),
    })),
    markOverdue: assign(({ context, event }) => {
      if (event.type !== 'DEADLINE_REACHED') return {};
      const target = deadlineTarget(context, event.key);
      const field = target?.kind === 'dueSoon' ? 'dueSoonSince' : 'overdueSince';
      return { obligations: context.obligations.map((o) => (o === target?.obligation ? { ...o, [field]: event.at } : o)) };
    }),
    linkAlert: assign(({ context, event }) =>
      event.type === 'ALERT_LINKED'
        ? {
            alerts: [
              ...context.alerts,
              { alertId: event.alertId, source: event.source, title: event.title, severity: event.severity, linkedAt: event.at, resolvedAt: null },
            ],
          }
        : {},
    ),
    resolveAlert: assign(({ context, event }) =>
      event.type === 'ALERT_RESOLVED'
        ? { alerts: context.alerts.map((a) => (a.alertId === event.alertId ? { ...a, resolvedAt: event.at } : a)) }
        : {},
    ),
    recordReopening: assign(({ context, event }) =>
      event.type === 'REOPEN'
        ? { reopenings: [...context.reopenings, { reason: event.reason, by: actorRef(event.actor), at: event.at }], closure: null }
        : {},
    ),
  },
}).createMachine({
  id: 'incident',
  context: ({ input }) => initialContext(input),
  initial: 'detected',
  states: {
    detected: {
      on: {
        CONFIRM: {
          target: 'response',
          actions: assign(({ context, event }) => ({
            clock: { ...context.clock, awarenessAt: event.awarenessAt, occurredAt: event.occurredAt ?? context.clock.occurredAt },
          })),
        },
        DISMISS: {
          target: 'dismissed',
          actions: assign(({ event }) => ({ dismissal: { reason: event.reason, by: actorRef(event.actor), at: event.at } })),
        },
        UPDATE_SCOPE: { actions: 'updateScope' },
        RECORD_LEGAL_FINDING: { actions: 'recordLegalFinding' },
        SET_RESPONDERS: { actions: assign(({ event }) => ({ responders: event.responders })) },
        ALERT_LINKED: { guard: 'alertUnlinked', actions: 'linkAlert' },
        ALERT_RESOLVED: { guard: 'alertOpen', actions: 'resolveAlert' },
      },
    },
    dismissed: {
      on: {
        REOPEN: { target: 'detected', actions: ['recordReopening', assign({ dismissal: null })] },
      },
    },
    response: {
      type: 'parallel',
      // Review opens on its own once every track has reached an end.
      always: {
        target: 'review',
        guard: and([
          stateIn('#incident.response.containment.contained'),
          or([stateIn('#incident.response.individuals.not_required'), stateIn('#incident.response.individuals.notified')]),
          stateIn('#incident.response.regulators.done'),
        ]),
      },
      on: {
        UPDATE_SCOPE: { actions: 'updateScope' },
        RECORD_LEGAL_FINDING: { actions: 'recordLegalFinding' },
        SET_RESPONDERS: { actions: assign(({ event }) => ({ responders: event.responders })) },
        ALERT_LINKED: { guard: 'alertUnlinked', actions: 'linkAlert' },
        ALERT_RESOLVED: { guard: 'alertOpen', actions: 'resolveAlert' },
        RECORD_CONTAINMENT_ACTION: {
          actions: assign(({ context, event }) => ({
            containment: {
              ...context.containment,
              actions: [
                ...context.containment.actions,
                { description: event.description, performedAt: event.performedAt ?? event.at, by: actorRef(event.actor) },
              ],
            },
          })),
        },
        DEADLINE_REACHED: { guard: 'deadlineOpen', actions: 'markOverdue' },
        ...Object.fromEntries(
          OBLIGATION_EVENT_TYPES.map((type) => [type, { guard: 'obligationAccepts', actions: 'stepObligation' }]),
        ),
      },
      states: {
        containment: {
          initial: 'active',
          states: {
            active: {
              on: {
                MARK_CONTAINED: {
                  target: 'contained',
                  actions: assign(({ context, event }) => ({
                    containment: { ...context.containment, containedAt: event.containedAt ?? event.at },
                  })),
                },
              },
            },
            contained: {},
          },
        },
        individuals: {
          initial: 'assessing',
          states: {
            assessing: {
              on: {
                INDIVIDUALS_NOTICE_REQUIRED: 'drafting',
                INDIVIDUALS_NOT_REQUIRED: 'not_required',
              },
            },
            not_required: {
              entry: assign(({ event }) =>
                event.type === 'INDIVIDUALS_NOT_REQUIRED'
                  ? {
                      individuals: {
                        notRequired: { reason: event.reason, citation: event.citation ?? null, by: actorRef(event.actor), at: event.at },
                        approvedVersion: null,
                        sendId: null,
                        sendPaused: null,
                      },
                    }
                  : {},
              ),
              on: { INDIVIDUALS_NOTICE_REQUIRED: 'drafting' },
            },
            drafting: {
              entry: assign(({ context }) => ({ individuals: { ...context.individuals, notRequired: null, approvedVersion: null } })),
              on: {
                INDIVIDUALS_NOTICE_SUBMITTED: 'in_review',
                INDIVIDUALS_NOT_REQUIRED: 'not_required',
              },
            },
            in_review: {
              on: {
                INDIVIDUALS_NOTICE_CHANGES_REQUESTED: 'drafting',
                INDIVIDUALS_NOTICE_EDITED: 'drafting',
                INDIVIDUALS_NOTICE_APPROVED: {
                  target: 'approved',
                  actions: assign(({ context, event }) => ({
                    individuals: { ...context.individuals, approvedVersion: { versionId: event.versionId, contentHash: event.contentHash } },
                  })),
                },
              },
            },
            approved: {
              on: {
                // An edit after approval voids it: the drafting entry clears the approved version.
                INDIVIDUALS_NOTICE_EDITED: 'drafting',
                INDIVIDUALS_SENDING_STARTED: {
                  target: 'sending',
                  actions: assign(({ context, event }) => ({ individuals: { ...context.individuals, sendId: event.sendId } })),
                },
              },
            },
            sending: {
              on: {
                // The track stays `sending` while paused: the send is unfinished either way.
                INDIVIDUALS_SENDING_PAUSED: {
                  guard: 'sendMatches',
                  actions: assign(({ context, event }) =>
                    event.type === 'INDIVIDUALS_SENDING_PAUSED' ? { individuals: { ...context.individuals, sendPaused: { reason: event.reason, at: event.at } } } : {},
                  ),
                },
                INDIVIDUALS_SENDING_RESUMED: {
                  guard: 'sendMatches',
                  actions: assign(({ context }) => ({ individuals: { ...context.individuals, sendPaused: null } })),
                },
                // A cancelled send leaves the approval standing: the same words may be sent again,
                // or legal may edit and approve new ones.
                INDIVIDUALS_SENDING_CANCELLED: {
                  target: 'approved',
                  guard: 'sendMatches',
                  actions: assign(({ context }) => ({ individuals: { ...context.individuals, sendId: null, sendPaused: null } })),
                },
                INDIVIDUALS_NOTIFIED: {
                  target: 'notified',
                  guard: 'sendMatches',
                  actions: assign(({ context, event }) => ({ clock: { ...context.clock, individualsNotifiedAt: event.at } })),
                },
              },
            },
            notified: {},
          },
        },
        regulators: {
          initial: 'assessing',
          on: { OBLIGATIONS_ASSESSED: { target: '.reporting', actions: 'assessObligations' } },
          states: {
            // After a reopening the earlier assessment still stands: go straight back to reporting.
            assessing: { always: { target: 'reporting', guard: 'obligationsAssessed' } },
            reporting: { always: { target: 'done', guard: 'allObligationsSettled' } },
            done: {},
          },
        },
      },
    },
    review: {
      on: {
        UPDATE_SCOPE: { actions: 'updateScope' },
        RECORD_LEGAL_FINDING: { actions: 'recordLegalFinding' },
        SET_RESPONDERS: { actions: assign(({ event }) => ({ responders: event.responders })) },
        ALERT_LINKED: { guard: 'alertUnlinked', actions: 'linkAlert' },
        ALERT_RESOLVED: { guard: 'alertOpen', actions: 'resolveAlert' },
        // Late duties (final reports, re-assessment after new facts) are still worked in review.
        OBLIGATIONS_ASSESSED: { actions: 'assessObligations' },
        DEADLINE_REACHED: { guard: 'deadlineOpen', actions: 'markOverdue' },
        ...Object.fromEntries(
          OBLIGATION_EVENT_TYPES.map((type) => [type, { guard: 'obligationAccepts', actions: 'stepObligation' }]),
        ),
        COMPLETE_REVIEW: {
          actions: assign(({ event }) => ({
            review: { cause: event.cause, lessons: event.lessons, actions: event.actions, completedAt: event.at, by: actorRef(event.actor) },
          })),
        },
        CLOSE: {
          target: 'closed',
          guard: and(['reviewCompleted', 'unmetObligationsExplained']),
          actions: assign(({ context, event }) => ({
            closure: {
              closedAt: event.at,
              by: actorRef(event.actor),
              unmetObligationsReason: event.unmetObligationsReason ?? null,
              unmetObligationIds: unsettledObligations(context).map((o) => o.id),
            },
          })),
        },
        REOPEN: { target: 'response', actions: 'recordReopening' },
      },
    },
    closed: {
      on: { REOPEN: { target: 'response', actions: 'recordReopening' } },
    },
  },
});

export type IncidentMachine = typeof incidentMachine;
