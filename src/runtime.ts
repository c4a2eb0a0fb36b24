import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import { BUILT_IN_MAIL_FROM, type Config } from './config.js';
import { connect, type Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { DeadlineScheduler } from './lifecycle/deadline-scheduler.js';
import { IncidentService } from './lifecycle/incident-service.js';
import { loadRegimes } from './obligations/load-regimes.js';
import { createDeliveries, type Deliveries } from './delivery/deliveries-module.js';
import { createMailTransport } from './delivery/mail-transport.js';
import { enqueueMail } from './delivery/outbox-store.js';
import { OutboxWorker } from './delivery/outbox-worker.js';
import { createReportDelivery, type ReportDelivery } from './delivery/report-delivery.js';
import { escalationMail } from './obligations/escalation-mail.js';
import { ObligationsService } from './obligations/obligations-service.js';
import { createNoticeRenderer } from './notices/render/renderer.js';
import { OrganizationSettingsStore, parseMailbox } from './organization/organization-settings.js';
import { createNotices, type Notices } from './notices/notice-service.js';
import { RecipientRetention } from './recipients/recipient-retention.js';
import { createRecipients, type Recipients } from './recipients/recipients-module.js';

export interface Runtime {
  db: Db;
  incidents: IncidentService;
  obligations: ObligationsService;
  notices: Notices;
  organization: OrganizationSettingsStore;
  recipients: Recipients;
  deliveries: Deliveries;
  reports: ReportDelivery;
  scheduler: DeadlineScheduler;
  outbox: OutboxWorker;
  retention: RecipientRetention;
  /** Stops background work, lets it commit, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Start-up in the order the durability rules need: regime files, database, migrations, services,
 * then the background workers that act on what is stored.
 */
export async function startRuntime(config: Config, logger: Logger, clock: Clock = systemClock): Promise<Runtime> {
  // Regime files first: a broken one must stop start-up before anything else is touched.
  const regimes = await loadRegimes(config.workflowsDir);
  const obligations = new ObligationsService(regimes, clock, { organizationTimeZone: config.organizationTimeZone });
  // Templates are checked against the regimes before the database opens, for the same reason.
  const renderer = await createNoticeRenderer(regimes.regimes);
  const db = connect(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    onIdleError: (error) => logger.warn({ err: error }, 'a pooled database connection was lost; it will be replaced'),
  });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await db.close();
    throw error;
  }
  const incidents = new IncidentService(db.kysely, clock, obligations.plan);
  const organization = new OrganizationSettingsStore(db.kysely, clock, config.mailFrom === BUILT_IN_MAIL_FROM ? null : parseMailbox(config.mailFrom));
  const notices = createNotices({ db: db.kysely, incidents, renderer, regimes: regimes.regimes, clock, organization: () => organization.defaults() });
  const recipients = createRecipients(db.kysely, incidents, renderer.locales, config.recipientsMaxBytes, clock);
  const scheduler = new DeadlineScheduler(db.kysely, incidents, {
    intervalMs: config.schedulerIntervalMs,
    clock,
    logger,
    onFired: async (trx, fired) => {
      const mail = escalationMail(renderer.renderEscalationMail, fired.incidentId, fired.context, fired.key, fired.at, config.escalationTo);
      if (mail === null) logger.warn({ incidentId: fired.incidentId, key: fired.key }, 'deadline fired; no responders or ESCALATION_TO to mail');
      else await enqueueMail(trx, mail);
    },
  });
  // One pooled transport for everything Breachline mails: notices, reports and internal alerts.
  const transport = createMailTransport({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: config.mailOutboxDir,
    maxConnections: config.delivery.poolSize,
    ...(config.delivery.ratePerSecond === undefined ? {} : { ratePerSecond: config.delivery.ratePerSecond }),
  });
  const reports = createReportDelivery({
    db: db.kysely,
    incidents,
    notices: notices.queries,
    renderer,
    regimes: regimes.regimes,
    clock,
    logger,
    smtpConfigured: config.smtpUrl !== undefined,
  });
  const outbox = new OutboxWorker(db.kysely, transport, { intervalMs: config.schedulerIntervalMs, clock, logger, hooks: reports.outboxHooks });
  const deliveries = createDeliveries({ db: db.kysely, incidents, notices: notices.queries, renderer, transport, config, clock, logger });
  // Retention counts in days; looking once an hour is ample.
  const retention = new RecipientRetention(db.kysely, config.recipientRetentionDays, clock, 60 * 60_000, logger);
  scheduler.start();
  outbox.start();
  deliveries.worker.start();
  retention.start();
  return {
    db,
    incidents,
    obligations,
    notices,
    organization,
    recipients,
    deliveries,
    reports,
    scheduler,
    outbox,
    retention,
    async stop() {
      await scheduler.stop();
      // Sends first: stopping the outbox worker closes the transport they share.
      await deliveries.worker.stop();
      await outbox.stop();
      await retention.stop();
      await db.close();
    },
  };
}
