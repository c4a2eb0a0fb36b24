import { mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { IncidentObligation } from '../../obligations/live-status.js';
import type { VerificationLevel } from '../../obligations/regime-schema.js';
import { Countdown, Instant } from '../components/time.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { EVENT_FORMS, eventFormName, OBLIGATION_FORMS, type FormEventType } from './event-form-specs.js';
import { EventForm } from './event-forms.js';
import { applicabilityFacts, factWords, listWords, timingFacts } from './fact-words.js';
import { stateWords } from './lifecycle-tracks.js';

export const OPEN = new Set(['pending', 'in_progress', 'missed']);

/** The per-obligation events this role may send on this obligation now. */
export function rowActions(ctx: PageContext, incident: IncidentView, obligationId: string): FormEventType[] {
  const tracked = incident.obligations.find((o) => o.id === obligationId);
  if (tracked === undefined) return [];
  return OBLIGATION_FORMS.filter((type) => (tracked.allowedEvents as string[]).includes(type) && mayRoleSend(ctx.actor.role, type));
}

/** A fixed due time on the regulator's clock and in UTC, with the time left while the duty is open. */
export function DueAt(props: { dueAt: string; zone: string; open: boolean; now: Date }) {
  return (
    <>
      <Instant iso={props.dueAt} zone={props.zone} />
      {props.open && (
        <>
          <br />
          <Countdown dueAt={props.dueAt} now={props.now} />
        </>
      )}
    </>
  );
}

export function Due(props: { obligation: IncidentObligation; now: Date }) {
  const { obligation } = props;
  if (obligation.dueAt === null) {
    if (obligation.urgent) return <span>Immediately (no fixed time)</span>;
    const timing = timingFacts(obligation.missingFacts);
    if (timing.length > 0) return <span class="muted">Not known yet: needs {listWords(timing.map(factWords))}</span>;
    return <span class="muted">No fixed time</span>;
  }
  return <DueAt dueAt={obligation.dueAt} zone={obligation.timeZone} open={OPEN.has(obligation.status)} now={props.now} />;
}

/** How firm the rule's source is, as legal weighs it. */
const VERIFICATION_WORDS: Readonly<Record<VerificationLevel, string>> = {
  statute: 'law’s text',
  regulator: 'regulator’s guidance',
  secondary: 'secondary source only',
};

/** "PIPL Art. 57" with how its rule was checked beside it: "law’s text, checked 2026-12-07". */
export function Citation(props: { obligation: Pick<IncidentObligation, 'citation' | 'verification' | 'verifiedAt'> }) {
  const { obligation } = props;
  return (
    <span class="citation">
      {obligation.citation}{' '}
      <span class={`verification verification-${obligation.verification}`}>
        {VERIFICATION_WORDS[obligation.verification]}, checked {String(obligation.verifiedAt).slice(0, 10)}
      </span>
    </span>
  );
}

export function Status(props: { obligation: IncidentObligation; incident: IncidentView }) {
  const { obligation } = props;
  const report = props.incident.obligations.find((o) => o.id === obligation.id);
  return (
    <>
      <span class={`badge status-${obligation.status}`}>{stateWords(obligation.status)}</span>
      {report !== undefined && obligation.recipient !== 'individuals' && obligation.status === 'in_progress' && (
        <span class="muted"> (report {stateWords(report.status).toLowerCase()})</span>
      )}
      {obligation.notRequiredReason !== null && <p class="muted">Why not: {obligation.notRequiredReason}</p>}
      {obligation.submittedAt !== null && (
        <p class="muted">
          Done <Instant iso={obligation.submittedAt} />
        </p>
      )}
    </>
  );
}

/** The events this role may record on one duty, each folded under its heading (open again when its post was refused). */
export function Actions(props: { ctx: PageContext; incident: IncidentView; obligation: IncidentObligation; failure: FormFailure | null }) {
  const { ctx, incident, obligation, failure } = props;
  return (
    <>
      {rowActions(ctx, incident, obligation.id).map((type) => (
        <details class="row-action" open={failure?.form === eventFormName(type, obligation.id)}>
          <summary>{EVENT_FORMS[type].heading}</summary>
          <EventForm ctx={ctx} incident={incident} type={type} obligationId={obligation.id} subject={`${obligation.jurisdiction} ${obligation.regimeName}`} failure={failure} />
        </details>
      ))}
    </>
  );
}

/**
 * A duty that turns on a fact not recorded yet reads as such: it may or may not be owed, and
 * which facts settle it, in words ("how many people are affected in Washington (US)"). The
 * engine's own names ride along as the title, for whoever records them through the API.
 */
export function AppliesNote(props: { obligation: Pick<IncidentObligation, 'applies' | 'missingFacts' | 'regimeName' | 'voluntary'>; named?: boolean }) {
  const { obligation } = props;
  if (obligation.voluntary) {
    return (
      <span class="applies-note">
        {props.named === true && <>{obligation.regimeName}: </>}
        <span class="badge voluntary">Recommended</span> no law requires it; the regulator’s guidance asks for it
      </span>
    );
  }
  if (obligation.applies !== 'undetermined') return null;
  const facts = applicabilityFacts(obligation.missingFacts);
  return (
    <span class="applies-note">
      {props.named === true && <>{obligation.regimeName}: </>}
      <span class="badge applies-undetermined">Undetermined</span>{' '}
      <span title={facts.join(', ')}>turns on {listWords(facts.map(factWords))}, not recorded yet</span>
    </span>
  );
}
