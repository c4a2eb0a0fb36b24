import type { CountBasis, DataCategory, HarmFinding, IncidentFact, Medium, Organization, OrganizationRole, RiskFinding } from '../lifecycle/scope.js';
import type { AffectedTest, Condition } from './condition-schema.js';

/** What a condition is tested against: one jurisdiction's (or one regime's) share of the incident. */
export interface ApplicabilityContext {
  jurisdiction: string;
  /** null: people are affected but nobody has counted them yet. */
  count: number | null;
  countBasis?: CountBasis | undefined;
  dataCategories: ReadonlySet<DataCategory>;
  organization: Organization;
  role?: OrganizationRole | undefined;
  media?: readonly Medium[] | undefined;
  harm?: HarmFinding | null | undefined;
  risk?: RiskFinding | null | undefined;
  nature?: Partial<Record<IncidentFact, boolean | null>> | undefined;
}

/**
 * The outcome and its explanation, in three values: `met` is null when a fact the condition needs
 * is not known yet, and `missing` names those facts, so the duty is listed as undetermined rather
 * than guessed away. The reasons explain the outcome either way (why it holds, why not, or what is
 * still open), so `not` can reuse them and legal can see what decided an obligation.
 */
export interface Verdict {
  met: boolean | null;
  reasons: string[];
  /** Whether a reason already names the people counted, so the caller need not repeat them. */
  counted: boolean;
  missing: string[];
}

type Outcome = Omit<Verdict, 'counted'>;

// One formatter: Number#toLocaleString builds a new one on every call, which an assessment of every US state feels.
const counts = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => counts.format(n);
const withLabel = (reason: string, label: string | undefined): string => (label === undefined ? reason : `${reason} (${label})`);
const known = (met: boolean, reason: string): Outcome => ({ met, reasons: [reason], missing: [] });
const open = (reason: string, fact: string): Outcome => ({ met: null, reasons: [reason], missing: [fact] });

function affectedVerdict(test: AffectedTest, context: ApplicabilityContext): Outcome {
  const [op, failOp, threshold] =
    test.atLeast !== undefined ? ['>=', '<', test.atLeast] : test.moreThan !== undefined ? ['>', '<=', test.moreThan] : ['<', '>=', test.below ?? 0];
  const holds = (n: number) => (test.atLeast !== undefined ? n >= threshold : test.moreThan !== undefined ? n > threshold : n < threshold);
  const fact = `affected.${context.jurisdiction}.count`;
  const { count } = context;
  if (count === null) return open(`number affected in ${context.jurisdiction} not known yet (the threshold is ${op} ${formatCount(threshold)})`, fact);
  if (context.countBasis === 'atLeast') {
    // A floor settles "at least" and "more than" once it passes them, and "below" once it reaches it.
    const settled = test.below === undefined ? holds(count) : !holds(count);
    const who = `at least ${formatCount(count)} affected in ${context.jurisdiction}`;
    if (!settled) return open(`${who}: not yet known whether ${op} ${formatCount(threshold)}`, fact);
    return known(holds(count), `${who} ${holds(count) ? op : failOp} ${formatCount(threshold)}`);
  }
  const estimate = context.countBasis === 'estimate' ? ' (an estimate)' : '';
  const met = holds(count);
  return known(met, `${formatCount(count)} affected in ${context.jurisdiction}${estimate} ${met ? op : failOp} ${formatCount(threshold)}`);
}

function organizationVerdict(test: NonNullable<Condition['organization']>, organization: Organization): Outcome {
  const value = organization[test.fact];
  if (test.in === undefined) {
    const met = value === true;
    return known(met, `organization.${test.fact} is ${met ? '' : 'not '}true`);
  }
  const met = typeof value === 'string' && test.in.includes(value);
  const shown = value === undefined || value === null ? 'not set' : String(value);
  return known(met, met ? `organization.${test.fact} is ${shown}` : `organization.${test.fact} is ${shown}, not ${test.in.join(' or ')}`);
}

function roleVerdict(wanted: OrganizationRole, context: ApplicabilityContext): Outcome {
  const role = context.role ?? 'controller';
  const words = { controller: 'owns or licenses the data', processor: 'maintains the data for another' };
  return known(role === wanted, role === wanted ? `the organization ${words[role]}` : `the organization ${words[role]}, not ${wanted === 'controller' ? 'its owner' : 'a vendor'}`);
}

function mediaVerdict(wanted: readonly Medium[], context: ApplicabilityContext): Outcome {
  const media = context.media ?? [];
  if (media.length === 0) return open(`media not recorded (the law covers ${wanted.join(' or ')} data)`, 'media');
  const found = wanted.filter((m) => media.includes(m));
  return known(found.length > 0, found.length > 0 ? `${found.join(' and ')} data` : `${media.join(' and ')} data only, not ${wanted.join(' or ')}`);
}

