import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { NoticeQueries } from '../notices/notice-queries.js';
import type { NoticeRenderer } from '../notices/render/renderer.js';
import { DeliveryFailures } from './delivery-failures.js';
import type { MailTransport } from './mail-transport.js';
import { messageIdDomain } from './message-id.js';
import { enqueueMail } from './outbox-store.js';
import { languagePlan, type LanguagePlan } from './recipient-languages.js';
import { sendPausedMail } from './send-paused-mail.js';
import { DeliverySends } from './send-service.js';
import { countSend } from './send-store.js';
import { SendWorker } from './send-worker.js';

/** Sending notices to individuals, as the runtime and the HTTP layer use it. */
export interface Deliveries {
  sends: DeliverySends;
  failures: DeliveryFailures;
  worker: SendWorker;
  /** Which language each group of an incident's recipients reads the notice in. */
  languages(incidentId: string): Promise<LanguagePlan>;
}

export interface DeliveriesDeps {
  db: Kysely<Database>;
  incidents: IncidentService;
  notices: NoticeQueries;
  renderer: NoticeRenderer;
  transport: MailTransport;
  config: Config;
  clock: Clock;
  logger: Logger;
}

export function createDeliveries(deps: DeliveriesDeps): Deliveries {
  const { db, config, logger } = deps;
  const sends = new DeliverySends({
    db,
    incidents: deps.incidents,
    notices: deps.notices,
    renderer: deps.renderer,
    clock: deps.clock,
    onFailuresPaused: async (trx, incident, send, reason, at) => {
      const counts = await countSend(trx, send);
      const mail = sendPausedMail(deps.renderer.renderSendPausedMail, incident, send.id, reason, counts, at, config.escalationTo);
      if (mail === null) logger.warn({ incidentId: incident.id, sendId: send.id }, 'send paused; no responders or ESCALATION_TO to mail');
      else await enqueueMail(trx, mail);
    },
  });
  const { delivery } = config;
  const worker = new SendWorker(db, sends, deps.transport, {
    intervalMs: config.schedulerIntervalMs,
    messageIdDomain: messageIdDomain(config.mailFrom),
    clock: deps.clock,
    logger,
    concurrency: delivery.concurrency,
    leaseMs: delivery.leaseMs,
    retryBaseMs: delivery.retryBaseMs,
    maxAttempts: delivery.maxAttempts,
    pauseAfterFailures: delivery.pauseAfterFailures,
    // With a relay limit, claim no more than a quarter of a lease's worth at once.
    ...(delivery.ratePerSecond === undefined ? {} : { batchSize: Math.max(1, Math.min(200, Math.floor((delivery.ratePerSecond * delivery.leaseMs) / 4000))) }),
  });
  const languages = (incidentId: string) => languagePlan(db, deps.incidents, deps.notices, deps.renderer.locales, incidentId);
  return { sends, failures: new DeliveryFailures(db), worker, languages };
}
