import { METADATA_KEYS, type NoticeMetadata } from '../../notices/notice-content.js';
import type { NoticeView } from '../../notices/notice-view.js';
import { hasText, SECTION_LABELS, type RequiredField } from '../../notices/render/content-model.js';
import { noticeSections } from '../../notices/render/render-individual-notice.js';

/** Where one item of the newest version stands: written, blank though required, still holding suggested text, or blank and not required. */
export type ItemState = 'present' | 'missing' | 'suggested' | 'optional';

/**
 * How the domain names an item (in `missingFields`, `placeholders` and the edit's form fields): a
 * section of the primary language, or a report's item, by its own name; another language's under
 * `translations.<locale>.`.
 */
export const itemName = (notice: NoticeView, locale: string | null, field: string): string =>
  locale === null || locale === notice.latest.locale ? field : `translations.${locale}.${field}`;

/** The newest version's words in one language (null: a report's items). */
export function valuesIn(notice: NoticeView, locale: string | null): Readonly<Record<string, string>> {
  const { latest } = notice;
  return locale === null || locale === latest.locale ? latest.fields : (latest.translations[locale] ?? {});
}

export function itemState(notice: NoticeView, locale: string | null, field: string): ItemState {
  const name = itemName(notice, locale, field);
  if (notice.placeholders.includes(name)) return 'suggested';
  if (notice.missingFields.includes(name)) return 'missing';
  return hasText(valuesIn(notice, locale)[field]) ? 'present' : 'optional';
}

/**
 * Every item a person may write, split as the checklist and the edit form show them: the required
 * ones (a notice's sections the regimes ask for, a report's items), then, for a notice, the other
 * sections, which print when written.
 */
export function writableItems(notice: NoticeView): { required: RequiredField[]; others: RequiredField[] } {
  if (notice.kind === 'report') return { required: notice.requiredFields, others: [] };
  const required = new Set(notice.requiredFields.map((f) => f.field));
  return { required: notice.requiredFields, others: noticeSections(notice.requiredFields).filter((f) => !required.has(f.field)) };
}

/** A section's or item's name in words, for any name the renderer or the diff gives; the name itself when it is neither. */
export function itemLabel(notice: NoticeView, field: string): string {
  const section = Object.hasOwn(SECTION_LABELS, field) ? SECTION_LABELS[field as keyof typeof SECTION_LABELS] : field;
  return notice.requiredFields.find((f) => f.field === field)?.label ?? section;
}

/** The document-wide values that keep the newest version from review: blank, or holding suggested text. */
export interface MetadataIssue {
  key: keyof NoticeMetadata;
  state: 'missing' | 'suggested';
}

export function metadataIssues(notice: NoticeView): MetadataIssue[] {
  return METADATA_KEYS[notice.kind].flatMap((key): MetadataIssue[] => {
    if (notice.placeholders.includes(key)) return [{ key, state: 'suggested' }];
    if (notice.missingFields.includes(key)) return [{ key, state: 'missing' }];
    return [];
  });
}
