import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ReportFacts } from './render/render-inputs.js';

/** A draft's audience: the incident's notice to people, or one obligation's report. */
export type NoticeKind = 'individuals' | 'report';

/** Named values a person edits beside the required items; never markup. */
export interface NoticeMetadata {
  organizationName: string;
  /** Notices to individuals: who the message comes from, as its reader sees it (name and address). */
  senderName?: string;
  senderAddress?: string;
  /** Reports only: the incident title and summary the report opens with. */
  title?: string;
  summary?: string;
}

/** One locale's required items of a notice to individuals, keyed by field name. */
export type LocaleFields = Record<string, string>;

/**
 * Everything that decides what a version says. Hashing all of it, template identity and locale
 * included, means an approval covers exactly one text: the same fields under another locale's
 * template are a different notice.
 *
 * A notice to individuals written in several languages keeps its first (primary) language where a
 * single-language notice always had it, in `locale`, `template` and `fields`, and the others in
 * `translations`. Reshaping every language into one list would read more evenly, but the stored
 * form is what approvals hashed: old versions must keep hashing to what legal approved, and
 * delivery needs a fallback language for recipients who name none, which is the primary one.
 * `translations` is absent when there are none (see `withTranslations`), so a single-language
 * version is byte for byte what it always was. A translation's template is
 * `notices/individuals/<its locale>`, so its key alone pins which template renders it.
 */
export interface VersionContent {
  /** The template set's key: `notices/individuals/<locale>` or `reports/<regime>`. */
  template: string;
  locale: string | null;
  /** The regimes whose duties the document must satisfy. */
  regimes: string[];
  stage: string | null;
  metadata: NoticeMetadata;
  fields: LocaleFields;
  /** Notices to individuals: the other languages' items, keyed by locale; never present empty. */
  translations?: Record<string, LocaleFields>;
  /** Reports: the scope in the authority's jurisdiction when the version was written, which the report states. */
  facts?: ReportFacts;
}

/** Who a notice to individuals comes from, as its reader sees it. */
export interface NoticeSender {
  name: string;
  address: string;
}

/** The sender a version names; null for a report, and for a version written before notices named one. */
export const senderOf = (metadata: NoticeMetadata): NoticeSender | null =>
  metadata.senderName === undefined || metadata.senderAddress === undefined ? null : { name: metadata.senderName, address: metadata.senderAddress };

export const METADATA_KEYS: Readonly<Record<NoticeKind, readonly (keyof NoticeMetadata)[]>> = {
  individuals: ['organizationName', 'senderName', 'senderAddress'],
  report: ['organizationName', 'title', 'summary'],
};

export const individualsTemplate = (locale: string): string => `notices/individuals/${locale}`;
export const reportTemplate = (regime: string): string => `reports/${regime}`;
/** The layout of a report whose regime has no template of its own. */
export const STANDARD_REPORT_TEMPLATE = 'report-standard';

/** The locales a version is written in, its primary first and then the translations in code order; none for a report. */
export const localesOf = (content: Pick<VersionContent, 'locale' | 'translations'>): string[] =>
  content.locale === null ? [] : [content.locale, ...Object.keys(content.translations ?? {}).sort()];

/** One locale's items; undefined when the version is not written in it. */
export const fieldsIn = (content: Pick<VersionContent, 'locale' | 'fields' | 'translations'>, locale: string): LocaleFields | undefined =>
  locale === content.locale ? content.fields : content.translations?.[locale];

/** The content with these translations, leaving the key out when there are none so the hash of a one-language version never changes. */
export function withTranslations(content: VersionContent, translations: Record<string, LocaleFields>): VersionContent {
  const { translations: _replaced, ...rest } = content;
  return Object.keys(translations).length === 0 ? rest : { ...rest, translations };
}

/** The stored form: canonical JSON (RFC 8785), so equal content is equal text. */
export const canonicalContent = (content: VersionContent): string => canonicalize(content) as string;

export const contentHash = (content: VersionContent): string =>
  `sha256:${createHash('sha256').update(canonicalContent(content)).digest('hex')}`;

export const parseContent = (stored: string): VersionContent => JSON.parse(stored) as VersionContent;
