import { senderOf, type NoticeKind, type NoticeSender, type VersionContent } from './notice-content.js';
import { prepareNoticeLocale } from './prepared-notice.js';
import type { NoticeRenderer } from './render/renderer.js';

export interface RenderedVersion {
  subject: string;
  /** Notices to individuals: the sender the reader sees, as a From header would show it; null for reports and unnamed senders. */
  from: string | null;
  html: string | null;
  text: string;
}

export interface SampleRecipient {
  name?: string | undefined;
  locale?: string | undefined;
}

/** A mailbox as a From header shows it: `"Acme Ltd" <privacy@acme.example>`. */
export const mailbox = ({ name, address }: NoticeSender): string => `"${name.replace(/["\\]/g, '')}" <${address}>`;

/**
 * One version through the renderer, exactly as delivery would render it on `date`: the renderer
 * escapes every value and refuses a blank required item, so a preview can never show what could
 * not be sent. A notice to individuals renders in one of its own locales, its primary one unless the
 * sample recipient names another, addressed to a name typical for that language unless one is given.
 */
export function renderVersion(
  renderer: NoticeRenderer,
  kind: NoticeKind,
  obligationId: string | null,
  content: VersionContent,
  date: string,
  recipient: SampleRecipient = {},
): RenderedVersion {
  const organization = { name: content.metadata.organizationName };
  if (kind === 'individuals') {
    const locale = recipient.locale ?? content.locale ?? undefined;
    const name = recipient.name ?? (locale === undefined || !renderer.locales.includes(locale) ? 'Alex Doe' : renderer.phrases(locale).sampleRecipient);
    const rendered = prepareNoticeLocale(renderer, content, recipient.locale, date)({ name, custom: {} });
    const sender = senderOf(content.metadata);
    return { ...rendered, from: sender === null ? null : mailbox(sender) };
  }
  const input = {
    organization,
    incident: { title: content.metadata.title ?? '', summary: content.metadata.summary ?? '' },
    ...(content.facts === undefined ? {} : { facts: content.facts }),
    fields: content.fields,
  };
  const { subject, html, text } = renderer.renderRegulatorReport(input, {
    regime: content.regimes[0] ?? '',
    ...(obligationId === null ? {} : { obligation: obligationId }),
    ...(content.stage === null ? {} : { stage: content.stage }),
  });
  return { subject, from: null, html, text };
}
