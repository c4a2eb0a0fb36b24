import { DateTime } from 'luxon';
import { findingHarm, findingRisk, type AffectedEntry, type CountBasis, type DataCategory } from '../lifecycle/scope.js';
import { evaluate, formatCount, type ApplicabilityContext, type Verdict } from './applicability.js';
import type { AssessmentFacts } from './assessment-facts.js';
import { countryOf, covers, derivation, obligationJurisdiction } from './jurisdictions.js';
import { dueSoonAt } from './due-soon.js';
import { runClock, type ClockContext } from './obligation-clock.js';
import type { Authority, DeadlineUnit, HolidayCalendar, Recipient, Regime, RegimeRecipient, VerificationLevel } from './regime-schema.js';

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
  /** The facts suggest legal could invoke it (encrypted or redacted data, legal's finding of no likely harm); never applied by the engine. */
  likelyAvailable: boolean;
}

/** `undetermined`: a fact the duty turns on is not known yet (see missingFacts); it is listed, never dropped. */
export type Applies = 'yes' | 'undetermined';

export interface AssessedObligation extends Timing {
  id: string;
  regime: string;
  regimeName: string;
  jurisdiction: string;
  recipient: Recipient;
  authority: string | null;
  contact: RegimeRecipient['contact'];
  /** The languages the authority takes reports in, where the rules name them. */
  authorityLanguages: string[];
  timeZone: string;
  applies: Applies;
  /** No law requires it: the regulator's guidance asks for it (Hong Kong's PCPD). */
  voluntary: boolean;
  stages: AssessedStage[];
  requiredContents: RegimeRecipient['requiredContents'];
  prohibitedContents: NonNullable<RegimeRecipient['prohibitedContents']>;
  substituteNotice: NonNullable<RegimeRecipient['substituteNotice']> | null;
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
  /** The people counted (a floor when some are not counted yet); null when nobody is counted. */
  count: number | null;
  countBasis: CountBasis;
  people: AffectedEntry[];
  /** Who brings the regime in, e.g. "3 affected in DE (DE is an EEA member state)". */
  coverage: string | null;
}


interface Counted {
  count: number | null;
  countBasis: CountBasis;
}

/** One count for several entries: a sum, a floor when any is uncounted or a floor, an estimate when any is one. */
function countOf(people: readonly AffectedEntry[]): Counted {
  const counted = people.filter((p) => p.count !== null);
  if (counted.length === 0) return { count: null, countBasis: 'exact' };
  const count = counted.reduce((sum, p) => sum + (p.count ?? 0), 0);
  const floor = counted.length < people.length || people.some((p) => p.countBasis === 'atLeast');
  return { count, countBasis: floor ? 'atLeast' : people.some((p) => p.countBasis === 'estimate') ? 'estimate' : 'exact' };
}

const countWords = ({ count, countBasis }: Counted): string =>
  count === null ? 'an unknown number' : countBasis === 'atLeast' ? `at least ${formatCount(count)}` : countBasis === 'estimate' ? `about ${formatCount(count)}` : formatCount(count);

type Person = AffectedEntry & { via: string | null };

function describe(jurisdiction: string, people: Person[]): string {
  const total = countWords(countOf(people));
  const only = people[0];
  if (people.length === 1 && only !== undefined && only.jurisdiction === jurisdiction) {
    return `${total} affected in ${jurisdiction}${only.via === null ? '' : ` (${only.via})`}`;
  }
  const parts = people.map((p) => `${countWords(countOf([p]))} in ${p.jurisdiction}${p.via === null ? '' : ` (${p.via})`}`);
  return `${total} affected in ${jurisdiction}: ${parts.join(', ')}`;
}

function target(jurisdiction: string, people: Person[]): Target {
  return { jurisdiction, ...countOf(people), people, coverage: people.length === 0 ? null : describe(jurisdiction, people) };
}

/** The jurisdictions one recipient entry is owed in, with the people counted for each. */
type Covered = Person & { owedIn: string };

/** The affected people a regime's territory covers, each with where its duties are owed. */
function coveredPeople(regime: Regime, facts: AssessmentFacts): Covered[] {
  return facts.affected.flatMap((a) => {
    const territory = regime.jurisdictions.find((t) => covers(t, a.jurisdiction));
    if (territory === undefined) return [];
    return [{ ...a, owedIn: obligationJurisdiction(territory, a.jurisdiction), via: derivation(territory, a.jurisdiction) }];
  });
}

