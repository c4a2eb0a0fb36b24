import type { Regime } from '../obligations/regime-schema.js';
import { noticeRegimes } from './render-individual-notice.js';
import { resolveReport, type ReportTarget } from './report-target.js';
import { individualNoticeFields, missingFrom, reportFields } from './required-fields.js';

/** A notice to individuals for these regimes, or one report to a regulator. */
export type RequirementTarget = { regimes: readonly string[] } | ReportTarget;

/**
 * Names of the required fields `values` leaves missing or blank, from the regime definitions'
 * `requiredContents`: for a draft's checklist before anyone renders it. Unknown regimes, duties
 * or stages throw the same typed errors as rendering.
 */
export function missingRequiredFields(definitions: readonly Regime[], target: RequirementTarget, values: Readonly<Record<string, unknown>>): string[] {
  if ('regimes' in target) return missingFrom(individualNoticeFields(noticeRegimes(definitions, target.regimes)), values);
  const { regime, entry, stage } = resolveReport(definitions, target);
  return missingFrom(reportFields(regime, entry, stage?.id ?? null), values);
}
