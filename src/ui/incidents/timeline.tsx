import { actorRef, type Actor } from '../../auth/actor.js';
import type { TimelineEntry } from '../../lifecycle/incident-service.js';
import { enisaSeveritySchema } from '../../lifecycle/enisa-severity.js';
import { Instant, utcText } from '../components/time.js';
import { severityWords } from './scope-fields.js';

/**
 * Every event the incident accepted, in words. Only the facts that say what happened are shown:
 * events carry no personal data of the people affected, and responders' contact details (the one
 * list of people an event holds) are shown as a count.
 */
const WORDS: Record<string, string> = {
  CREATED: 'Opened',
  CONFIRM: 'Confirmed as a breach',
  DISMISS: 'Dismissed',
  RECORD_CONTAINMENT_ACTION: 'Containment action',
  MARK_CONTAINED: 'Contained',
  UPDATE_SCOPE: 'Scope updated',
  SET_RESPONDERS: 'Responders set',
  INDIVIDUALS_NOTICE_REQUIRED: 'Notice to individuals required',
  INDIVIDUALS_NOT_REQUIRED: 'No notice to individuals needed',
  OBLIGATION_NOT_REQUIRED: 'Obligation not required',
  RECORD_LEGAL_FINDING: 'Legal finding recorded',
  REPORT_SUBMITTED: 'Report submitted',
  COMPLETE_REVIEW: 'Review completed',
  CLOSE: 'Closed',
  REOPEN: 'Reopened',
  OBLIGATIONS_ASSESSED: 'Obligations assessed',
  INDIVIDUALS_NOTICE_SUBMITTED: 'Notice to individuals sent for review',
  INDIVIDUALS_NOTICE_CHANGES_REQUESTED: 'Changes requested to the notice',
  INDIVIDUALS_NOTICE_APPROVED: 'Notice to individuals approved',
  INDIVIDUALS_NOTICE_EDITED: 'Notice to individuals edited',
  INDIVIDUALS_SENDING_STARTED: 'Sending to individuals started',
  INDIVIDUALS_SENDING_PAUSED: 'Sending paused',
  INDIVIDUALS_SENDING_RESUMED: 'Sending resumed',
  INDIVIDUALS_SENDING_CANCELLED: 'Sending cancelled',
  INDIVIDUALS_NOTIFIED: 'Individuals notified',
  REPORT_DRAFT_STARTED: 'Report draft started',
  REPORT_SUBMITTED_FOR_REVIEW: 'Report sent for review',
  REPORT_CHANGES_REQUESTED: 'Changes requested to a report',
  REPORT_APPROVED: 'Report approved',
  REPORT_EDITED: 'Report edited',
  DEADLINE_REACHED: 'Deadline reached',
  ALERT_LINKED: 'Alert linked',
  ALERT_RESOLVED: 'Linked alert resolved',
};

/** Payload fields worth a line, with their label; instants are shown in UTC. */
const FACTS: Array<[string, string]> = [
  ['title', 'Title'],
  ['severity', 'Severity'],
  ['awarenessAt', 'Aware at'],
  ['occurredAt', 'Occurred at'],
  ['performedAt', 'Done at'],
  ['containedAt', 'Contained at'],
  ['submittedAt', 'Submitted at'],
  ['description', 'What'],
  ['reason', 'Reason'],
  ['citation', 'Citation'],
  ['obligationId', 'Obligation'],
  ['jurisdiction', 'Jurisdiction'],
  ['harm', 'Risk of harm'],
  ['risk', 'Risk (GDPR)'],
  ['rationale', 'Rationale'],
  ['channel', 'Channel'],
  ['reference', 'Reference'],
  ['cause', 'Cause'],
  ['unmetObligationsReason', 'Why obligations stay unmet'],
  ['source', 'Source'],
  ['recipients', 'Recipients'],
  ['sent', 'Sent'],
  ['failed', 'Failed'],
  ['key', 'Deadline'],
];

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const shown = (value: unknown): string => (typeof value === 'string' && INSTANT.test(value) ? utcText(value) : String(value));

/** The lines to show for one entry: its plain facts, then what lists and changes it holds. */
export function entryFacts(entry: TimelineEntry): string[] {
  const { payload } = entry;
  const facts = FACTS.filter(([key]) => payload[key] !== undefined && payload[key] !== null).map(([key, label]) => `${label}: ${shown(payload[key])}`);
  const count = (key: string) => (Array.isArray(payload[key]) ? (payload[key] as unknown[]).length : null);
  if (entry.type === 'UPDATE_SCOPE') facts.push(`Changed: ${Object.keys(payload).join(', ')}`);
  const severity = enisaSeveritySchema.safeParse(payload.severity);
  if (severity.success) facts.push(`ENISA severity: ${severityWords(severity.data)}`);
  if (count('responders') !== null) facts.push(`Responders: ${count('responders')}`);
  if (count('obligations') !== null) facts.push(`Obligations: ${count('obligations')}`);
  if (entry.type === 'COMPLETE_REVIEW' && count('actions') !== null) facts.push(`Follow-up actions: ${count('actions')}`);
  return facts;
}

const who = (actor: Actor): string => (actor.kind === 'token' ? `${actor.name} (${actor.role})` : `Breachline (${actor.id})`);

/** Names for the actor references the lifecycle stores ("token:…"), from who sent the events; unknown ones as stored. */
export function actorNamesFrom(entries: readonly TimelineEntry[]): (ref: string) => string {
  const names = new Map(entries.map((entry) => [actorRef(entry.actor), who(entry.actor)]));
  return (ref) => names.get(ref) ?? ref;
}

export function Timeline(props: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <table class="timeline">
        <caption>Every event the incident accepted, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Who</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>
                <Instant iso={entry.at} />
              </td>
              <th scope="row">{WORDS[entry.type] ?? entry.type}</th>
              <td>{who(entry.actor)}</td>
              <td>
                <ul class="facts">
                  {entryFacts(entry).map((fact) => (
                    <li>{fact}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
