import type { Regime } from '../obligations/regime-schema.js';
import { fieldsIn, localesOf, METADATA_KEYS, type NoticeKind, type VersionContent } from './notice-content.js';
import { noticeRegimes } from './render-individual-notice.js';
import { resolveReport } from './report-target.js';
import { hasText, individualNoticeFields, reportFields, type RequiredField } from './required-fields.js';

/** What one version must say, from the regime files: the checklist a reviewer works through, the same in every locale. */
export function requiredFieldsOf(definitions: readonly Regime[], kind: NoticeKind, content: VersionContent, obligationId: string | null): RequiredField[] {
  if (kind === 'individuals') return individualNoticeFields(noticeRegimes(definitions, content.regimes));
  const { regime, entry, stage } = resolveReport(definitions, {
    regime: content.regimes[0] ?? '',
    ...(obligationId === null ? {} : { obligation: obligationId }),
    ...(content.stage === null ? {} : { stage: content.stage }),
  });
  return reportFields(regime, entry, stage?.id ?? null);
}

/** One blank item that keeps a version from review. */
export interface MissingItem {
  /** The item: a field name or a metadata key. */
  field: string;
  /** The locale whose text leaves it blank; null for metadata and for reports. */
  locale: string | null;
  /** Where it sits in the version, as an edit names it: `contactPoint` (primary locale), `translations.zh-CN.contactPoint`, `summary`. */
  name: string;
  /** The path a 400 names: `fields.contactPoint`, `translations.zh-CN.contactPoint`, `metadata.summary`. */
  path: string;
  /** The required item it leaves blank; null for metadata. */
  requirement: RequiredField | null;
}

/**
 * Everything still blank that the rendered document needs: the required items of each locale
 * (primary first, then the translations), in the regime files' order, then metadata (a report
 * opens with the incident's title and summary).
 */
export function missingOf(required: readonly RequiredField[], kind: NoticeKind, content: VersionContent): MissingItem[] {
  const items: MissingItem[] = [];
  const locales: (string | null)[] = kind === 'individuals' ? localesOf(content) : [null];
  for (const locale of locales) {
    const values = locale === null ? content.fields : (fieldsIn(content, locale) ?? {});
    const translated = locale !== null && locale !== content.locale;
    for (const requirement of required) {
      if (requirement.optional || hasText(values[requirement.field])) continue;
      const name = translated ? `translations.${locale}.${requirement.field}` : requirement.field;
      items.push({ field: requirement.field, locale, name, path: translated ? name : `fields.${requirement.field}`, requirement });
    }
  }
  for (const key of METADATA_KEYS[kind]) {
    if (!hasText(content.metadata[key])) items.push({ field: key, locale: null, name: key, path: `metadata.${key}`, requirement: null });
  }
  return items;
}
