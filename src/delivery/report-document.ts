import type { NoticeRenderer } from '../notices/render/renderer.js';
import { renderVersion, type RenderedVersion } from '../notices/version-render.js';
import type { Regime } from '../obligations/regime-schema.js';
import type { ReportApproval } from './report-approval.js';
import { reportDuty, reportItems, type ReportItem } from './report-duty.js';

/** The approved report as a regulator's portal asks for it: item by item, with where it comes from. */
export interface PortalReport {
  incidentId: string;
  obligationId: string;
  regime: string;
  regimeName: string;
  jurisdiction: string;
  authority: string;
  citation: string;
  stage: { id: string; name: string } | null;
  version: number;
  versionId: string;
  contentHash: string;
  approvedAt: string | null;
  approvedBy: string | null;
  subject: string;
  items: ReportItem[];
}

export interface ReportDocument {
  rendered: RenderedVersion;
  portal: PortalReport;
  /** The regime file's published address for this duty, if it has one. */
  regimeEmail: string | undefined;
}

/** Renders the approved version exactly as the notices domain would, and lays out its items for a portal. */
export function reportDocument(renderer: NoticeRenderer, regimes: readonly Regime[], approval: ReportApproval): ReportDocument {
  const { incident, obligation, version } = approval;
  const content = version.view;
  const rendered = renderVersion(renderer, 'report', obligation.id, content, content.decidedAt ?? content.createdAt);
  const duty = reportDuty(regimes, obligation.id, content.stage);
  return {
    rendered,
    regimeEmail: duty.entry.contact?.email,
    portal: {
      incidentId: incident.id,
      obligationId: obligation.id,
      regime: duty.regime.id,
      regimeName: duty.regime.name,
      jurisdiction: obligation.jurisdiction,
      authority: obligation.authority,
      citation: obligation.citation,
      stage: duty.stage === null ? null : { id: duty.stage.id, name: duty.stage.name },
      version: version.number,
      versionId: version.versionId,
      contentHash: version.contentHash,
      approvedAt: content.decidedAt,
      approvedBy: content.decidedBy,
      subject: rendered.subject,
      items: reportItems(duty, content.fields),
    },
  };
}
