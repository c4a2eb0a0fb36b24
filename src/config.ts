import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Breachline's own sender when MAIL_FROM is unset: for internal mail only, never on a notice to a person. */
export const BUILT_IN_MAIL_FROM = 'Breachline <breachline@localhost>';

/**
 * Environment -> typed configuration, in one place. Every setting has a default that lets
 * `npm start` run offline on the embedded SQLite database.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://...')
    .default('sqlite:./data/breachline.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  BREACHLINE_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  RECIPIENTS_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 ** 3),
  RECIPIENT_RETENTION_DAYS: z.coerce.number().min(0).default(30),
  WORKFLOWS_DIR: z.string().min(1).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be smtp://... or smtps://...' }).optional(),
  MAIL_FROM: z.string().min(3).default(BUILT_IN_MAIL_FROM),
  MAIL_OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  SMTP_RATE_PER_SECOND: z.coerce.number().int().min(1).optional(),
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(1000).optional(),
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).default(300),
  DELIVERY_RETRY_SECONDS: z.coerce.number().min(0.01).default(30),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  DELIVERY_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).default(50),
  ORGANIZATION_TIME_ZONE: z.string().refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as America/Chicago').optional(),
  CONSOLE_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  ESCALATION_TO: z
    .string()
    .transform((value) => value.split(',').map((address) => address.trim()).filter((address) => address !== ''))
    .pipe(z.array(z.email('must be a comma-separated list of email addresses')))
    .default([]),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL connections per process; SQLite always uses one. */
  databasePoolSize: number;
  adminToken: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  schedulerIntervalMs: number;
  bodyLimitBytes: number;
  /** The recipients import's own limit: those files are streamed, never held, so it can be large. */
  recipientsMaxBytes: number;
  /** Days after an incident closes (or is dismissed) before its recipients' personal data is deleted. */
  recipientRetentionDays: number;
  /** Regime definitions; the shipped `workflows/` folder unless set. */
  workflowsDir: string | undefined;
  /** Unset: outgoing mail is written as .eml files under mailOutboxDir (works offline). */
  smtpUrl: string | undefined;
  mailFrom: string;
  mailOutboxDir: string;
  /** Notices to individuals: one pooled SMTP transport, how many messages in flight, how they retry. */
  delivery: {
    poolSize: number;
    /** The relay's limit, over all connections; unset: as fast as the server answers. */
    ratePerSecond: number | undefined;
    /** Messages handed to the pool at once; two per connection unless set. */
    concurrency: number;
    /** How long a worker holds claimed rows; after a crash they go out again once it lapses. */
    leaseMs: number;
    retryBaseMs: number;
    maxAttempts: number;
    pauseAfterFailures: number;
  };
  /** Who hears about deadlines of incidents that name no responders. */
  escalationTo: string[];
  /** How long a console sign-in lasts; revoking its token ends it sooner. */
  consoleSessionMs: number;
  /** Where the organisation discovers breaches: statutes that count days from discovery count them here. */
  organizationTimeZone: string | undefined;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration; a bad value stops start-up with the variable's name and the reason. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings are how shells and compose files usually say "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    adminToken: e.BREACHLINE_ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    recipientsMaxBytes: e.RECIPIENTS_MAX_BYTES,
    recipientRetentionDays: e.RECIPIENT_RETENTION_DAYS,
    workflowsDir: e.WORKFLOWS_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailOutboxDir: e.MAIL_OUTBOX_DIR,
    delivery: {
      poolSize: e.SMTP_POOL_SIZE,
      ratePerSecond: e.SMTP_RATE_PER_SECOND,
      concurrency: e.DELIVERY_CONCURRENCY ?? e.SMTP_POOL_SIZE * 2,
      leaseMs: e.DELIVERY_LEASE_SECONDS * 1000,
      retryBaseMs: Math.round(e.DELIVERY_RETRY_SECONDS * 1000),
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      pauseAfterFailures: e.DELIVERY_PAUSE_AFTER_FAILURES,
    },
    escalationTo: e.ESCALATION_TO,
    organizationTimeZone: e.ORGANIZATION_TIME_ZONE,
    consoleSessionMs: Math.round(e.CONSOLE_SESSION_HOURS * 3_600_000),
  };
}
