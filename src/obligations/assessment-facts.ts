import { z } from 'zod';
import { affectedSchema, DATA_CATEGORIES, incidentDetailShape, isoInstantSchema, legalFindingsSchema, organizationSchema } from '../lifecycle/scope.js';

const instant = isoInstantSchema.nullable().optional();

/**
 * What an assessment is made from: the incident's scope and clock facts in the shared vocabulary.
 * `stagesSubmittedAt` records when staged reports went in (keyed by stage id, e.g.
 * `eu-nis2:regulator:EU:notification`), since some later stages count from an earlier submission.
 */
export const assessmentFactsSchema = z.strictObject({
  awarenessAt: isoInstantSchema.nullable(),
  occurredAt: instant,
  materialityDeterminedAt: instant,
  assessedNotifiableAt: instant,
  individualsNotifiedAt: instant,
  handlingEndedAt: instant,
  extortionPaidAt: instant,
  stagesSubmittedAt: z.record(z.string(), isoInstantSchema).optional(),
  organization: organizationSchema,
  affected: affectedSchema,
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length),
  /** Whether the exposed data was encrypted; `keyExposed` says whether its key went with it. */
  encrypted: z.boolean().nullable().optional(),
  ...incidentDetailShape,
  legalFindings: legalFindingsSchema.optional(),
});
export type AssessmentFacts = z.infer<typeof assessmentFactsSchema>;