/**
 * The lead authority's country for a `lead_authority` duty: the organisation's main establishment
 * when it lies in the regime's territory; null when it has none there (or none is recorded).
 */
function leadSeat(regime: Regime, facts: AssessmentFacts): string | null {
  const seat = facts.organization.mainEstablishment ?? null;
  return seat !== null && regime.jurisdictions.some((t) => covers(t, seat)) ? countryOf(seat) : null;
}

function leadWords(regime: Regime, facts: AssessmentFacts, seat: string | null): string {
  if (seat !== null) return `main establishment in ${seat}: one notification, to its lead authority`;
  const recorded = facts.organization.mainEstablishment;
  if (recorded === undefined) return 'main establishment not recorded: owed to the authority of each country where people live until it is';
  return `no main establishment in ${regime.jurisdictions.join(', ')}: owed to the authority of each country where people live`;
}

function targets(regime: Regime, entry: RegimeRecipient, people: Covered[], facts: AssessmentFacts): Target[] {
  const home = regime.jurisdictions[0] as string;
  if (regime.coverage === 'affected' && people.length === 0) return [];
  if (entry.scope === 'lead_authority') {
    const seat = leadSeat(regime, facts);
    const words = leadWords(regime, facts, seat);
    const lead = (t: Target): Target => ({ ...t, coverage: t.coverage === null ? words : `${t.coverage}; ${words}` });
    if (seat !== null) return [lead(target(seat, people))];
    if (regime.coverage === 'organization') return [lead(target(home, people))];
    return perJurisdiction(people).map(lead);
  }
  if (regime.coverage === 'organization' || entry.scope === 'once') return [target(home, people)];
  return perJurisdiction(people);
}

function perJurisdiction(people: Covered[]): Target[] {
  const owedIn = [...new Set(people.map((p) => p.owedIn))];
  return owedIn.map((jurisdiction) => target(jurisdiction, people.filter((p) => p.owedIn === jurisdiction)));
}

/** What the people of one target had exposed: their own categories and encryption where recorded, else the incident's. */
function exposureOf(target: Target, facts: AssessmentFacts): { categories: Set<DataCategory>; encrypted: boolean | null } {
  const categories = new Set<DataCategory>();
  const states = new Set<boolean | null>();
  const everyone = target.people.length === 0 ? [{ dataCategories: undefined, encrypted: undefined }] : target.people;
  for (const person of everyone) {
    for (const category of person.dataCategories ?? facts.dataCategories) categories.add(category);
    states.add(person.encrypted === undefined ? (facts.encrypted ?? null) : person.encrypted);
  }
  // Encrypted only when it was for everyone; one unencrypted share loses the harbour for the target.
  const encrypted = states.has(false) ? false : states.has(null) ? null : true;
  return { categories, encrypted };
}

/** Legal's finding for the target: recorded for its jurisdiction, or for the one place its people were recorded in. */
function findingFor(target: Target, facts: AssessmentFacts) {
  const places = [target.jurisdiction, ...target.people.map((p) => p.jurisdiction)];
  return facts.legalFindings?.find((f) => places.includes(f.jurisdiction));
}

interface Assessing {
  regime: Regime;
  entry: RegimeRecipient;
  /** The authority of the target's country, where the entry names one per country. */
  authority: Authority | undefined;
  target: Target;
  verdict: Verdict;
  facts: AssessmentFacts;
  encrypted: boolean | null;
  harm: 'likely' | 'unlikely' | null;
  zone: string;
  now: Date;
}

function exemptionsOf({ entry, facts, encrypted, harm }: Assessing): AssessedExemption[] {
  return entry.exemptions.map((e) => ({
    id: e.id,
    description: e.description,
    citation: e.citation,
    likelyAvailable:
      (e.whenEncrypted === true && encrypted === true && facts.keyExposed !== true) ||
      (e.whenRedacted === true && facts.redacted === true) ||
      (e.whenHarmUnlikely === true && harm === 'unlikely'),
  }));
}

