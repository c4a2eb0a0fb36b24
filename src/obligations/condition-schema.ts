import { z } from 'zod';
import { DATA_CATEGORIES, HARM_FINDINGS, INCIDENT_FACTS, MEDIA, organizationSchema, ROLES, type DataCategory, type HarmFinding, type IncidentFact, type Medium, type OrganizationRole } from '../lifecycle/scope.js';

/**
 * The small language regime files use to say when a duty applies. A leaf tests one fact; `allOf`,
 * `anyOf` and `not` combine them. Every leaf can carry a `label` that is quoted in the reason an
 * obligation gives, so legal reads "1,200,000 affected in CN >= 1,000,000 (较大)" rather than a rule id.
 */
export type OrganizationFact = keyof z.infer<typeof organizationSchema>;
const ORGANIZATION_FACTS = organizationSchema.keyof().options;

export interface AffectedTest {
  atLeast?: number | undefined;
  moreThan?: number | undefined;
  below?: number | undefined;
}

export interface Condition {
  /** The people affected in the jurisdiction the obligation is owed in (or the regime's total). */
  affected?: AffectedTest | undefined;
  /** At least one of these categories was exposed. */
  dataCategories?: { anyOf: DataCategory[] } | undefined;
  /** A boolean organisation fact is true, or an enumerated one is one of `in`. */
  organization?: { fact: OrganizationFact; in?: string[] | undefined } | undefined;
  /** The organisation's role for this data; unset, it is the data's owner (controller). */
  role?: OrganizationRole | undefined;
  /** The data sat on one of these media; undetermined until the incident records its media. */
  media?: { anyOf: Medium[] } | undefined;
  /** Legal's finding for the jurisdiction: `likely` is undetermined until one is recorded, `unlikely` unmet. */
  harmFinding?: HarmFinding | undefined;
  /** Legal's GDPR-style risk finding for the jurisdiction reaches this level; undetermined until one is recorded. */
  riskFinding?: 'risk' | 'high' | undefined;
  /** What the incident did (NYDFS, the banking agencies); undetermined until recorded. */
  incident?: { fact: IncidentFact } | undefined;
  /** A point the facts cannot settle; always met, and the reason says legal must judge it. */
  judgement?: string | undefined;
  allOf?: Condition[] | undefined;
  anyOf?: Condition[] | undefined;
  not?: Condition | undefined;
  label?: string | undefined;
}

const KINDS = ['affected', 'dataCategories', 'organization', 'role', 'media', 'harmFinding', 'riskFinding', 'incident', 'judgement', 'allOf', 'anyOf', 'not'] as const;
const LEAVES = new Set<string>(['affected', 'dataCategories', 'organization', 'role', 'media', 'harmFinding', 'riskFinding', 'incident']);

const count = z.number().int().min(0);
const affectedTestSchema = z
  .strictObject({ atLeast: count.optional(), moreThan: count.optional(), below: count.optional() })
  .refine((t) => [t.atLeast, t.moreThan, t.below].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of atLeast, moreThan, below',
  });

const organizationTestSchema = z
  .strictObject({ fact: z.enum(ORGANIZATION_FACTS), in: z.array(z.string()).min(1).optional() })
  .superRefine((test, ctx) => {
    const factSchema = organizationSchema.shape[test.fact];
    if (test.in === undefined) {
      if (!factSchema.safeParse(true).success) {
        ctx.addIssue({ code: 'custom', path: ['in'], message: `${test.fact} is not a yes/no fact: list its values in "in"` });
      }
      return;
    }
    test.in.forEach((value, index) => {
      if (!factSchema.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', path: ['in', index], message: `"${value}" is not a value of ${test.fact}` });
      }
    });
  });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      affected: affectedTestSchema.optional(),
      dataCategories: z.strictObject({ anyOf: z.array(z.enum(DATA_CATEGORIES)).min(1) }).optional(),
      organization: organizationTestSchema.optional(),
      role: z.enum(ROLES).optional(),
      media: z.strictObject({ anyOf: z.array(z.enum(MEDIA)).min(1) }).optional(),
      harmFinding: z.enum(HARM_FINDINGS).optional(),
      riskFinding: z.enum(['risk', 'high']).optional(),
      incident: z.strictObject({ fact: z.enum(INCIDENT_FACTS) }).optional(),
      judgement: z.string().min(1).optional(),
      allOf: z.array(conditionSchema).min(1).optional(),
      anyOf: z.array(conditionSchema).min(1).optional(),
      not: conditionSchema.optional(),
      label: z.string().min(1).optional(),
    })
    .superRefine((condition, ctx) => {
      const kinds = KINDS.filter((kind) => condition[kind] !== undefined);
      if (kinds.length !== 1) {
        ctx.addIssue({ code: 'custom', message: `give exactly one of ${KINDS.join(', ')} (found ${kinds.length})` });
      } else if (condition.label !== undefined && !LEAVES.has(kinds[0] as string)) {
        ctx.addIssue({ code: 'custom', path: ['label'], message: 'only a leaf (not judgement, allOf, anyOf or not) takes a label' });
      }
    }),
);
