import type { Actor } from '../auth/actor.js';
import type { IncidentRow } from '../db/tables.js';
import { isSystemEventType, type IncidentEvent, type PublicEventType } from './events.js';
import type { IncidentContext, Obligation } from './incident-context.js';
import { allowedEvents, phaseOf, type IncidentSnapshot, type Phase } from './incident-transitions.js';
import { OBLIGATION_EVENT_TYPES, type ObligationEventType } from './obligation-machine.js';
import type { Severity } from './scope.js';

export interface IncidentTracks {
  containment: string;
  individuals: string;
  regulators: string;
}

export type IncidentView = Omit<IncidentContext, 'obligations'> & {
  id: string;
  version: number;
  phase: Phase;
  /** The three response tracks, while the incident is in response. */
  tracks: IncidentTracks | null;
  obligations: Array<Obligation & { allowedEvents: ObligationEventType[] }>;
  allowedEvents: PublicEventType[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity;
  phase: Phase;
  /** When the first unsettled duty falls due (overdue ones included); null when no clock runs. */
  nextDueAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const probeActor: Actor = { kind: 'token', id: 'probe', name: 'probe', role: 'legal' };

/** Client events this one obligation accepts now. */
function obligationAllowedEvents(snapshot: IncidentSnapshot, obligationId: string): ObligationEventType[] {
  return OBLIGATION_EVENT_TYPES.filter(
    (type) =>
      !isSystemEventType(type) &&
      snapshot.can({ type, obligationId, at: '', actor: probeActor } as unknown as IncidentEvent),
  );
}

export function incidentView(row: IncidentRow, snapshot: IncidentSnapshot): IncidentView {
  const { obligations, ...context } = snapshot.context;
  const value = snapshot.value;
  const response = typeof value === 'object' && 'response' in value ? (value.response as Record<string, string>) : null;
  return {
    id: row.id,
    version: row.version,
    phase: phaseOf(snapshot),
    ...context,
    tracks:
      response === null
        ? null
        : { containment: response.containment!, individuals: response.individuals!, regulators: response.regulators! },
    obligations: obligations.map((o) => ({ ...o, allowedEvents: obligationAllowedEvents(snapshot, o.id) })),
    allowedEvents: allowedEvents(snapshot),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const incidentSummary = (row: IncidentRow): IncidentSummary => ({
  id: row.id,
  title: row.title,
  // Written only from a validated snapshot, so the columns hold these enums.
  severity: row.severity as Severity,
  phase: row.phase as Phase,
  nextDueAt: row.nextDueAt,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
