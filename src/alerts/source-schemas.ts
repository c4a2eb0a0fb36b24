import { z } from '@hono/zod-openapi';
import { ALERT_SEVERITIES } from './alert-severity.js';
import { ALERT_KINDS, instantSchema } from './normalized-alert.js';

/** What an admin sends to configure alert sources; every rule is checked before it is stored. */
const labelName = z.string().min(1).max(200);

export const matcherSchema = z
  .object({
    label: labelName,
    op: z.enum(['=', '!=', '=~']),
    value: z.string().max(1000),
  })
  .strict()
  .superRefine((matcher, ctx) => {
    if (matcher.op !== '=~') return;
    try {
      new RegExp(matcher.value);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'is not a valid regular expression' });
    }
  })
  .openapi('AlertMatcher');
export type Matcher = z.infer<typeof matcherSchema>;

export const rulesSchema = z
  .object({
    autoOpen: z
      .array(
        z
          .object({ minSeverity: z.enum(ALERT_SEVERITIES).default('info'), matchers: z.array(matcherSchema).max(50).default([]) })
          .strict(),
      )
      .max(50)
      .default([])
      .openapi({ description: 'A firing alert that matches any of these opens an incident (or joins its group’s)' }),
    groupBy: z
      .array(labelName)
      .max(20)
      .default([])
      .openapi({ description: 'Alerts with equal values of these labels share one incident; empty: each alert its own' }),
    groupWindowMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
    snoozes: z
      .array(
        z
          .object({ matchers: z.array(matcherSchema).min(1).max(50), until: instantSchema, reason: z.string().trim().min(1).max(2000) })
          .strict(),
      )
      .max(100)
      .default([])
      .openapi({ description: 'Matching alerts are stored but open no incident until `until`' }),
  })
  .strict()
  .openapi('AlertRules');
export type AlertRules = z.output<typeof rulesSchema>;

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits and . _ - only (it goes in URLs)');

export const createSourceSchema = z
  .object({
    name,
    kind: z.enum(ALERT_KINDS),
    auth: z
      .enum(['token', 'hmac'])
      .optional()
      .openapi({ description: 'token (default): an ingest bearer token; hmac: X-Breachline-Signature. PagerDuty sources use their routing key' }),
    rules: rulesSchema.default(rulesSchema.parse({})),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((source, ctx) => {
    if (source.kind === 'pagerduty' && source.auth !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['auth'], message: 'PagerDuty sources authenticate by routing key; leave auth out' });
    }
  })
  .openapi('NewAlertSource');

export const updateSourceSchema = z
  .object({ rules: rulesSchema.optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((patch) => patch.rules !== undefined || patch.enabled !== undefined, 'send rules or enabled')
  .openapi('AlertSourcePatch');
