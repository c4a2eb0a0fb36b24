import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { NoticeMetadata } from '../../notices/notice-content.js';
import type { VersionStatus } from '../../notices/notice-store.js';
import type { NoticeView } from '../../notices/notice-view.js';
import type { CoveredItem } from '../../notices/render/content-model.js';

/** How the console names a notice's review states: words, so a badge never relies on its colour. */
const STATUS_LABELS: Readonly<Record<VersionStatus, string>> = {
  draft: 'Draft',
  in_review: 'In legal review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  superseded: 'Superseded',
};

export function StatusBadge(props: { status: VersionStatus }) {
  return <span class={`badge status-${props.status.replaceAll('_', '-')}`}>{STATUS_LABELS[props.status]}</span>;
}

/** "Notice to individuals" or "Regulator report (eu-gdpr)". */
export const noticeTitle = (notice: Pick<NoticeView, 'kind' | 'regime'>): string =>
  notice.kind === 'individuals' ? 'Notice to individuals' : `Regulator report (${notice.regime ?? 'unknown regime'})`;

/** Whom it is for: the affected people, or the authority, obligation and stage a report answers. */
export function noticeTarget(notice: Pick<NoticeView, 'kind' | 'target' | 'stage'>, incident: Pick<IncidentView, 'obligations'>): string {
  if (notice.kind === 'individuals') return 'affected individuals';
  const authority = incident.obligations.find((o) => o.id === notice.target)?.authority;
  const duty = notice.stage === null ? notice.target : `${notice.target}, stage ${notice.stage}`;
  return authority === undefined ? duty : `${authority} (${duty})`;
}

export const versionHref = (noticeId: string, number: number): string => `/console/notices/${encodeURIComponent(noticeId)}/versions/${number}`;

/** The document-wide values in words, as the checklist and the edit form name them. */
export const METADATA_LABELS: Readonly<Record<keyof NoticeMetadata, string>> = {
  organizationName: 'Organisation',
  senderName: 'Sender name',
  senderAddress: 'Sender address',
  title: 'Report title',
  summary: 'Report summary',
};

/** One law's item as a lawyer looks it up: "GDPR Art. 34(2): Likely consequences of the breach". */
export const coverLine = (item: CoveredItem): string => `${item.citation ?? item.regime}: ${item.label}`;

/** What a section or item must cover, one law's item a line. */
export function CoverLines(props: { covers: readonly CoveredItem[] }) {
  return (
    <>
      {props.covers.map((item, i) => (
        <>
          {i > 0 && <br />}
          <span class="cover">{coverLine(item)}</span>
        </>
      ))}
    </>
  );
}
