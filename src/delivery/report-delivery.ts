import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { NoticeQueries } from '../notices/notice-queries.js';
import type { NoticeRenderer } from '../notices/render/renderer.js';
import type { Regime } from '../obligations/regime-schema.js';
import { AuthorityContacts } from './authority-contacts.js';
import type { OutboxKindHooks } from './outbox-worker.js';
import { REPORT_MAIL_KIND } from './report-mail.js';
import { reportOutboxHooks } from './report-outbox-hooks.js';
import { ReportSubmissions } from './report-submissions.js';

export interface ReportDeliveryDeps {
  db: Kysely<Database>;
  incidents: IncidentService;
  notices: NoticeQueries;
  renderer: NoticeRenderer;
  regimes: readonly Regime[];
  clock: Clock;
  logger: Logger;
  smtpConfigured: boolean;
}

/** Regulator submission as the rest of Breachline uses it: the service, the settings, and the outbox hooks. */
export interface ReportDelivery {
  submissions: ReportSubmissions;
  contacts: AuthorityContacts;
  /** For the outbox worker, by kind. */
  outboxHooks: Record<string, OutboxKindHooks>;
}

export function createReportDelivery(deps: ReportDeliveryDeps): ReportDelivery {
  const contacts = new AuthorityContacts(deps.db, deps.regimes, deps.clock);
  return {
    submissions: new ReportSubmissions({ ...deps, contacts }),
    contacts,
    outboxHooks: { [REPORT_MAIL_KIND]: reportOutboxHooks(deps) },
  };
}
