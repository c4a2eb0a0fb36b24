import { z } from '@hono/zod-openapi';
import { fieldIssues, InvalidInputError } from '../errors.js';
import type { AlertSeverity } from './alert-severity.js';

/** One alert as every adapter hands it on: the shape dedup, rules and storage work with. */
export interface NormalizedAlert {
  dedupKey: string;
  title: string;
  severity: AlertSeverity;
  status: 'firing' | 'resolved';
  /** When the condition started, as the sender says (UTC ISO). */
  occurredAt: string;
  labels: Record<string, string>;
  details: Record<string, unknown>;
  /** The sender's own JSON for this alert, kept as received (re-serialised). */
  raw: unknown;
  /** PagerDuty acknowledge/resolve: only touches an alert that already exists. */
  existingOnly?: boolean;
}

export const ALERT_KINDS = ['generic', 'alertmanager', 'grafana', 'pagerduty'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const MAX_ALERTS_PER_REQUEST = 1000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * ISO 8601 instants with an offset, normalised to UTC ms. Alertmanager sends nanoseconds and
 * PagerDuty's examples write offsets without a colon (+0000), so both are accepted. One regex and
 * Date.parse, rather than zod's datetime pipeline: every alert has one and this is the hot path.
 */
export const instantSchema = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const time = INSTANT.test(value) ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 instant with an offset, like 2026-11-20T08:00:00Z' });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  });

export const labelsSchema = z
  .record(z.string().min(1).max(200), z.string().max(2000))
  .refine((labels) => Object.keys(labels).length <= 100, 'at most 100 labels');

/** Free-form JSON object (annotations, custom details). */
export const detailsSchema = z.record(z.string(), z.unknown());

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InvalidInputError(`invalid ${what}`, fieldIssues(parsed.error.issues));
  return parsed.data;
}

/** Titles are bounded because the incident timeline repeats them. */
export const clampTitle = (title: string): string => {
  const trimmed = title.trim();
  return trimmed === '' ? '(untitled alert)' : trimmed.slice(0, 500);
};
