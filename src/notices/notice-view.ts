import { parseContent, type NoticeKind, type VersionContent } from './notice-content.js';
import type { VersionStatus } from './notice-store.js';
import type { NoticeCommentRow, NoticeRow, NoticeVersionRow } from './notice-tables.js';
import type { RequiredField } from './required-fields.js';

export interface CommentView {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

export interface VersionView
  extends VersionContent,
    Omit<NoticeVersionRow, 'noticeId' | 'status' | 'content'> {
  status: VersionStatus;
  comments: CommentView[];
}

export interface NoticeView {
  id: string;
  incidentId: string;
  kind: NoticeKind;
  target: string;
  regime: string | null;
  stage: string | null;
  createdBy: string;
  createdAt: string;
  /** The newest version: the one an edit builds on and the only one that can be reviewed. */
  latest: VersionView;
  /** The number of the approved version that may be sent, if the newest is approved. */
  approvedNumber: number | null;
  /** What the regime files require of this document, and what the newest version leaves blank. */
  requiredFields: RequiredField[];
  missingFields: string[];
}

export function versionView(row: NoticeVersionRow, comments: readonly NoticeCommentRow[]): VersionView {
  return {
    id: row.id,
    number: row.number,
    status: row.status as VersionStatus,
    contentHash: row.contentHash,
    ...parseContent(row.content),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    comments: comments
      .filter((c) => c.versionId === row.id)
      .map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: c.createdAt })),
  };
}

export function noticeView(
  row: NoticeRow,
  latest: VersionView,
  requiredFields: readonly RequiredField[],
  missingFields: string[],
): NoticeView {
  return {
    id: row.id,
    incidentId: row.incidentId,
    kind: row.kind as NoticeKind,
    target: row.target,
    regime: row.regime,
    stage: row.stage,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    latest,
    approvedNumber: latest.status === 'approved' ? latest.number : null,
    requiredFields: requiredFields.map((f) => ({ ...f, requiredBy: [...f.requiredBy] })),
    missingFields,
  };
}
