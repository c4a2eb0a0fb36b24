import type { IncidentService } from '../lifecycle/incident-service.js';
import type { IncidentView } from '../lifecycle/incident-view.js';
import type { NoticeQueries, SendableVersion } from '../notices/notice-queries.js';
import { ReportNotReadyError, reportObligation, stateRefusal, versionRefusal, type ReportUse, type TrackedObligation } from './report-readiness.js';

/** An obligation's approved report version, checked by both the lifecycle and the notices domain. */
export interface ReportApproval {
  incident: IncidentView;
  obligation: TrackedObligation;
  version: SendableVersion;
}

/** Whether legal ever approved a report for this obligation (an edit since then voided it). */
async function approvedBefore(incidents: IncidentService, incidentId: string, obligationId: string): Promise<boolean> {
  const timeline = await incidents.timeline(incidentId);
  return timeline.some((entry) => entry.type === 'REPORT_APPROVED' && entry.payload.obligationId === obligationId);
}

/**
 * The version that may leave Breachline for this use, or a ReportNotReadyError saying why none
 * may: the obligation's state first (the words a person acts on), then the notices domain's own
 * checks of the approved words.
 */
export async function reportApproval(
  incidents: IncidentService,
  notices: NoticeQueries,
  incidentId: string,
  obligationId: string,
  use: ReportUse,
): Promise<ReportApproval> {
  const incident = await incidents.get(incidentId);
  const obligation = reportObligation(incident, obligationId);
  const reworked = obligation.status === 'drafting' || obligation.status === 'in_review';
  const refusal = stateRefusal(obligation, use, reworked && (await approvedBefore(incidents, incidentId, obligationId)));
  if (refusal !== null) throw new ReportNotReadyError(refusal);
  const version = await notices.approvedVersionForSending(incidentId, obligationId);
  if (version === null) throw new ReportNotReadyError(versionRefusal(obligation));
  return { incident, obligation, version };
}
