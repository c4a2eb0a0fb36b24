import { NOTICE_SECTIONS } from '../obligations/notice-sections.js';
import type { Regime } from '../obligations/regime-schema.js';
import { fieldsIn, localesOf, METADATA_KEYS, type NoticeKind, type VersionContent } from './notice-content.js';
import { hasText, noticeRequirements, reportFields, type CoveredItem, type RequiredField } from './render/content-model.js';
import { holdsPlaceholder } from './render/placeholders.js';
import { noticeRegimes } from './render/render-individual-notice.js';
import { resolveReport } from './render/report-target.js';

/** One item of a version that keeps it from review: blank, or still holding suggested text. */
export interface ChecklistItem {
  /** The section, report item or metadata key. */
  field: string;
  /** The locale whose text it is; null for metadata and for reports. */
  locale: string | null;
  /** Where it sits in the version, as an edit names it: `contact` (primary locale), `translations.zh-CN.contact`, `summary`. */
  name: string;
  /** The path a 400 names: `fields.contact`, `translations.zh-CN.contact`, `metadata.summary`. */
  path: string;
  /** The requirement it leaves unmet; null for metadata and for a section no law requires. */
  requirement: RequiredField | null;
}

/** What a version must say, what it leaves blank and what still holds suggested text, in every locale it is written in. */
export interface Checklist {
  /** A notice's sections the regimes require, or a report's items, in reading order. */
  required: RequiredField[];
  /** Notices: the laws' items the letter's form satisfies (title, headings, date), which nobody writes. */
  byForm: CoveredItem[];
  /** Every item a person may write: a notice's sections (required or not), a report's items. */
  editable: readonly string[];
  missing: ChecklistItem[];
  placeholders: ChecklistItem[];
}

function requirementsOf(definitions: readonly Regime[], kind: NoticeKind, content: VersionContent, obligationId: string | null): Pick<Checklist, 'required' | 'byForm' | 'editable'> {
  if (kind === 'individuals') {
    const { sections, byForm } = noticeRequirements(noticeRegimes(definitions, content.regimes));
    return { required: sections, byForm, editable: NOTICE_SECTIONS };
  }
  const { regime, entry, stage } = resolveReport(definitions, {
    regime: content.regimes[0] ?? '',
    ...(obligationId === null ? {} : { obligation: obligationId }),
    ...(content.stage === null ? {} : { stage: content.stage }),
  });
  const required = reportFields(regime, entry, stage?.id ?? null);
  return { required, byForm: [], editable: required.map((f) => f.field) };
}

/**
 * The checklist a reviewer works through, from the regime files: each locale's required items
 * (primary first, then the translations) in reading order, then the metadata (the sender of a
 * notice, a report's title and summary). Blank ones are missing; any value still holding `[[`
 * suggested text is listed apart, and either keeps the version from review.
 */
export function checklistOf(definitions: readonly Regime[], kind: NoticeKind, content: VersionContent, obligationId: string | null): Checklist {
  const requirements = requirementsOf(definitions, kind, content, obligationId);
  const missing: ChecklistItem[] = [];
  const placeholders: ChecklistItem[] = [];
  const locales: (string | null)[] = kind === 'individuals' ? localesOf(content) : [null];
  for (const locale of locales) {
    const values = locale === null ? content.fields : (fieldsIn(content, locale) ?? {});
    const translated = locale !== null && locale !== content.locale;
    for (const field of requirements.editable) {
      const name = translated ? `translations.${locale}.${field}` : field;
      const requirement = requirements.required.find((r) => r.field === field) ?? null;
      const item = { field, locale, name, path: translated ? name : `fields.${field}`, requirement };
      if (holdsPlaceholder(values[field])) placeholders.push(item);
      else if (requirement !== null && !requirement.optional && !hasText(values[field])) missing.push(item);
    }
  }
  for (const key of METADATA_KEYS[kind]) {
    const item = { field: key, locale: null, name: key, path: `metadata.${key}`, requirement: null };
    if (holdsPlaceholder(content.metadata[key])) placeholders.push(item);
    else if (!hasText(content.metadata[key])) missing.push(item);
  }
  return { ...requirements, missing, placeholders };
}
