import type { EventInput } from '../lifecycle/events.js';
import type { NoticeRow } from './notice-tables.js';

/** What happened to a notice that the incident's lifecycle must hear about. */
export type NoticeStep = 'started' | 'submitted' | 'changesRequested' | 'approved' | 'edited';

export interface StepVersion {
  id: string;
  contentHash: string;
}

/**
 * The lifecycle event for one step of one notice: the individuals track for the notice to people,
 * the obligation's own child of the regulators track for a report. The machine decides whether
 * the incident's state accepts it; a refusal rolls the notice's rows back with it.
 */
export function lifecycleEvent(notice: Pick<NoticeRow, 'kind' | 'target'>, step: NoticeStep, version: StepVersion): EventInput {
  if (notice.kind === 'individuals') {
    switch (step) {
      case 'started':
        return { type: 'INDIVIDUALS_NOTICE_REQUIRED' };
      case 'submitted':
        return { type: 'INDIVIDUALS_NOTICE_SUBMITTED', versionId: version.id };
      case 'changesRequested':
        return { type: 'INDIVIDUALS_NOTICE_CHANGES_REQUESTED', versionId: version.id };
      case 'approved':
        return { type: 'INDIVIDUALS_NOTICE_APPROVED', versionId: version.id, contentHash: version.contentHash };
      case 'edited':
        return { type: 'INDIVIDUALS_NOTICE_EDITED', versionId: version.id };
    }
  }
  const obligationId = notice.target;
  switch (step) {
    case 'started':
      return { type: 'REPORT_DRAFT_STARTED', obligationId };
    case 'submitted':
      return { type: 'REPORT_SUBMITTED_FOR_REVIEW', obligationId, versionId: version.id };
    case 'changesRequested':
      return { type: 'REPORT_CHANGES_REQUESTED', obligationId, versionId: version.id };
    case 'approved':
      return { type: 'REPORT_APPROVED', obligationId, versionId: version.id, contentHash: version.contentHash };
    case 'edited':
      return { type: 'REPORT_EDITED', obligationId, versionId: version.id };
  }
}

/** Individuals tracks that have not decided on a notice yet: a first draft decides that one is needed. */
export const TRACKS_BEFORE_DRAFTING = new Set(['assessing', 'not_required']);
