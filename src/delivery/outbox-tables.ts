import type { Selectable } from 'kysely';

/** The delivery domain's tables, added to kysely's `Database` by module augmentation. */
export interface OutboxTable {
  id: string;
  kind: string;
  incidentId: string | null;
  dedupKey: string;
  /** RFC 5322 Message-ID, fixed when enqueued so a resend is recognisably the same message. */
  messageId: string;
  /** JSON array of addresses. */
  recipients: string;
  subject: string;
  bodyText: string;
  /** Sent as the HTML alternative to bodyText when set. */
  bodyHtml: string | null;
  /** JSON the kind's own hooks read (e.g. which obligation a report answers); null for plain mail. */
  meta: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  /** While set and in the future, a worker is sending this message. */
  leaseUntil: string | null;
  lastError: string | null;
  serverResponse: string | null;
  createdAt: string;
  sentAt: string | null;
}

declare module '../db/tables.js' {
  interface Database {
    outbox: OutboxTable;
  }
}

export type OutboxRow = Selectable<OutboxTable>;
