import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { enisaSeveritySchema } from './enisa-severity.js';
import { affectedSchema, DATA_CATEGORIES, HARM_FINDINGS, incidentDetailShape, isoInstantSchema, jurisdictionSchema, organizationSchema, RISK_FINDINGS, SEVERITIES } from './scope.js';

/**
 * Every event the incident lifecycle accepts, as zod schemas of what a caller sends. The service
 * validates input against these, then stamps each event with `at` and `actor` before the machine
 * sees it, so the machine stays pure (it never reads a clock).
 */
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const id = z.string().trim().min(1).max(200);
const count = z.number().int().min(0);
const obligationId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'letters, digits and . _ : - only');

const obligationInput = z
  .object({
    id: obligationId,
    regime: text(100),
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$|^EU$/, 'must be an ISO 3166 code or EU'),
    recipient: z.enum(['regulator', 'individuals', 'media', 'other']),
    authority: text(500),
    dueAt: isoInstantSchema.nullable(),
    /** When a quarter of the window is left (or an hour, for short windows): the due-soon escalation. */
    dueSoonAt: isoInstantSchema.nullable().optional(),
    citation: text(500),
  })
  .strict();
export type ObligationInput = z.infer<typeof obligationInput>;

const publicEvents = {
  CONFIRM: { awarenessAt: isoInstantSchema, occurredAt: isoInstantSchema.optional() },
  DISMISS: { reason: text(2000) },
  RECORD_CONTAINMENT_ACTION: { description: text(2000), performedAt: isoInstantSchema.optional() },
  MARK_CONTAINED: { containedAt: isoInstantSchema.optional() },
  UPDATE_SCOPE: {
    title: text(200).optional(),
    severity: z.enum(SEVERITIES).optional(),
    summary: z.string().max(10_000).optional(),
    affected: affectedSchema.optional(),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length).optional(),
    organization: organizationSchema.optional(),
    encrypted: z.boolean().nullable().optional(),
    ...incidentDetailShape,
    clockFacts: z
      .object({
        occurredAt: isoInstantSchema.nullable(),
        materialityDeterminedAt: isoInstantSchema.nullable(),
        assessedNotifiableAt: isoInstantSchema.nullable(),
        handlingEndedAt: isoInstantSchema.nullable(),
        extortionPaidAt: isoInstantSchema.nullable(),
      })
      .partial()
      .strict()
      .optional(),
  },
  INDIVIDUALS_NOTICE_REQUIRED: {},
  INDIVIDUALS_NOT_REQUIRED: { reason: text(2000), citation: text(500).optional() },
  SET_RESPONDERS: {
    responders: z
      .array(z.object({ name: text(200), email: z.email().max(320) }).strict())
      .max(50)
      .refine((list) => new Set(list.map((r) => r.email.toLowerCase())).size === list.length, 'each email may appear once'),
  },
  OBLIGATION_NOT_REQUIRED: { obligationId, reason: text(2000) },
  // Legal's finding for one jurisdiction: whether harm is likely, or the GDPR-style risk (scored or not), where a law turns
  // on it; or its decision for a place with no rules.
  RECORD_LEGAL_FINDING: {
    jurisdiction: jurisdictionSchema,
    harm: z.enum(HARM_FINDINGS).nullable().optional(),
    risk: z.enum(RISK_FINDINGS).nullable().optional(),
    severity: enisaSeveritySchema.optional(),
    rationale: text(4000),
  },
  REPORT_SUBMITTED: {
    obligationId,
    channel: z.enum(['email', 'portal', 'letter', 'phone', 'other']),
    reference: text(500).optional(),
    submittedAt: isoInstantSchema.optional(),
  },
  COMPLETE_REVIEW: {
    cause: text(10_000),
    lessons: text(10_000),
    actions: z.array(z.object({ description: text(2000), owner: text(200).optional() }).strict()).max(100),
  },
  CLOSE: { unmetObligationsReason: text(2000).optional() },
  REOPEN: { reason: text(2000) },
} as const;

