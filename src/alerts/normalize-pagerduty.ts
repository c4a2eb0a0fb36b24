import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { severityFromWord } from './alert-severity.js';
import { clampTitle, instantSchema, parseBody, type NormalizedAlert } from './normalized-alert.js';

const text = (max: number) => z.string().max(max);

/** PagerDuty Events API v2. The routing key names (and authenticates) the source. */
export const pagerdutyEventSchema = z
  .object({
    routing_key: z.string().min(1).max(200),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
    dedup_key: z.string().min(1).max(255).optional(),
    payload: z
      .object({
        summary: z.string().trim().min(1, 'must not be empty').max(1024),
        source: z.string().min(1).max(1024),
        severity: z.enum(['critical', 'error', 'warning', 'info']),
        timestamp: instantSchema.optional(),
        component: text(1024).optional(),
        group: text(1024).optional(),
        class: text(1024).optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    client: text(1024).optional(),
    client_url: text(4000).optional(),
    links: z.array(z.object({ href: text(4000), text: text(1024).optional() })).max(100).optional(),
    images: z.array(z.object({ src: text(4000), href: text(4000).optional(), alt: text(1024).optional() })).max(100).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === 'trigger' && event.payload === undefined) {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'is required for a trigger' });
    }
    if (event.event_action !== 'trigger' && event.dedup_key === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dedup_key'], message: `is required for ${event.event_action}` });
    }
  })
  .openapi('PagerDutyEvent');

export type PagerDutyEvent = z.infer<typeof pagerdutyEventSchema>;

export const parsePagerDuty = (body: unknown): PagerDutyEvent => parseBody(pagerdutyEventSchema, body, 'PagerDuty event');

/**
 * A trigger without a dedup key is a new alert each time (PagerDuty's rule), so we make a key and
 * answer it. Acknowledge and resolve only touch an alert we already hold.
 */
export function normalizePagerDuty(event: PagerDutyEvent, now: Date): NormalizedAlert {
  // The routing key is a credential: it never reaches storage.
  const { routing_key: _key, ...raw } = event;
  const dedupKey = event.dedup_key ?? randomUUID().replaceAll('-', '');
  const payload = event.payload;
  if (payload === undefined) {
    return {
      dedupKey,
      title: clampTitle(dedupKey),
      severity: 'info',
      status: event.event_action === 'resolve' ? 'resolved' : 'firing',
      occurredAt: now.toISOString(),
      labels: {},
      details: {},
      raw: { ...raw, dedup_key: dedupKey },
      existingOnly: true,
    };
  }
  const labels = Object.fromEntries(
    Object.entries({ source: payload.source, severity: payload.severity, component: payload.component, group: payload.group, class: payload.class })
      .filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const customDetails = payload.custom_details;
  return {
    dedupKey,
    title: clampTitle(payload.summary),
    severity: severityFromWord(payload.severity),
    status: event.event_action === 'resolve' ? 'resolved' : 'firing',
    occurredAt: payload.timestamp ?? now.toISOString(),
    labels,
    details: {
      ...(customDetails === undefined ? {} : { customDetails }),
      ...(event.links === undefined ? {} : { links: event.links }),
      ...(event.images === undefined ? {} : { images: event.images }),
      ...(event.client === undefined ? {} : { client: event.client, clientUrl: event.client_url }),
    },
    raw: { ...raw, dedup_key: dedupKey },
    existingOnly: event.event_action !== 'trigger',
  };
}
