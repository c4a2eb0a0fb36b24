import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorRef, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/tables.js';
import type { IncidentService } from '../lifecycle/incident-service.js';
import type { NoticeQueries } from '../notices/notice-queries.js';
import type { NoticeRenderer } from '../notices/render/renderer.js';
import type { Regime } from '../obligations/regime-schema.js';
import { authorityAddresses } from './authority-address.js';
import type { AuthorityContacts } from './authority-contacts.js';
import { enqueueMail, mailOf } from './outbox-store.js';
import { reportApproval } from './report-approval.js';
import { reportDocument } from './report-document.js';
import { exportFile, type ExportFile, type ExportFormat } from './report-export.js';
import { REPORT_MAIL_KIND, reportMail, reportMailMeta } from './report-mail.js';
import { reportObligation } from './report-readiness.js';
import { emailSubmissionView, recordedSubmissionView, submissionsOf, type RecordedChannel, type SubmissionView } from './report-submission-view.js';

export interface ReportSubmissionDeps {
  db: Kysely<Database>;
  incidents: IncidentService;
  notices: NoticeQueries;
  renderer: NoticeRenderer;
  regimes: readonly Regime[];
  contacts: AuthorityContacts;
  clock: Clock;
  /** Without an SMTP server mail is only written to files: nothing would reach the authority. */
  smtpConfigured: boolean;
}

export type SubmissionInput =
  | { channel: 'email'; to?: string[] | undefined }
  | { channel: RecordedChannel; reference?: string | undefined; submittedAt?: string | undefined };

/** A submission refused by circumstances rather than by the report's state (no SMTP server, one already under way). */
export class SubmissionConflictError extends Error {
  override name = 'SubmissionConflictError';
}

/** Regulator reports leaving Breachline: exported for a portal, emailed to the authority, or recorded as made elsewhere. */
export class ReportSubmissions {
  constructor(private readonly deps: ReportSubmissionDeps) {}

  async export(incidentId: string, obligationId: string, format: ExportFormat): Promise<ExportFile> {
    const approval = await reportApproval(this.deps.incidents, this.deps.notices, incidentId, obligationId, 'export');
    return exportFile(reportDocument(this.deps.renderer, this.deps.regimes, approval), format);
  }

  async list(incidentId: string, obligationId: string): Promise<{ status: string; items: SubmissionView[] }> {
    const obligation = reportObligation(await this.deps.incidents.get(incidentId), obligationId);
    const rows = await mailOf(this.deps.db, incidentId, REPORT_MAIL_KIND);
    return { status: obligation.status, items: submissionsOf(rows, obligation) };
  }

  /** Email answers once the message is queued (202); any other channel is recorded at once (201). */
  async submit(incidentId: string, obligationId: string, input: SubmissionInput, actor: Actor): Promise<{ queued: boolean; submission: SubmissionView }> {
    if (input.channel === 'email') return { queued: true, submission: await this.queueEmail(incidentId, obligationId, input.to, actor) };
    return { queued: false, submission: await this.record(incidentId, obligationId, input, actor) };
  }

  /**
   * Queues the approved report in the outbox in one transaction with its audit row. The obligation
   * is marked submitted only when the SMTP server accepts it (the outbox hook), not here.
   */
  private async queueEmail(incidentId: string, obligationId: string, requested: string[] | undefined, actor: Actor): Promise<SubmissionView> {
    const approval = await reportApproval(this.deps.incidents, this.deps.notices, incidentId, obligationId, 'submit');
    if (!this.deps.smtpConfigured) {
      throw new SubmissionConflictError('emailing a report needs an SMTP server (SMTP_URL): without one, mail is only written to files. Export the report and record the submission with another channel instead');
    }
    const document = reportDocument(this.deps.renderer, this.deps.regimes, approval);
    const { to } = await authorityAddresses(this.deps.contacts, document.portal.regime, requested, document.regimeEmail);
    const at = this.deps.clock().toISOString();
    const versionId = approval.version.versionId;
    return this.deps.db.transaction().execute(async (trx) => {
      const sameVersion = (await mailOf(trx, incidentId, REPORT_MAIL_KIND)).filter((row) => reportMailMeta(row).versionId === versionId);
      const underway = sameVersion.find((row) => row.status !== 'failed');
      if (underway !== undefined) {
        const state = underway.status === 'sent' ? `was sent at ${underway.sentAt}` : 'is already queued';
        throw new SubmissionConflictError(`version ${approval.version.number} of the report for ${obligationId} ${state} (Message-ID ${underway.messageId}); see its submissions`);
      }
      const mail = reportMail(document, to, sameVersion.length + 1, actorRef(actor), at);
      if (!(await enqueueMail(trx, mail))) throw new SubmissionConflictError(`the report for ${obligationId} was queued by another request at the same moment`);
      await appendAudit(trx, {
        incidentId,
        actor,
        action: 'report.email_queued',
        payload: { obligationId, versionId, version: approval.version.number, messageId: mail.messageId, to },
        at,
      });
      const row = await trx.selectFrom('outbox').selectAll().where('dedupKey', '=', mail.dedupKey).executeTakeFirstOrThrow();
      return emailSubmissionView(row, null);
    });
  }

  /** A submission made outside Breachline (a portal, a letter, a call): recorded through the lifecycle as the person's own event. */
  private async record(incidentId: string, obligationId: string, input: Exclude<SubmissionInput, { channel: 'email' }>, actor: Actor): Promise<SubmissionView> {
    await reportApproval(this.deps.incidents, this.deps.notices, incidentId, obligationId, 'submit');
    const incident = await this.deps.incidents.send(incidentId, { type: 'REPORT_SUBMITTED', obligationId, ...input }, { actor });
    const submission = incident.obligations.find((o) => o.id === obligationId)?.submission;
    // The lifecycle just accepted REPORT_SUBMITTED for this obligation, which sets its submission.
    if (submission === undefined || submission === null) throw new Error(`REPORT_SUBMITTED left no submission on ${obligationId}`);
    return recordedSubmissionView(submission);
  }
}
