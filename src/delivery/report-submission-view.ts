import type { OutboxRow } from './outbox-tables.js';
import { reportMailMeta } from './report-mail.js';
import type { TrackedObligation } from './report-readiness.js';

/** Channels of a submission made outside Breachline, which a person records. */
export const RECORDED_CHANNELS = ['portal', 'letter', 'phone', 'other'] as const;
export type RecordedChannel = (typeof RECORDED_CHANNELS)[number];
export const SUBMISSION_CHANNELS = ['email', ...RECORDED_CHANNELS] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];
export const SUBMISSION_STATUSES = ['queued', 'sent', 'failed', 'recorded'] as const;

/**
 * One submission of a report: an email Breachline sends (queued, sent or failed), or a submission
 * made elsewhere that the lifecycle recorded. `recorded` marks the one the obligation counts as met.
 */
export interface SubmissionView {
  channel: SubmissionChannel;
  status: (typeof SUBMISSION_STATUSES)[number];
  recorded: boolean;
  to: string[] | null;
  messageId: string | null;
  reference: string | null;
  version: number | null;
  attempts: number | null;
  serverResponse: string | null;
  /** Why the last attempt failed (a temporary failure while queued, the final one when failed). */
  failure: string | null;
  queuedAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  submittedAt: string | null;
  by: string;
}

type Submission = NonNullable<TrackedObligation['submission']>;

const STATUS_OF = { pending: 'queued', sent: 'sent', failed: 'failed' } as const;

/** The lifecycle recorded this email's acceptance as the submission (its Message-ID is the reference). */
const recordsEmail = (row: OutboxRow, submission: Submission | null): boolean =>
  row.status === 'sent' && submission?.channel === 'email' && submission.reference === row.messageId;

export function emailSubmissionView(row: OutboxRow, submission: Submission | null): SubmissionView {
  const recorded = recordsEmail(row, submission);
  const meta = reportMailMeta(row);
  return {
    channel: 'email',
    status: STATUS_OF[row.status],
    recorded,
    to: JSON.parse(row.recipients) as string[],
    messageId: row.messageId,
    reference: null,
    version: meta.versionNumber,
    attempts: row.attempts,
    serverResponse: row.serverResponse,
    failure: row.status === 'sent' ? null : row.lastError,
    queuedAt: row.createdAt,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    sentAt: row.sentAt,
    submittedAt: recorded ? (submission?.submittedAt ?? null) : null,
    by: meta.requestedBy,
  };
}

export const recordedSubmissionView = (submission: Submission): SubmissionView => ({
  channel: submission.channel as SubmissionChannel,
  status: 'recorded',
  recorded: true,
  to: null,
  messageId: null,
  reference: submission.reference,
  version: null,
  attempts: null,
  serverResponse: null,
  failure: null,
  queuedAt: null,
  nextAttemptAt: null,
  sentAt: null,
  submittedAt: submission.submittedAt,
  by: submission.by,
});

/** Every email of the obligation's report, and the recorded submission unless one of those emails is it; oldest first. */
export function submissionsOf(rows: readonly OutboxRow[], obligation: TrackedObligation): SubmissionView[] {
  const submission = obligation.submission;
  const emails = rows.filter((row) => reportMailMeta(row).obligationId === obligation.id).map((row) => emailSubmissionView(row, submission));
  const items = submission === null || emails.some((e) => e.recorded) ? emails : [...emails, recordedSubmissionView(submission)];
  const when = (item: SubmissionView) => item.queuedAt ?? item.submittedAt ?? '';
  return items.sort((a, b) => when(a).localeCompare(when(b)));
}
