import type { Generated, Selectable } from 'kysely';

/**
 * The recipients domain's tables, added to kysely's `Database` by module augmentation. A recipient
 * belongs to the import that first brought its normalised email into the incident; an import's
 * rows are visible only once the import is `complete` (see README "Recipients").
 */
export interface RecipientImportsTable {
  id: string;
  incidentId: string;
  format: 'csv' | 'ndjson';
  /**
   * `running` while rows stream in, `complete` once every row committed, `failed` if abandoned,
   * `purged` once retention deleted its rows (the counts remain).
   */
  status: 'running' | 'complete' | 'failed' | 'purged';
  accepted: number;
  duplicates: number;
  rejected: number;
  total: number;
  /** Why a failed import stopped: a row number and reason, never row content. */
  failure: string | null;
  createdBy: string;
  createdAt: string;
  completedAt: string | null;
}

export interface RecipientsTable {
  id: Generated<number>;
  incidentId: string;
  importId: string;
  /** trim + lower-case: (incidentId, emailKey) is unique, which is what folds duplicates. */
  emailKey: string;
  email: string;
  name: string | null;
  locale: string | null;
  jurisdiction: string | null;
  /** Every other column, as a JSON object of strings. */
  custom: string;
}

export interface RecipientRejectionsTable {
  id: Generated<number>;
  importId: string;
  row: number;
  reason: string;
  /** The email as given (possibly invalid), so the sender can find and fix the row. */
  email: string;
}

declare module '../db/tables.js' {
  interface Database {
    recipientImports: RecipientImportsTable;
    recipients: RecipientsTable;
    recipientRejections: RecipientRejectionsTable;
  }
}

export type RecipientImportRow = Selectable<RecipientImportsTable>;
export type RecipientRow = Selectable<RecipientsTable>;
