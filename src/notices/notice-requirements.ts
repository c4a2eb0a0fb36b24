import type { Regime } from '../obligations/regime-schema.js';
import { METADATA_KEYS, type NoticeKind, type VersionContent } from './notice-content.js';
import { noticeRegimes } from './render-individual-notice.js';
import { resolveReport } from './report-target.js';
import { hasText, individualNoticeFields, missingFrom, reportFields, type RequiredField } from './required-fields.js';

/** What one version must say, from the regime files: the checklist a reviewer works through. */
export function requiredFieldsOf(definitions: readonly Regime[], kind: NoticeKind, content: VersionContent, obligationId: string | null): RequiredField[] {
  if (kind === 'individuals') return individualNoticeFields(noticeRegimes(definitions, content.regimes));
  const { regime, entry, stage } = resolveReport(definitions, {
    regime: content.regimes[0] ?? '',
    ...(obligationId === null ? {} : { obligation: obligationId }),
    ...(content.stage === null ? {} : { stage: content.stage }),
  });
  return reportFields(regime, entry, stage?.id ?? null);
}

/**
 * Names of everything still blank that the rendered document needs: required items first, in the
 * regime files' order, then metadata (a report opens with the incident's title and summary).
 */
export function missingOf(required: readonly RequiredField[], kind: NoticeKind, content: VersionContent): string[] {
  const metadata = METADATA_KEYS[kind].filter((key) => !hasText(content.metadata[key]));
  return [...missingFrom(required, content.fields), ...metadata];
}
