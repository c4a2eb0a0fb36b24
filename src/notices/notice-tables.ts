import type { Selectable } from 'kysely';

/**
 * The notices domain's tables, added to kysely's `Database` by module augmentation so the shared
 * table file stays the lifecycle's. Content is canonical JSON text; times are UTC ISO strings.
 */
export interface NoticesTable {
  id: string;
  incidentId: string;
  /** `individuals` (the incident's notice to people) or `report` (one obligation's report). */
  kind: string;
  /** The lifecycle track the notice moves: `individuals` or the obligation id; unique per incident. */
  target: string;
  /** The report's regime; null for the notice to individuals. */
  regime: string | null;
  /** The stage of a staged duty (NIS2's early warning); null otherwise. */
  stage: string | null;
  createdBy: string;
  createdAt: string;
}

/** One version: its content never changes after insert; only its review status moves. */
export interface NoticeVersionsTable {
  id: string;
  noticeId: string;
  /** 1, 2, 3... per notice; (noticeId, number) is unique. */
  number: number;
  status: string;
  content: string;
  /** sha256 of the canonical content, fixed at insert: approval pins it. */
  contentHash: string;
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  /** Who approved the version or asked for changes, and when. */
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface NoticeCommentsTable {
  id: string;
  versionId: string;
  author: string;
  body: string;
  createdAt: string;
}

declare module '../db/tables.js' {
  interface Database {
    notices: NoticesTable;
    noticeVersions: NoticeVersionsTable;
    noticeComments: NoticeCommentsTable;
  }
}

export type NoticeRow = Selectable<NoticesTable>;
export type NoticeVersionRow = Selectable<NoticeVersionsTable>;
export type NoticeCommentRow = Selectable<NoticeCommentsTable>;
