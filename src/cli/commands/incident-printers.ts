import { printFields, printLine, printTable, say, untilNow, utcTime, zonedTime } from '../output.js';

/** The API's incident, as far as the terminal shows it. */
export interface IncidentJson {
  id: string;
  title: string;
  severity: string;
  phase: string;
  version: number;
  summary: string;
  tracks: { containment: string; individuals: string; regulators: string } | null;
  allowedEvents: string[];
  obligations: Array<{ id: string; recipient: string; status: string }>;
  createdAt: string;
  updatedAt: string;
}

export interface ObligationJson {
  id: string;
  recipient: string;
  authority: string | null;
  jurisdiction: string;
  timeZone: string;
  dueAt: string | null;
  urgent: boolean;
  status?: string;
  citation: string;
  missingFacts: string[];
  reason: string;
  applies?: 'yes' | 'undetermined';
}

/** An affected place no rules cover, as the API answers it (with legal's decision on an incident). */
export interface UncoveredJson {
  jurisdiction: string;
  count: number | null;
  message: string;
  decision?: { rationale: string; recordedAt?: string } | null;
}

/** Warnings on stderr, one per place no rules cover: a place without rules is never read as "no duty". */
export function sayUncovered(uncovered: UncoveredJson[]): void {
  for (const u of uncovered) {
    const decided = u.decision === undefined || u.decision === null ? '' : ` (legal decided ${utcTime(u.decision.recordedAt)}: ${u.decision.rationale})`;
    say(`warning: ${u.message}${decided}`);
  }
}

export function printIncident(incident: IncidentJson, obligations: ObligationJson[], uncovered: UncoveredJson[] = []): void {
  printFields([
    ['Incident', incident.id],
    ['Title', incident.title],
    ['Severity', incident.severity],
    ['Phase', incident.phase],
    ['Tracks', incident.tracks === null ? null : `containment ${incident.tracks.containment}, individuals ${incident.tracks.individuals}, regulators ${incident.tracks.regulators}`],
    ['Version', incident.version],
    ['Opened', utcTime(incident.createdAt)],
    ['Updated', utcTime(incident.updatedAt)],
    ['Allowed now', incident.allowedEvents.join(', ')],
  ]);
  if (incident.summary !== '') printLine(`\n${incident.summary}`);
  if (obligations.length > 0) {
    printLine('');
    printObligations(obligations);
  }
  sayUncovered(uncovered);
}

/** One summary line after an event: where the incident stands and what it accepts next. */
export function incidentStatusLine(incident: IncidentJson): string {
  const tracks = incident.tracks === null ? '' : ` (containment ${incident.tracks.containment}, individuals ${incident.tracks.individuals}, regulators ${incident.tracks.regulators})`;
  return `${incident.id} v${incident.version}: ${incident.phase}${tracks}; allowed now: ${incident.allowedEvents.join(', ') || 'none'}`;
}

/** Who must be told, by when (the regulator's wall clock and UTC), where it stands and why. */
export function printObligations(obligations: ObligationJson[], now = Date.now()): void {
  const hasStatus = obligations.some((o) => o.status !== undefined);
  const hasMissing = obligations.some((o) => o.missingFacts.length > 0);
  // An undetermined duty turns on a fact nobody has recorded yet; it is listed so it is not lost.
  const to = (o: ObligationJson) => (o.applies === 'undetermined' ? `${o.recipient} (if)` : o.recipient);
  printTable(
    ['OBLIGATION', 'TO', 'AUTHORITY', 'DUE (LOCAL)', 'DUE (UTC)', 'WHEN', ...(hasStatus ? ['STATUS'] : []), 'CITATION', ...(hasMissing ? ['MISSING FACTS'] : [])],
    obligations.map((o) => [
      o.id,
      to(o),
      o.authority,
      o.dueAt === null ? (o.urgent ? 'immediately' : '-') : zonedTime(o.dueAt, o.timeZone),
      utcTime(o.dueAt),
      o.dueAt === null ? null : untilNow(o.dueAt, now),
      ...(hasStatus ? [o.status] : []),
      o.citation,
      ...(hasMissing ? [o.missingFacts.length === 0 ? null : o.missingFacts.join(', ')] : []),
    ]),
  );
}