/** Events only Breachline's own services send (notices, delivery, scheduler): never from a client. */
const systemEvents = {
  // The obligations engine assesses from the incident's facts; people act on its result.
  OBLIGATIONS_ASSESSED: {
    obligations: z
      .array(obligationInput)
      .max(500)
      .refine((list) => new Set(list.map((o) => o.id)).size === list.length, 'obligation ids must be unique'),
  },
  INDIVIDUALS_NOTICE_SUBMITTED: { versionId: id },
  INDIVIDUALS_NOTICE_CHANGES_REQUESTED: { versionId: id },
  INDIVIDUALS_NOTICE_APPROVED: { versionId: id, contentHash: id },
  INDIVIDUALS_NOTICE_EDITED: { versionId: id },
  // Delivery's send of the approved notice: its start, pauses, cancellation and end are timeline entries.
  INDIVIDUALS_SENDING_STARTED: { sendId: id, recipients: count },
  INDIVIDUALS_SENDING_PAUSED: { sendId: id, reason: text(2000) },
  INDIVIDUALS_SENDING_RESUMED: { sendId: id },
  INDIVIDUALS_SENDING_CANCELLED: { sendId: id, reason: text(2000) },
  INDIVIDUALS_NOTIFIED: { sendId: id, sent: count, failed: count },
  REPORT_DRAFT_STARTED: { obligationId },
  REPORT_SUBMITTED_FOR_REVIEW: { obligationId, versionId: id },
  REPORT_CHANGES_REQUESTED: { obligationId, versionId: id },
  REPORT_APPROVED: { obligationId, versionId: id, contentHash: id },
  REPORT_EDITED: { obligationId, versionId: id },
  DEADLINE_REACHED: { key: z.string().min(1).max(300) },
  ALERT_LINKED: { alertId: id, source: text(200), title: text(500), severity: text(50) },
  ALERT_RESOLVED: { alertId: id },
} as const;

type Shapes = typeof publicEvents & typeof systemEvents;
export type EventType = keyof Shapes;
export type PublicEventType = keyof typeof publicEvents;

export const PUBLIC_EVENT_TYPES = Object.keys(publicEvents) as PublicEventType[];
export const SYSTEM_EVENT_TYPES = Object.keys(systemEvents) as (keyof typeof systemEvents)[];
export const EVENT_TYPES = [...PUBLIC_EVENT_TYPES, ...SYSTEM_EVENT_TYPES] as EventType[];

const schemaOf = <T extends EventType>(type: T, shape: Shapes[T]) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/** Schema of one event input by type, e.g. for an OpenAPI document. */
export const eventInputSchemas = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, schemaOf(type, { ...publicEvents, ...systemEvents }[type])]),
) as { [T in EventType]: ReturnType<typeof schemaOf<T>> };

export type EventInput = { [T in EventType]: z.infer<(typeof eventInputSchemas)[T]> }[EventType];
export type EventInputOf<T extends EventType> = Extract<EventInput, { type: T }>;

/** Any event a client may send, as one schema (the request body of the events route). */
export const publicEventSchema = z.discriminatedUnion(
  'type',
  PUBLIC_EVENT_TYPES.map((type) => eventInputSchemas[type]) as unknown as [
    (typeof eventInputSchemas)[PublicEventType],
    ...(typeof eventInputSchemas)[PublicEventType][],
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${PUBLIC_EVENT_TYPES.join(', ')}` : undefined) },
);

/** What the machine receives: the validated input plus when and by whom. */
export type IncidentEvent = EventInput & { at: string; actor: Actor };
export type IncidentEventOf<T extends EventType> = EventInputOf<T> & { at: string; actor: Actor };

export const isEventType = (value: unknown): value is EventType =>
  typeof value === 'string' && (EVENT_TYPES as string[]).includes(value);
export const isSystemEventType = (type: EventType): boolean => (SYSTEM_EVENT_TYPES as string[]).includes(type);
