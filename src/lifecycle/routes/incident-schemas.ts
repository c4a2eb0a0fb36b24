import { z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/actor.js';
import { PUBLIC_EVENT_TYPES } from '../events.js';
import { PHASES } from '../incident-transitions.js';
import { CLOCK_FACTS, scopeSchema, SEVERITIES } from '../scope.js';

/** Response shapes of the incident routes, for the OpenAPI document and for tests to check against. */
const instant = z.string().openapi({ format: 'date-time', example: '2026-03-06T10:00:00.000Z' });
const decision = z.object({ reason: z.string(), by: z.string(), at: instant });
const approvedVersion = z.object({ versionId: z.string(), contentHash: z.string() });

export const actorSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('token'), id: z.string(), name: z.string(), role: z.enum(ROLES) }),
    z.object({ kind: z.literal('system'), id: z.string() }),
  ])
  .openapi('Actor');

export const obligationSchema = z
  .object({
    id: z.string(),
    regime: z.string(),
    jurisdiction: z.string(),
    recipient: z.enum(['regulator', 'individuals', 'media', 'other']),
    authority: z.string(),
    dueAt: instant.nullable(),
    citation: z.string(),
    status: z.enum(['pending', 'drafting', 'in_review', 'approved', 'submitted', 'not_required']),
    assessedAt: instant,
    dueSoonAt: instant.nullable(),
    dueSoonSince: instant.nullable(),
    overdueSince: instant.nullable(),
    notRequired: decision.nullable(),
    approvedVersion: approvedVersion.nullable(),
    submission: z.object({ channel: z.string(), reference: z.string().nullable(), submittedAt: instant, by: z.string() }).nullable(),
    allowedEvents: z.array(z.string()),
  })
  .openapi('IncidentObligation');

export const incidentSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    phase: z.enum(PHASES),
    title: z.string(),
    severity: z.enum(SEVERITIES),
    summary: z.string(),
    detectedAt: instant,
    tracks: z.object({ containment: z.string(), individuals: z.string(), regulators: z.string() }).nullable(),
    responders: z.array(z.object({ name: z.string(), email: z.string() })),
    scope: scopeSchema,
    clock: z.object(Object.fromEntries(CLOCK_FACTS.map((fact) => [fact, instant.nullable()]))),
    containment: z.object({
      actions: z.array(z.object({ description: z.string(), performedAt: instant, by: z.string() })),
      containedAt: instant.nullable(),
    }),
    individuals: z.object({
      notRequired: decision.extend({ citation: z.string().nullable() }).nullable(),
      approvedVersion: approvedVersion.nullable(),
      sendId: z.string().nullable(),
      sendPaused: z.object({ reason: z.string(), at: instant }).nullable(),
    }),
    obligations: z.array(obligationSchema),
    obligationsAssessedAt: instant.nullable(),
    dismissal: decision.nullable(),
    review: z
      .object({
        cause: z.string(),
        lessons: z.string(),
        actions: z.array(z.object({ description: z.string(), owner: z.string().optional() })),
        completedAt: instant,
        by: z.string(),
      })
      .nullable(),
    closure: z
      .object({ closedAt: instant, by: z.string(), unmetObligationsReason: z.string().nullable(), unmetObligationIds: z.array(z.string()) })
      .nullable(),
    reopenings: z.array(decision),
    alerts: z.array(
      z.object({ alertId: z.string(), source: z.string(), title: z.string(), severity: z.string(), linkedAt: instant, resolvedAt: instant.nullable() }),
    ),
    allowedEvents: z.array(z.enum(PUBLIC_EVENT_TYPES)).openapi({ description: 'Events that may be sent now' }),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi('Incident');

export const incidentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    severity: z.enum(SEVERITIES),
    phase: z.enum(PHASES),
    nextDueAt: instant.nullable().openapi({ description: 'When the first unsettled duty falls due (overdue ones included); null when no clock runs' }),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi('IncidentSummary');

export const incidentPageSchema = z
  .object({ items: z.array(incidentSummarySchema), nextCursor: z.string().nullable() })
  .openapi('IncidentPage');

export const timelineSchema = z
  .object({
    items: z.array(
      z.object({ seq: z.number().int(), type: z.string(), at: instant, actor: actorSchema, payload: z.record(z.string(), z.unknown()) }),
    ),
  })
  .openapi('Timeline');

export const incidentIdParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '0b8f0d5e-3c7e-4a53-9a57-2f2d9b3c1e11' }),
});
