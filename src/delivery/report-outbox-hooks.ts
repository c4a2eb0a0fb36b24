import type { Logger } from 'pino';
import { systemActor } from '../auth/actor.js';
import { NotFoundError } from '../errors.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import { EventNotAllowedError } from '../lifecycle/incident-transitions.js';
import type { NoticeQueries } from '../notices/notice-queries.js';
import type { OutboxKindHooks } from './outbox-worker.js';
import { reportApproval } from './report-approval.js';
import { reportMailMeta } from './report-mail.js';
import { ReportNotReadyError } from './report-readiness.js';

/** The submission is recorded by delivery itself, on the server's word, not by the person who queued it. */
export const DELIVERY_ACTOR = systemActor('delivery');

export interface ReportHookDeps {
  incidents: IncidentService;
  notices: NoticeQueries;
  logger: Logger;
  smtpConfigured: boolean;
}

/**
 * What the outbox does around a report's email. Before sending: withdraw it if the version is no
 * longer the approved one (edited since it was queued) or the obligation was settled meanwhile.
 * Once the SMTP server accepted it: record REPORT_SUBMITTED with the Message-ID as the reference,
 * in the transaction that marks the row sent.
 */
export function reportOutboxHooks(deps: ReportHookDeps): OutboxKindHooks {
  return {
    async withdrawReason(row) {
      if (!deps.smtpConfigured) return 'SMTP_URL is not set, so the report would only be written to a file and never reach the authority';
      const meta = reportMailMeta(row);
      try {
        const { version } = await reportApproval(deps.incidents, deps.notices, row.incidentId ?? '', meta.obligationId, 'submit');
        return version.versionId === meta.versionId ? null : `version ${meta.versionNumber} is no longer the approved version (now version ${version.number})`;
      } catch (error) {
        if (error instanceof ReportNotReadyError || error instanceof NotFoundError) return error.message;
        throw error;
      }
    },

    async onSent(trx, row, accepted) {
      const meta = reportMailMeta(row);
      const incidentId = row.incidentId ?? '';
      try {
        await deps.incidents.dispatchIn(
          trx,
          incidentId,
          { type: 'REPORT_SUBMITTED', obligationId: meta.obligationId, channel: 'email', reference: row.messageId, submittedAt: accepted.at },
          { actor: DELIVERY_ACTOR },
        );
      } catch (error) {
        // Settled while the message was in flight (someone recorded it by hand): the first record stands.
        if (!(error instanceof EventNotAllowedError)) throw error;
        deps.logger.warn({ outboxId: row.id, incidentId, obligationId: meta.obligationId, reason: error.message }, 'report accepted by the mail server; submission already recorded, not recording it again');
      }
    },
  };
}
