import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../http/secure-route.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import { incidentIdParams } from '../lifecycle/routes/incident-schemas.js';
import { assessmentFactsSchema } from './assessment-facts.js';
import { LIVE_STATUSES } from './live-status.js';
import type { ObligationsService } from './obligations-service.js';
import { DEADLINE_UNITS, RECIPIENTS, VERIFICATION_LEVELS } from './regime-schema.js';
import { UNCOVERED_REASONS } from './coverage.js';
import { legalFindingSchema } from '../lifecycle/scope.js';
import { PERMISSIONS } from '../auth/permissions.js';

const instant = z.string().openapi({ format: 'date-time' });
const timing = {
  deadline: z.object({ amount: z.number().nullable(), unit: z.enum(DEADLINE_UNITS), from: z.string() }),
  dueAt: instant.nullable().openapi({ description: 'UTC; null when the duty has no fixed time or a clock fact is missing' }),
  dueSoonAt: instant.nullable(),
  urgent: z.boolean().openapi({ description: 'An "immediately" / "without undue delay" duty: act now' }),
  missingFacts: z.array(z.string()).openapi({
    description: 'Facts not known yet: clock starts (`awarenessAt`) and, for an undetermined duty, what it turns on (`media`, `affected.US-WA.count`, `legalFindings.US-FL.harm`)',
  }),
};
const contents = z.array(z.object({ field: z.string(), label: z.string(), citation: z.string().optional(), section: z.string().optional(), optional: z.boolean().optional() }));

export const assessedObligationSchema = z
  .object({
    id: z.string(),
    regime: z.string(),
    regimeName: z.string(),
    jurisdiction: z.string(),
    recipient: z.enum(RECIPIENTS),
    authority: z.string().nullable(),
    contact: z.object({ channel: z.string(), url: z.string().nullable(), email: z.string().optional() }).nullable(),
    authorityLanguages: z.array(z.string()).openapi({ description: 'BCP 47 tags of the languages the authority takes reports in, where the rules name them', example: ['de'] }),
    timeZone: z.string(),
    applies: z.enum(['yes', 'undetermined']).openapi({ description: '`undetermined`: a fact the duty turns on is not known yet (see missingFacts); such duties are listed, never dropped' }),
    voluntary: z.boolean().openapi({ description: 'No law requires it; the regulator’s own guidance asks for it' }),
    ...timing,
    stages: z.array(z.object({ id: z.string(), name: z.string(), ...timing, requiredContents: contents, note: z.string().nullable() })),
    requiredContents: contents,
    prohibitedContents: z.array(z.object({ field: z.string(), label: z.string(), citation: z.string() })).openapi({ description: 'What the notice must not say' }),
    substituteNotice: z.object({ description: z.string(), citation: z.string() }).nullable(),
    exemptions: z.array(z.object({ id: z.string(), description: z.string(), citation: z.string(), likelyAvailable: z.boolean() })),
    reason: z.string().openapi({ description: 'Which threshold or fact made it apply' }),
    trigger: z.string(),
    citation: z.string(),
    source: z.array(z.string()),
    verification: z.enum(VERIFICATION_LEVELS).openapi({
      description: 'How firm the source is: `statute` (the law’s own text), `regulator` (the regulator’s own guidance) or `secondary` (a summary only)',
    }),
    verifiedAt: z.string().openapi({ format: 'date', description: 'The day the rule was last checked against its source' }),
    notes: z.array(z.string()),
  })
  .openapi('AssessedObligation');

const incidentObligationSchema = assessedObligationSchema
  .extend({
    status: z.enum(LIVE_STATUSES),
    dueAtLocal: z.string().nullable().openapi({ description: 'The due time on the regulator’s wall clock, with offset' }),
    dueSoonSince: instant.nullable(),
    overdueSince: instant.nullable(),
    submittedAt: instant.nullable(),
    notRequiredReason: z.string().nullable(),
  })
  .openapi('IncidentObligation');

const groupSchema = z
  .object({
    id: z.string().openapi({ example: 'individuals:CN' }),
    recipient: z.enum(RECIPIENTS),
    jurisdiction: z.string(),
    jurisdictionName: z.string().openapi({ example: 'China' }),
    duties: z.array(z.string()).openapi({ description: 'Obligation ids, the most pressing first' }),
    citations: z.array(z.string()).openapi({ description: 'Each duty’s citation, in the same order' }),
    urgent: z.boolean(),
    dueAt: instant.nullable().openapi({ description: 'The earliest fixed due time among them' }),
  })
  .openapi('ObligationGroup');

export const uncoveredSchema = z
  .object({
    jurisdiction: z.string().openapi({ example: 'TV' }),
    name: z.string().openapi({ example: 'Tuvalu' }),
    count: z.number().int().nullable(),
    reason: z.enum(UNCOVERED_REASONS).openapi({
      description: '`no_rules`: the rules base has none for it; `not_in_force`: its rules do not apply to this breach yet; `subdivision_needed`: its rules go by state or province',
    }),
    message: z.string().openapi({ example: 'No rules for Tuvalu: decide with counsel' }),
  })
  .openapi('UncoveredJurisdiction');

const whatIf = secureRoute(PERMISSIONS.read, {
  method: 'post',
  path: '/api/v1/assessments',
  tags: ['obligations'],
  summary: 'What-if: the obligations these facts would bring (nothing is stored)',
  request: { body: jsonBody(assessmentFactsSchema) },
  responses: {
    200: jsonResponse(
      z.object({ obligations: z.array(assessedObligationSchema), groups: z.array(groupSchema), uncovered: z.array(uncoveredSchema) }),
      'Obligations, urgent first, then by due time; the same duties grouped by recipient and jurisdiction, the most pressing first; and the affected places no rules cover',
    ),
  },
});

const forIncident = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/obligations',
  tags: ['obligations'],
  summary: 'The incident’s obligations: who to tell, by when, why, and where each stands',
  request: { params: incidentIdParams },
  responses: {
    200: jsonResponse(
      z.object({
        obligations: z.array(incidentObligationSchema),
        groups: z.array(groupSchema),
        uncovered: z.array(uncoveredSchema.extend({ decision: legalFindingSchema.nullable().openapi({ description: 'Legal’s recorded decision for the place (RECORD_LEGAL_FINDING)' }) })),
      }),
      'Obligations with live status, grouped, and the affected places no rules cover',
    ),
    404: problemResponse('No such incident'),
  },
});

export function registerObligationRoutes(app: OpenAPIHono<AppEnv>, obligations: ObligationsService, incidents: IncidentService): void {
  app.openapi(whatIf, async (c) => {
    const { obligations: assessed, uncovered } = obligations.whatIf(c.req.valid('json'));
    return c.json({ obligations: assessed, groups: obligations.groups(assessed), uncovered }, 200);
  });
  app.openapi(forIncident, async (c) => {
    const incident = await incidents.get(c.req.valid('param').id);
    const live = obligations.forIncident(incident);
    return c.json({ obligations: live, groups: obligations.groups(live), uncovered: obligations.uncoveredFor(incident) }, 200);
  });
}
