import { z } from 'zod';
import { affectedSchema, DATA_CATEGORIES, isoInstantSchema, organizationSchema } from '../lifecycle/scope.js';

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
  stagesSubmittedAt: z.record(z.string(), isoInstantSchema).optional(),
  organization: organizationSchema,
  affected: affectedSchema,
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length),
  /** Whether the exposed data was encrypted with a key that was not exposed. */
  encrypted: z.boolean().nullable().optional(),
});
export type AssessmentFacts = z.infer<typeof assessmentFactsSchema>;
