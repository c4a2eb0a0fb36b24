import type { NoticeKind, VersionContent } from './notice-content.js';
import type { NoticeRenderer } from './notice-renderer.js';
import { prepareNoticeLocale } from './prepared-notice.js';

export interface RenderedVersion {
  subject: string;
  html: string | null;
  text: string;
}

export interface SampleRecipient {
  name?: string | undefined;
  locale?: string | undefined;
}

/** Whom a preview addresses when the caller names nobody: plainly a placeholder. */
const SAMPLE_RECIPIENT = 'Sample Recipient';

/**
 * One version through the renderer, exactly as delivery would render it: the renderer escapes
 * every value and refuses a blank required item, so a preview can never show what could not be
 * sent. A notice to individuals renders in one of its own locales, its primary one unless the
 * sample recipient names another.
 */
export function renderVersion(
  renderer: NoticeRenderer,
  kind: NoticeKind,
  obligationId: string | null,
  content: VersionContent,
  recipient: SampleRecipient = {},
): RenderedVersion {
  const organization = { name: content.metadata.organizationName };
  if (kind === 'individuals') {
    return prepareNoticeLocale(renderer, content, recipient.locale)({ name: recipient.name ?? SAMPLE_RECIPIENT, custom: {} });
  }
  const input = { organization, incident: { title: content.metadata.title ?? '', summary: content.metadata.summary ?? '' }, fields: content.fields };
  const { subject, html, text } = renderer.renderRegulatorReport(input, {
    regime: content.regimes[0] ?? '',
    ...(obligationId === null ? {} : { obligation: obligationId }),
    ...(content.stage === null ? {} : { stage: content.stage }),
  });
  return { subject, html, text };
}
