import type { Generated, Selectable } from 'kysely';

/**
 * A send: one approved notice version going to an incident's recipients. `running` sends are
 * worked; `paused` ones wait for a person; `cancelled` and `complete` are final.
 */
export type SendStatus = 'running' | 'paused' | 'cancelled' | 'complete';

export interface DeliverySendsTable {
  id: string;
  incidentId: string;
  noticeId: string;
  versionId: string;
  /** The hash legal approved: the worker refuses to send words that no longer hash to it. */
  contentHash: string;
  status: SendStatus;
  /** Why the send was paused or cancelled; never personal data. */
  statusReason: string | null;
  /** Recipients in the incident when the send started. */
  recipients: number;
  /** The highest recipient id the send covers: later imports are not part of it. */
  recipientsUpTo: number;
  /** Delivery rows exist for recipients up to this id (they are created in slices). */
  preparedThrough: number;
  /** Counts kept when the send ends, so they survive the purge of its rows; JSON. */
  finalCounts: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface DeliveriesTable {
  id: Generated<number>;
  sendId: string;
  recipientId: number;
  messageId: string;
  status: DeliveryStatus;
  /** Times the row was claimed for sending; a claim lost in a crash counts too. */
  attempts: number;
  nextAttemptAt: string;
  /** While in the future, one worker holds the row. */
  leaseUntil: string | null;
  /** The server's answer when it accepted the message. */
  response: string | null;
  /** The last failure: the server's reply or the connection error. */
  error: string | null;
  sentAt: string | null;
}

declare module '../db/tables.js' {
  interface Database {
    deliverySends: DeliverySendsTable;
    deliveries: DeliveriesTable;
  }
}

export type SendRow = Selectable<DeliverySendsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