function harmVerdict(wanted: HarmFinding, context: ApplicabilityContext): Outcome {
  const finding = context.harm ?? null;
  const where = context.jurisdiction;
  if (finding === null) {
    return wanted === 'likely'
      ? open(`no finding yet on whether harm is likely in ${where} (legal to record)`, `legalFindings.${where}.harm`)
      : known(false, `no finding that harm is unlikely in ${where}`);
  }
  return known(finding === wanted, `legal found harm ${finding} in ${where}`);
}

const RISK_WORDS: Record<RiskFinding, string> = { unlikely: 'unlikely to result in a risk', risk: 'likely to result in a risk', high: 'likely to result in a high risk' };
const RISK_ORDER: readonly RiskFinding[] = ['unlikely', 'risk', 'high'];

/** A risk test holds when legal's finding reaches the level asked for (a high risk is also a risk). */
function riskVerdict(wanted: 'risk' | 'high', context: ApplicabilityContext): Outcome {
  const finding = context.risk ?? null;
  const where = context.jurisdiction;
  if (finding === null) return open(`no risk finding yet for ${where} (legal to record whether the breach is ${RISK_WORDS[wanted]})`, `legalFindings.${where}.risk`);
  return known(RISK_ORDER.indexOf(finding) >= RISK_ORDER.indexOf(wanted), `legal found the breach ${RISK_WORDS[finding]} in ${where}`);
}

function incidentVerdict(fact: IncidentFact, context: ApplicabilityContext): Outcome {
  const value = context.nature?.[fact];
  if (value === undefined || value === null) return open(`nature.${fact} not recorded`, `nature.${fact}`);
  return known(value, `nature.${fact} is ${value}`);
}

function leafVerdict(condition: Condition, context: ApplicabilityContext): Verdict | null {
  let outcome: Outcome;
  if (condition.affected !== undefined) outcome = affectedVerdict(condition.affected, context);
  else if (condition.organization !== undefined) outcome = organizationVerdict(condition.organization, context.organization);
  else if (condition.role !== undefined) outcome = roleVerdict(condition.role, context);
  else if (condition.media !== undefined) outcome = mediaVerdict(condition.media.anyOf, context);
  else if (condition.harmFinding !== undefined) outcome = harmVerdict(condition.harmFinding, context);
  else if (condition.incident !== undefined) outcome = incidentVerdict(condition.incident.fact, context);
  else if (condition.riskFinding !== undefined) outcome = riskVerdict(condition.riskFinding, context);
  else if (condition.dataCategories !== undefined) {
    const wanted = condition.dataCategories.anyOf;
    const found = wanted.filter((category) => context.dataCategories.has(category));
    outcome = known(found.length > 0, found.length > 0 ? `data categories include ${found.join(', ')}` : `data categories include none of ${wanted.join(', ')}`);
  } else return null;
  return { ...outcome, reasons: outcome.reasons.map((r) => withLabel(r, condition.label)), counted: condition.affected !== undefined };
}

const merge = (met: boolean | null, verdicts: Verdict[]): Verdict => ({
  met,
  reasons: verdicts.flatMap((v) => v.reasons),
  counted: verdicts.some((v) => v.counted),
  missing: [...new Set(verdicts.flatMap((v) => v.missing))],
});

/**
 * Tests a regime file's condition in three-valued logic: `allOf` fails on any failure and is open
 * while any part is; `anyOf` holds on any success (explained by the first) and is open while any
 * part is; `not` keeps an open verdict open.
 */
export function evaluate(condition: Condition, context: ApplicabilityContext): Verdict {
  const leaf = leafVerdict(condition, context);
  if (leaf !== null) return leaf;
  if (condition.judgement !== undefined) {
    return { met: true, reasons: [`only if ${condition.judgement} (legal to judge)`], counted: false, missing: [] };
  }
  if (condition.not !== undefined) {
    const inner = evaluate(condition.not, context);
    return { ...inner, met: inner.met === null ? null : !inner.met };
  }
  if (condition.allOf !== undefined) {
    const verdicts = condition.allOf.map((c) => evaluate(c, context));
    const failed = verdicts.find((v) => v.met === false);
    if (failed !== undefined) return merge(false, [failed]);
    return merge(verdicts.some((v) => v.met === null) ? null : true, verdicts);
  }
  const verdicts = (condition.anyOf ?? []).map((c) => evaluate(c, context));
  const held = verdicts.find((v) => v.met === true);
  if (held !== undefined) return merge(true, [held]);
  const openOnes = verdicts.filter((v) => v.met === null);
  return openOnes.length > 0 ? merge(null, openOnes) : merge(false, verdicts);
}
