import { DateTime } from 'luxon';
import { evaluate, type Verdict } from './applicability.js';
import type { AssessmentFacts } from './assessment-facts.js';
import { covers, derivation, obligationJurisdiction } from './jurisdictions.js';
import { runClock, type ClockContext } from './obligation-clock.js';
import type { DeadlineUnit, HolidayCalendar, Recipient, Regime, RegimeRecipient, VerificationLevel } from './regime-schema.js';

export interface AssessedDeadline {
  amount: number | null;
  unit: DeadlineUnit;
  from: string;
}

interface Timing {
  deadline: AssessedDeadline;
  dueAt: string | null;
  dueSoonAt: string | null;
  urgent: boolean;
  missingFacts: string[];
}

export interface AssessedStage extends Timing {
  id: string;
  name: string;
  requiredContents: RegimeRecipient['requiredContents'];
  note: string | null;
}

export interface AssessedExemption {
  id: string;
  description: string;
  citation: string;
  /** The facts suggest legal could invoke it (encrypted data); it is never applied by the engine. */
  likelyAvailable: boolean;
}

export interface AssessedObligation extends Timing {
  id: string;
  regime: string;
  regimeName: string;
  jurisdiction: string;
  recipient: Recipient;
  authority: string | null;
  contact: RegimeRecipient['contact'];
  timeZone: string;
  stages: AssessedStage[];
  requiredContents: RegimeRecipient['requiredContents'];
  exemptions: AssessedExemption[];
  reason: string;
  trigger: string;
  citation: string;
  source: string[];
  verification: VerificationLevel;
  verifiedAt: string;
  notes: string[];
}

