import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** A draft's audience: the incident's notice to people, or one obligation's report. */
export type NoticeKind = 'individuals' | 'report';

/** Named values a person edits beside the required items; never markup. */
export interface NoticeMetadata {
  organizationName: string;
  /** Reports only: the incident title and summary the report opens with. */
  title?: string;
  summary?: string;
}

/**
 * Everything that decides what a version says. Hashing all of it, template identity and locale
 * included, means an approval covers exactly one text: the same fields under another locale's
 * template are a different notice.
 */
export interface VersionContent {
  /** The template set's key: `notices/individuals/<locale>` or `reports/<regime>`. */
  template: string;
  locale: string | null;
  /** The regimes whose duties the document must satisfy. */
  regimes: string[];
  stage: string | null;
  metadata: NoticeMetadata;
  fields: Record<string, string>;
}

export const METADATA_KEYS: Readonly<Record<NoticeKind, readonly (keyof NoticeMetadata)[]>> = {
  individuals: ['organizationName'],
  report: ['organizationName', 'title', 'summary'],
};

export const individualsTemplate = (locale: string): string => `notices/individuals/${locale}`;
export const reportTemplate = (regime: string): string => `reports/${regime}`;

/** The stored form: canonical JSON (RFC 8785), so equal content is equal text. */
export const canonicalContent = (content: VersionContent): string => canonicalize(content) as string;

export const contentHash = (content: VersionContent): string =>
  `sha256:${createHash('sha256').update(canonicalContent(content)).digest('hex')}`;

export const parseContent = (stored: string): VersionContent => JSON.parse(stored) as VersionContent;
