import { localesOf, parseContent, type LocaleFields, type NoticeKind, type VersionContent } from './notice-content.js';
import type { Checklist } from './notice-checklist.js';
import type { VersionStatus } from './notice-store.js';
import type { NoticeCommentRow, NoticeRow, NoticeVersionRow } from './notice-tables.js';
import type { CoveredItem, RequiredField } from './render/content-model.js';

export interface CommentView {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

export interface VersionView
  extends Omit<VersionContent, 'translations'>,
    Omit<NoticeVersionRow, 'noticeId' | 'status' | 'content'> {
  status: VersionStatus;
  /** Notices to individuals: every locale it is written in, the primary (`locale`) first; none for a report. */
  locales: string[];
  /** The other locales' items, keyed by locale; empty when the notice is in one language, and for reports. */
  translations: Record<string, LocaleFields>;
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
  /**
   * What the regime files require of this document (in each of its locales): a notice's sections
   * or a report's items, each with the laws' items it satisfies; and what the newest version leaves blank.
   */
  requiredFields: RequiredField[];
  /** Notices to individuals: the laws' items the letter's form satisfies (title, headings, date), which nobody writes. */
  satisfiedByForm: CoveredItem[];
  missingFields: string[];
  /** Notices to individuals: each locale's blank required items by field name; empty for reports. */
  missingByLocale: Record<string, string[]>;
  /** Items still holding suggested text (`[[...]]`) a person must confirm or rewrite, named as `missingFields` names them. */
  placeholders: string[];
}

export function versionView(row: NoticeVersionRow, comments: readonly NoticeCommentRow[]): VersionView {
  const content = parseContent(row.content);
  const { translations = {}, ...shared } = content;
  return {
    id: row.id,
    number: row.number,
    status: row.status as VersionStatus,
    contentHash: row.contentHash,
    ...shared,
    locales: localesOf(content),
    translations,
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

export function noticeView(row: NoticeRow, latest: VersionView, checklist: Checklist): NoticeView {
  const { missing } = checklist;
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
    requiredFields: checklist.required.map((f) => ({ ...f, requiredBy: [...f.requiredBy], covers: [...f.covers] })),
    satisfiedByForm: [...checklist.byForm],
    missingFields: missing.map((m) => m.name),
    placeholders: checklist.placeholders.map((m) => m.name),
    missingByLocale: Object.fromEntries(latest.locales.map((locale) => [locale, missing.filter((m) => m.locale === locale).map((m) => m.field)])),
  };
}
