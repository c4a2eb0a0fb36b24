import type { DataCategory, Organization } from '../lifecycle/scope.js';
import type { AffectedTest, Condition } from './condition-schema.js';

/** What a condition is tested against: one jurisdiction's (or one regime's) share of the incident. */
export interface ApplicabilityContext {
  jurisdiction: string;
  count: number;
  dataCategories: ReadonlySet<DataCategory>;
  organization: Organization;
}

/**
 * The outcome and its explanation. The reasons explain the outcome either way (why it holds, or why
 * not), so `not` can reuse them and legal can see what decided an obligation.
 */
export interface Verdict {
  met: boolean;
  reasons: string[];
  /** Whether a reason already names the people counted, so the caller need not repeat them. */
  counted: boolean;
}

const formatCount = (n: number): string => n.toLocaleString('en-US');
const withLabel = (reason: string, label: string | undefined): string => (label === undefined ? reason : `${reason} (${label})`);

function affectedVerdict(test: AffectedTest, context: ApplicabilityContext): Omit<Verdict, 'counted'> {
  const { count } = context;
  const [met, op, failOp, threshold] =
    test.atLeast !== undefined
      ? [count >= test.atLeast, '>=', '<', test.atLeast]
      : test.moreThan !== undefined
        ? [count > test.moreThan, '>', '<=', test.moreThan]
        : [count < (test.below ?? 0), '<', '>=', test.below ?? 0];
  const who = `${formatCount(count)} affected in ${context.jurisdiction}`;
  return { met, reasons: [`${who} ${met ? op : failOp} ${formatCount(threshold)}`] };
}

function organizationVerdict(test: NonNullable<Condition['organization']>, organization: Organization): Omit<Verdict, 'counted'> {
  const value = organization[test.fact];
  if (test.in === undefined) {
    const met = value === true;
    return { met, reasons: [`organization.${test.fact} is ${met ? '' : 'not '}true`] };
  }
  const met = typeof value === 'string' && test.in.includes(value);
  const shown = value === undefined || value === null ? 'not set' : String(value);
  return { met, reasons: [met ? `organization.${test.fact} is ${shown}` : `organization.${test.fact} is ${shown}, not ${test.in.join(' or ')}`] };
}

function leafVerdict(condition: Condition, context: ApplicabilityContext): Verdict | null {
  let verdict: Omit<Verdict, 'counted'>;
  if (condition.affected !== undefined) verdict = affectedVerdict(condition.affected, context);
  else if (condition.organization !== undefined) verdict = organizationVerdict(condition.organization, context.organization);
  else if (condition.dataCategories !== undefined) {
    const wanted = condition.dataCategories.anyOf;
    const found = wanted.filter((category) => context.dataCategories.has(category));
    verdict = {
      met: found.length > 0,
      reasons: [found.length > 0 ? `data categories include ${found.join(', ')}` : `data categories include none of ${wanted.join(', ')}`],
    };
  } else return null;
  return { met: verdict.met, reasons: verdict.reasons.map((r) => withLabel(r, condition.label)), counted: condition.affected !== undefined };
}

const merge = (met: boolean, verdicts: Verdict[]): Verdict => ({
  met,
  reasons: verdicts.flatMap((v) => v.reasons),
  counted: verdicts.some((v) => v.counted),
});

/** Tests a regime file's condition; `anyOf` explains itself by its first alternative that holds. */
export function evaluate(condition: Condition, context: ApplicabilityContext): Verdict {
  const leaf = leafVerdict(condition, context);
  if (leaf !== null) return leaf;
  if (condition.judgement !== undefined) {
    return { met: true, reasons: [`only if ${condition.judgement} (legal to judge)`], counted: false };
  }
  if (condition.not !== undefined) {
    const inner = evaluate(condition.not, context);
    return { ...inner, met: !inner.met };
  }
  if (condition.allOf !== undefined) {
    const verdicts = condition.allOf.map((c) => evaluate(c, context));
    const failed = verdicts.find((v) => !v.met);
    return failed === undefined ? merge(true, verdicts) : merge(false, [failed]);
  }
  const verdicts = (condition.anyOf ?? []).map((c) => evaluate(c, context));
  const held = verdicts.find((v) => v.met);
  return held === undefined ? merge(false, verdicts) : merge(true, [held]);
}
