import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Actor } from '../auth/actor.js';
import { PUBLIC_EVENT_TYPES, type EventType, type IncidentEvent, type PublicEventType } from './events.js';
import type { IncidentContext, IncidentInput } from './incident-context.js';
import { incidentMachine } from './incident-machine.js';
import { OBLIGATION_EVENT_TYPES, obligationDeadlineKey } from './obligation-machine.js';
import { unsettledObligations } from './obligation-status.js';

/**
 * The pure half of the lifecycle: build, restore and step snapshots, and say what may happen next.
 * Nothing here touches the database or the clock (the "resolve" step; persisting is the service's).
 */
export type IncidentSnapshot = SnapshotFrom<typeof incidentMachine>;

/** What we store: enough to rebuild the snapshot exactly. */
export interface PersistedIncident {
  value: IncidentSnapshot['value'];
  context: IncidentContext;
}

export const PHASES = ['detected', 'dismissed', 'response', 'review', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export function startIncident(input: IncidentInput): IncidentSnapshot {
  const [snapshot] = initialTransition(incidentMachine, input);
  return snapshot;
}

export const persist = (snapshot: IncidentSnapshot): PersistedIncident => ({ value: snapshot.value, context: snapshot.context });

export const restore = (persisted: PersistedIncident): IncidentSnapshot => incidentMachine.resolveState(persisted);

export function phaseOf(snapshot: IncidentSnapshot): Phase {
  const value = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as Phase;
}

/** The same event type with the payloads that decide its guards, one per thing it could act on. */
function probes(snapshot: IncidentSnapshot, type: EventType): IncidentEvent[] {
  const base = { at: new Date(0).toISOString(), actor: { kind: 'token', id: 'probe', name: 'probe', role: 'legal' } as Actor };
  const context = snapshot.context;
  if ((OBLIGATION_EVENT_TYPES as string[]).includes(type)) {
    return context.obligations.map((o) => ({ ...base, type, obligationId: o.id }) as IncidentEvent);
  }
  if (type === 'CLOSE') return [{ ...base, type, unmetObligationsReason: 'probe' }];
  if (type === 'INDIVIDUALS_NOTIFIED') return [{ ...base, type, sendId: context.individuals.sendId ?? '', sent: 0, failed: 0 }];
  if (type === 'DEADLINE_REACHED') return context.obligations.map((o) => ({ ...base, type, key: obligationDeadlineKey(o.id) }));
  return [{ ...base, type } as IncidentEvent];
}

const accepts = (snapshot: IncidentSnapshot, type: EventType) => probes(snapshot, type).some((event) => snapshot.can(event));

/** Public events the incident accepts now (for some obligation, where the event names one). */
export function allowedEvents(snapshot: IncidentSnapshot): PublicEventType[] {
  return PUBLIC_EVENT_TYPES.filter((type) => accepts(snapshot, type));
}

/** Raised when the incident's state refuses an event; nothing is written. */
export class EventNotAllowedError extends Error {
  override name = 'EventNotAllowedError';
  constructor(
    message: string,
    readonly eventType: string,
    readonly phase: Phase,
    readonly allowedEvents: PublicEventType[],
  ) {
    super(message);
  }
}

/** Why a type the state knows refused this particular event (a guard said no). */
function guardRefusal(snapshot: IncidentSnapshot, event: IncidentEvent): string {
  const context = snapshot.context;
  if ('obligationId' in event) {
    const obligation = context.obligations.find((o) => o.id === event.obligationId);
    return obligation === undefined
      ? `obligation "${event.obligationId}" is not one of this incident's obligations`
      : obligation.recipient === 'individuals'
        ? `obligation "${obligation.id}" is owed to individuals: the individuals track's notice settles it`
        : `obligation "${obligation.id}" is ${obligation.status} and does not accept ${event.type}`;
  }
  if (event.type === 'CLOSE') {
    if (context.review === null) return 'the post-incident review must be completed (COMPLETE_REVIEW) before closing';
    const unmet = unsettledObligations(context).map((o) => o.id);
    return `obligations not met: ${unmet.join(', ')}; only legal may close with unmetObligationsReason recording why`;
  }
  if ('sendId' in event) return `send "${event.sendId}" is not the send in progress`;
  if (event.type === 'DEADLINE_REACHED') return `deadline "${event.key}" is not open`;
  return `${event.type} is refused in the current state`;
}

/** Steps the snapshot by one event, or throws EventNotAllowedError naming what is allowed instead. */
export function applyEvent(snapshot: IncidentSnapshot, event: IncidentEvent): IncidentSnapshot {
  if (!snapshot.can(event)) {
    const phase = phaseOf(snapshot);
    const allowed = allowedEvents(snapshot);
    // A type some active state handles was refused by a guard: say which rule, not just "no".
    const handled = snapshot._nodes.some((node) => (node.ownEvents as string[]).includes(event.type));
    const message = handled
      ? guardRefusal(snapshot, event)
      : `${event.type} is not accepted while the incident is ${phase}; allowed now: ${allowed.join(', ') || 'none'}`;
    throw new EventNotAllowedError(message, event.type, phase, allowed);
  }
  const [next] = transition(incidentMachine, snapshot, event);
  return next;
}
