import { z } from 'zod';
import { fieldIssues, ForbiddenError, InvalidInputError, type FieldIssue } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { mayRoleSend, EVENT_ROLES } from './event-permissions.js';
import { EVENT_TYPES, eventInputSchemas, isEventType, isSystemEventType, type EventInput, type PublicEventType } from './events.js';
import { PHASES } from './incident-transitions.js';
import { isoInstantSchema, SEVERITIES } from './scope.js';

/** Validation of what callers send to the incident service; every failure names the field. */

export const createIncidentSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    severity: z.enum(SEVERITIES),
    summary: z.string().max(10_000).default(''),
    detectedAt: isoInstantSchema.optional(),
  })
  .strict();
export type CreateIncidentInput = z.input<typeof createIncidentSchema>;

export const listIncidentsSchema = z
  .object({
    phase: z.enum(PHASES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();
export type ListIncidentsInput = z.input<typeof listIncidentsSchema>;

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(`invalid ${what}`, fieldIssues(parsed.error.issues));
  return parsed.data;
}

// Facts about the past may not lie in the future; a little slack absorbs clock skew between hosts.
const FUTURE_SLACK_MS = 5 * 60_000;
const PAST_FACT_FIELDS = ['awarenessAt', 'occurredAt', 'performedAt', 'containedAt', 'submittedAt', 'detectedAt'];

export function futureFactIssues(input: Record<string, unknown>, now: Date, prefix = ''): FieldIssue[] {
  const limit = now.getTime() + FUTURE_SLACK_MS;
  const issues: FieldIssue[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (field === 'clockFacts' && typeof value === 'object' && value !== null) {
      // Every clock fact is an instant that has already happened.
      issues.push(...futureFactIssues(value as Record<string, unknown>, now, 'clockFacts.'));
      continue;
    }
    const isFact = PAST_FACT_FIELDS.includes(field) || prefix !== '';
    if (isFact && typeof value === 'string' && Date.parse(value) > limit) {
      issues.push({ path: `${prefix}${field}`, message: 'must not be in the future' });
    }
  }
  return issues;
}

/**
 * Validates an event from a client: a known public type, the fields that type takes, a role
 * allowed to send it, and no facts dated in the future.
 */
export function parseClientEvent(input: unknown, actor: Actor, now: Date): EventInput {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (!isEventType(type)) {
    throw new InvalidInputError('invalid event', [
      { path: 'type', message: `must be one of ${EVENT_TYPES.filter((t) => !isSystemEventType(t)).join(', ')}` },
    ]);
  }
  if (isSystemEventType(type)) {
    throw new ForbiddenError(`${type} is sent by Breachline itself (notices, delivery, scheduler), not by clients`);
  }
  if (actor.kind === 'token' && !mayRoleSend(actor.role, type as PublicEventType)) {
    throw new ForbiddenError(
      `role ${actor.role} may not send ${type}; allowed roles: ${EVENT_ROLES[type as PublicEventType].join(', ')}`,
    );
  }
  const event = parseOrThrow(eventInputSchemas[type], input, 'event') as EventInput;
  const issues = futureFactIssues(event as Record<string, unknown>, now);
  if (issues.length > 0) throw new InvalidInputError('invalid event', issues);
  return event;
}