function reasonFor(assessing: Assessing, exemptions: AssessedExemption[], delayedUntil: string | null): string {
  const { entry, target, verdict, facts } = assessing;
  const parts = verdict.counted || target.coverage === null ? [] : [target.coverage];
  parts.push(...verdict.reasons);
  const multiplied = entry.deadline.multiplied;
  if (multiplied !== undefined && facts.organization[multiplied.when] === true) {
    parts.push(`deadline x${multiplied.factor}: organization.${multiplied.when} is true (${multiplied.citation})`);
  }
  const byFlag = (flag: 'whenEncrypted' | 'whenRedacted' | 'whenHarmUnlikely') =>
    exemptions.filter((e, i) => e.likelyAvailable && entry.exemptions[i]?.[flag] === true).map((e) => e.id);
  const encrypted = byFlag('whenEncrypted');
  if (encrypted.length > 0) {
    const key = facts.keyExposed === false ? 'its key not exposed' : 'whether its key was exposed not recorded';
    parts.push(`data encrypted, ${key}: exemption ${encrypted.join(', ')} likely available, for legal to invoke`);
  }
  const redacted = byFlag('whenRedacted');
  if (redacted.length > 0) parts.push(`data redacted: exemption ${redacted.join(', ')} likely available, for legal to invoke`);
  const harm = byFlag('whenHarmUnlikely');
  if (harm.length > 0) parts.push(`legal found harm unlikely: exemption ${harm.join(', ')} available, for legal to invoke`);
  if (delayedUntil !== null) parts.push(`law enforcement asked for notice to wait until ${delayedUntil}`);
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

/**
 * A delay law enforcement asked for, where the statute allows one: the notice falls due at the end
 * of the delay's last day (in the regulator's zone) if that is later, and is not urgent before then.
 */
function delayed(main: Timing, assessing: Assessing): { timing: Timing; until: string | null } {
  const until = assessing.facts.lawEnforcementDelayUntil ?? null;
  if (until === null || !assessing.entry.exemptions.some((e) => e.lawEnforcementDelay === true)) return { timing: main, until: null };
  const end = DateTime.fromISO(until, { zone: assessing.zone }).endOf('day');
  const endIso = end.toUTC().toISO() as string;
  const waiting = assessing.now.getTime() < end.toMillis();
  if (main.dueAt !== null && main.dueAt >= endIso) return { timing: main, until };
  const dueAt = main.dueAt === null ? null : endIso;
  return {
    timing: { ...main, dueAt, dueSoonAt: dueAt === null ? main.dueSoonAt : dueSoonAt(assessing.now, dueAt), urgent: main.urgent && !waiting },
    until,
  };
}

function obligation(assessing: Assessing, calendars: ReadonlyMap<string, HolidayCalendar>): AssessedObligation {
  const { regime, entry, authority, target, verdict, facts, zone } = assessing;
  const id = `${regime.id}:${entry.id}:${target.jurisdiction}`;
  const context: ClockContext = { facts, zone, calendar: calendars.get(regime.calendar ?? ''), obligationId: id, regimeId: regime.id };
  const stages = (entry.stages ?? []).map((stage) => ({
    id: `${id}:${stage.id}`,
    name: stage.name,
    ...timing(stage.deadline, context),
    requiredContents: stage.requiredContents ?? [],
    note: stage.note ?? stage.deadline.note ?? null,
  }));
  const { timing: main, until } = delayed(timing(entry.deadline, context), assessing);
  const exemptions = exemptionsOf(assessing);
  return {
    id,
    regime: regime.id,
    regimeName: regime.name,
    jurisdiction: target.jurisdiction,
    recipient: entry.recipient,
    authority: authority?.name ?? entry.authority,
    contact: authority === undefined ? entry.contact : authority.contact,
    authorityLanguages: authority?.languages ?? [],
    timeZone: zone,
    applies: verdict.met === true ? 'yes' : 'undetermined',
    voluntary: entry.voluntary === true,
    ...main,
    missingFacts: [...new Set([...verdict.missing, ...main.missingFacts])],
    // A stage demanding action "immediately" makes the duty urgent once that stage's clock runs.
    urgent: main.urgent || stages.some((s) => s.urgent && s.missingFacts.length === 0),
    stages,
    requiredContents: entry.requiredContents,
    prohibitedContents: entry.prohibitedContents ?? [],
    substituteNotice: entry.substituteNotice ?? null,
    exemptions,
    reason: reasonFor(assessing, exemptions, until),
    trigger: entry.trigger,
    citation: authority?.citation === undefined ? entry.citation : `${entry.citation}; ${authority.citation}`,
    source: [...entry.source, ...(authority?.source ?? [])],
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

// Day boundaries by day and zone: an assessment of every regime asks for the same few thousands of times.
const boundaries = new Map<string, number>();
function boundary(day: string, zone: string, end: boolean): number {
  const key = `${day}|${zone}|${end}`;
  let at = boundaries.get(key);
  if (at === undefined) {
    const start = DateTime.fromISO(day, { zone }).startOf('day');
    at = (end ? start.plus({ days: 1 }) : start).toMillis();
    boundaries.set(key, at);
  }
  return at;
}

/** The instant a breach is dated by for laws' dates: when the organisation became aware, else when it occurred, else now. */
const referenceInstant = (facts: AssessmentFacts, now: Date): number => Date.parse(facts.awarenessAt ?? facts.occurredAt ?? now.toISOString());

/** Whether the days from `from` to `until` (each optional, in `zone`) hold the breach's reference instant. */
function within(from: string | undefined, until: string | undefined, zone: string, facts: AssessmentFacts, now: Date): boolean {
  if (from === undefined && until === undefined) return true;
  const at = referenceInstant(facts, now);
  return (from === undefined || at >= boundary(from, zone, false)) && (until === undefined || at < boundary(until, zone, true));
}

/**
 * Whether a regime is in force for this breach: from its commencement day to its last day (in its
 * own time zone), judged by when the organisation became aware (else when it occurred, else `now`).
 */
export const inForce = (regime: Regime, facts: AssessmentFacts, now: Date): boolean => within(regime.inForceFrom, regime.inForceUntil, regime.timeZone, facts, now);

/** Whether the regime's first day (in its zone) is still to come for this breach, as against having ended. */
export const notYetBegun = (regime: Regime, facts: AssessmentFacts, now: Date): boolean =>
  regime.inForceFrom !== undefined && referenceInstant(facts, now) < boundary(regime.inForceFrom, regime.timeZone, false);

/** The same for one duty, whose dates may differ from its regime's, and for the authority it is owed to. */
function entryInForce(regime: Regime, entry: RegimeRecipient, authority: Authority | undefined, facts: AssessmentFacts, now: Date): boolean {
  const from = [entry.inForceFrom ?? regime.inForceFrom, authority?.inForceFrom].filter((d) => d !== undefined).sort().at(-1);
  return within(from, entry.inForceUntil ?? regime.inForceUntil, regime.timeZone, facts, now);
}

export interface AssessOptions {
  /** The organisation's time zone, for regimes that count from its discovery (countsInOrganizationZone). */
  organizationTimeZone?: string | null | undefined;
}

/**
 * Facts in, obligations out: every duty the regimes in force impose on this incident, each with
 * its due time, the facts still missing, and the reason it applies. A duty that turns on a fact not
 * known yet is listed as undetermined, never dropped. Exemptions are listed for legal to invoke;
 * none is applied here, so encrypted data never silently removes a duty.
 */
export function assess(
  facts: AssessmentFacts,
  regimes: readonly Regime[],
  calendars: ReadonlyMap<string, HolidayCalendar>,
  now: Date,
  options: AssessOptions = {},
): AssessedObligation[] {
  const found: AssessedObligation[] = [];
  for (const regime of regimes) {
    if (!inForce(regime, facts, now)) continue;
    const zone = regime.countsInOrganizationZone === true && options.organizationTimeZone ? options.organizationTimeZone : regime.timeZone;
    const people = coveredPeople(regime, facts);
    if (regime.coverage === 'affected' && people.length === 0) continue;
    for (const entry of regime.recipients) {
      for (const target of targets(regime, entry, people, facts)) {
        const authority = entry.authorities?.[target.jurisdiction];
        if (!entryInForce(regime, entry, authority, facts, now)) continue;
        const { categories, encrypted } = exposureOf(target, facts);
        const finding = findingFor(target, facts);
        const harm = finding === undefined ? null : findingHarm(finding);
        const context: ApplicabilityContext = {
          jurisdiction: target.jurisdiction,
          count: target.count,
          countBasis: target.countBasis,
          dataCategories: categories,
          organization: facts.organization,
          role: facts.role,
          media: facts.media,
          harm,
          risk: finding === undefined ? null : findingRisk(finding),
          nature: facts.nature,
        };
        const verdict: Verdict = entry.appliesWhen === undefined ? { met: true, reasons: [], counted: false, missing: [] } : evaluate(entry.appliesWhen, context);
        if (verdict.met !== false) found.push(obligation({ regime, entry, authority, target, verdict, facts, encrypted, harm, zone, now }, calendars));
      }
    }
  }
  return found.sort(compare);
}
