import type { MailToEnqueue } from './outbox-store.js';
import type { OutboxRow } from './outbox-tables.js';
import type { ReportDocument } from './report-document.js';

/** The outbox kind of a report emailed to an authority. */
export const REPORT_MAIL_KIND = 'report-submission';

/** What a report's outbox row carries beside the message: which obligation and version it submits, for whom. */
export type ReportMailMeta = {
  obligationId: string;
  versionId: string;
  versionNumber: number;
  requestedBy: string;
};

export const reportMailMeta = (row: Pick<OutboxRow, 'meta'>): ReportMailMeta => JSON.parse(row.meta ?? '{}') as ReportMailMeta;

/** An RFC 5322 dot-atom from an id: runs of other characters (the obligation id's colons) become dots. */
const atom = (value: string): string => value.replace(/[^A-Za-z0-9_-]+/g, '.').replace(/^\.+|\.+$/g, '');

/**
 * The same for every attempt to send one version for one obligation, so the authority (and the
 * submission record) can tell a resend from a new report.
 */
export const reportMessageId = (obligationId: string, versionId: string): string =>
  `<report.${atom(obligationId)}.${atom(versionId)}@breachline.local>`;

/**
 * The outbox row for one attempt. `attempt` counts earlier rows of this version, so a person can
 * try again after a permanent failure (a new row, the same Message-ID), while a retried
 * transaction still cannot queue the same attempt twice.
 */
export function reportMail(document: ReportDocument, to: string[], attempt: number, requestedBy: string, at: string): MailToEnqueue {
  const { portal, rendered } = document;
  const meta: ReportMailMeta = { obligationId: portal.obligationId, versionId: portal.versionId, versionNumber: portal.version, requestedBy };
  return {
    kind: REPORT_MAIL_KIND,
    incidentId: portal.incidentId,
    dedupKey: `${REPORT_MAIL_KIND}:${portal.versionId}:${attempt}`,
    messageId: reportMessageId(portal.obligationId, portal.versionId),
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    meta,
    at,
  };
}