interface Target {
  jurisdiction: string;
  count: number;
  /** Who brings the regime in, e.g. "3 affected in DE (DE is an EEA member state)". */
  coverage: string | null;
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

function describe(jurisdiction: string, people: Array<{ jurisdiction: string; count: number; via: string | null }>): string {
  const total = people.reduce((sum, p) => sum + p.count, 0);
  const parts = people.map((p) => `${formatCount(p.count)} in ${p.jurisdiction}${p.via === null ? '' : ` (${p.via})`}`);
  const only = people[0];
  if (people.length === 1 && only !== undefined && only.jurisdiction === jurisdiction) {
    return `${formatCount(total)} affected in ${jurisdiction}${only.via === null ? '' : ` (${only.via})`}`;
  }
  return `${formatCount(total)} affected in ${jurisdiction}: ${parts.join(', ')}`;
}

/** The jurisdictions one recipient entry is owed in, with the people counted for each. */
function targets(regime: Regime, entry: RegimeRecipient, facts: AssessmentFacts): Target[] {
  const home = regime.jurisdictions[0] as string;
  const people = facts.affected.flatMap((a) => {
    const territory = regime.jurisdictions.find((t) => covers(t, a.jurisdiction));
    if (territory === undefined || a.count === 0) return [];
    return [{ ...a, owedIn: obligationJurisdiction(territory, a.jurisdiction), via: derivation(territory, a.jurisdiction) }];
  });
  if (regime.coverage === 'organization' || entry.scope === 'once') {
    if (regime.coverage === 'affected' && people.length === 0) return [];
    const count = people.reduce((sum, p) => sum + p.count, 0);
    return [{ jurisdiction: home, count, coverage: people.length === 0 ? null : describe(home, people) }];
  }
  const owedIn = [...new Set(people.map((p) => p.owedIn))];
  return owedIn.map((jurisdiction) => {
    const here = people.filter((p) => p.owedIn === jurisdiction);
    return { jurisdiction, count: here.reduce((sum, p) => sum + p.count, 0), coverage: describe(jurisdiction, here) };
  });
}

function reasonFor(entry: RegimeRecipient, target: Target, verdict: Verdict, facts: AssessmentFacts, exemptions: AssessedExemption[]): string {
  const parts = verdict.counted || target.coverage === null ? [] : [target.coverage];
  parts.push(...verdict.reasons);
  const multiplied = entry.deadline.multiplied;
  if (multiplied !== undefined && facts.organization[multiplied.when] === true) {
    parts.push(`deadline x${multiplied.factor}: organization.${multiplied.when} is true (${multiplied.citation})`);
  }
  const available = exemptions.filter((e) => e.likelyAvailable).map((e) => e.id);
  if (available.length > 0) parts.push(`data encrypted: exemption ${available.join(', ')} likely available, for legal to invoke`);
  return parts.join('; ');
}

function timing(spec: RegimeRecipient['deadline'], context: ClockContext): Timing {
  const clock = runClock(spec, context);
  return {
    deadline: { amount: clock.amount, unit: spec.unit, from: spec.from },
    dueAt: clock.dueAt,
    dueSoonAt: clock.dueSoonAt,
    urgent: clock.urgent,
    missingFacts: clock.missingFacts,
  };
}

function obligation(regime: Regime, entry: RegimeRecipient, target: Target, verdict: Verdict, facts: AssessmentFacts, calendars: ReadonlyMap<string, HolidayCalendar>): AssessedObligation {
  const id = `${regime.id}:${entry.id}:${target.jurisdiction}`;
  const context: ClockContext = { facts, zone: regime.timeZone, calendar: calendars.get(regime.calendar ?? ''), obligationId: id };
  const stages = (entry.stages ?? []).map((stage) => ({
    id: `${id}:${stage.id}`,
    name: stage.name,
    ...timing(stage.deadline, context),
    requiredContents: stage.requiredContents ?? [],
    note: stage.note ?? stage.deadline.note ?? null,
  }));
  const main = timing(entry.deadline, context);
  const exemptions = entry.exemptions.map((e) => ({
    id: e.id,
    description: e.description,
    citation: e.citation,
    likelyAvailable: facts.encrypted === true && e.whenEncrypted === true,
  }));
  return {
    id,
    regime: regime.id,
    regimeName: regime.name,
    jurisdiction: target.jurisdiction,
    recipient: entry.recipient,
    authority: entry.authority,
    contact: entry.contact,
    timeZone: regime.timeZone,
    ...main,
    // A stage demanding action "immediately" makes the duty urgent once that stage's clock runs.
    urgent: main.urgent || stages.some((s) => s.urgent && s.missingFacts.length === 0),
    stages,
    requiredContents: entry.requiredContents,
    exemptions,
    reason: reasonFor(entry, target, verdict, facts, exemptions),
    trigger: entry.trigger,
    citation: entry.citation,
    source: entry.source,
    verification: entry.verification,
    verifiedAt: entry.verifiedAt,
    notes: [...(regime.notes ?? []), ...(entry.notes ?? []), ...(entry.deadline.note === undefined ? [] : [entry.deadline.note])],
  };
}

/** Urgent duties first (no time to lose), then by due time, then those with no due time yet; ties by id. */
function compare(a: AssessedObligation, b: AssessedObligation): number {
  const rank = (o: AssessedObligation) => (o.urgent ? 0 : o.dueAt !== null ? 1 : 2);
  return rank(a) - rank(b) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.id.localeCompare(b.id);
}

/**
 * Whether a regime is in force for this breach: from its commencement day (in its own time zone),
 * judged by when the organisation became aware (else when the breach occurred, else `now`).
 */
function inForce(regime: Regime, facts: AssessmentFacts, now: Date): boolean {
  if (regime.inForceFrom === undefined) return true;
  const commenced = DateTime.fromISO(regime.inForceFrom, { zone: regime.timeZone }).startOf('day').toMillis();
  const reference = facts.awarenessAt ?? facts.occurredAt ?? now.toISOString();
  return Date.parse(reference) >= commenced;
}

/**
 * Facts in, obligations out: every duty the regimes in force impose on this incident, each with
 * its due time, the facts still missing, and the reason it applies. Exemptions are listed for legal
 * to invoke; none is applied here, so encrypted data never silently removes a duty.
 */
export function assess(facts: AssessmentFacts, regimes: readonly Regime[], calendars: ReadonlyMap<string, HolidayCalendar>, now: Date): AssessedObligation[] {
  const categories = new Set(facts.dataCategories);
  const found: AssessedObligation[] = [];
  for (const regime of regimes) {
    if (!inForce(regime, facts, now)) continue;
    for (const entry of regime.recipients) {
      for (const target of targets(regime, entry, facts)) {
        const context = { jurisdiction: target.jurisdiction, count: target.count, dataCategories: categories, organization: facts.organization };
        const verdict: Verdict = entry.appliesWhen === undefined ? { met: true, reasons: [], counted: false } : evaluate(entry.appliesWhen, context);
        if (verdict.met) found.push(obligation(regime, entry, target, verdict, facts, calendars));
      }
    }
  }
  return found.sort(compare);
}
