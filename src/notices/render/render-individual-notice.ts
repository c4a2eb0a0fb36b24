import { InvalidInputError } from '../errors.js';
import type { Regime } from '../obligations/regime-schema.js';
import { assertAllRendered, documentData } from './document-data.js';
import { checkRequiredFields, individualNoticeInputSchema, parseInput, type NoticeContent } from './notice-input.js';
import { withRecipientSlots } from './recipient-slots.js';
import { individualNoticeFields } from './required-fields.js';
import { TemplateRenderError } from './template-helpers.js';
import type { TemplateRegistry } from './template-registry.js';

export interface IndividualNoticeOptions {
  /** Overrides the recipient's own locale. */
  locale?: string;
  /** Ids of the regimes whose notice to individuals this one message must satisfy. */
  regimes: readonly string[];
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** What a template may know about one recipient: `recipient.name` (null when unknown) and `recipient.custom.<key>`. */
export interface RecipientView {
  name: string | null;
  custom: Readonly<Record<string, string>>;
}

/** One locale of a notice, checked and bound to its templates: all that is left is one recipient's template work. */
export type RecipientRender = (recipient: RecipientView) => RenderedMessage;

export interface LocalizedNoticeOptions {
  locale: string;
  regimes: readonly string[];
  /** How errors name the document: `notice`, `notice in zh-CN`. */
  what: string;
  /** Where its items sit in the caller's input, for error paths: `content.fields`, `translations.zh-CN`. */
  itemsAt: string;
}

const NOTICES = 'notices/individuals';

/** The regimes named, each checked to exist and to have a notice to individuals. */
export function noticeRegimes(definitions: readonly Regime[], ids: readonly string[]): Regime[] {
  const withNotice = definitions.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'));
  const known = withNotice.map((r) => r.id).join(', ');
  if (ids.length === 0) throw new InvalidInputError('name at least one regime', [{ path: 'regimes', message: `name at least one of: ${known}` }]);
  return ids.map((id, index) => {
    const regime = withNotice.find((r) => r.id === id);
    if (regime === undefined) {
      const message = `unknown regime "${id}" or it has no notice to individuals (known: ${known})`;
      throw new InvalidInputError(message, [{ path: `regimes.${index}`, message }]);
    }
    return regime;
  });
}

/**
 * Everything about one locale's notice that is the same for every recipient, done once: the
 * template set, the regimes, the required items (every item any named regime requires must be
 * filled; the error names the missing ones) and the helpers' document data. The function it
 * returns is a full render of one recipient.
 */
function localizedRender(registry: TemplateRegistry, definitions: readonly Regime[], content: NoticeContent, options: LocalizedNoticeOptions): RecipientRender {
  const set = registry.get(`${NOTICES}/${options.locale}`);
  if (set === undefined) {
    const message = `unknown locale "${options.locale}" (known: ${registry.namesUnder(NOTICES).join(', ')})`;
    throw new InvalidInputError(message, [{ path: 'locale', message }]);
  }
  if (set.html === null) throw new TemplateRenderError(`template ${set.key} has no HTML body`);
  const regimes = noticeRegimes(definitions, options.regimes);
  const fields = individualNoticeFields(regimes);
  checkRequiredFields(fields, content.fields, options.what, options.itemsAt);
  const doc = documentData({
    fields,
    values: content.fields,
    knownFields: individualNoticeFields(definitions).map((f) => f.field),
    regimes: regimes.map((r) => r.id),
    knownRegimes: definitions.map((r) => r.id),
  });
  const data = { doc };
  const { organization } = content;
  return (recipient) => {
    // Which items a rendering printed is checked every time, so no text leaves here incomplete.
    doc.rendered.clear();
    const rendered = registry.render(set, { organization, recipient: { name: recipient.name, custom: recipient.custom } }, data);
    assertAllRendered(set.key, doc);
    // The set's HTML body was checked above; the registry's result type cannot know that.
    return { subject: rendered.subject, html: rendered.html as string, text: rendered.text };
  };
}

/** One locale of a notice checked once, for delivery: each recipient costs a string join, not a template run (see recipient-slots). */
export const prepareLocalizedNotice = (
  registry: TemplateRegistry,
  definitions: readonly Regime[],
  content: NoticeContent,
  options: LocalizedNoticeOptions,
): RecipientRender => withRecipientSlots(localizedRender(registry, definitions, content, options));

/**
 * One recipient's notice in one call: the content shared by every recipient plus their
 * personalisation, rendered in their locale (or the one the caller forces).
 */
export function renderIndividualNotice(
  registry: TemplateRegistry,
  definitions: readonly Regime[],
  input: unknown,
  options: IndividualNoticeOptions,
): RenderedMessage {
  const { content, recipient } = parseInput(individualNoticeInputSchema, input, 'notice');
  const locale = options.locale ?? recipient.locale;
  if (locale === undefined) {
    const message = `no locale given (known: ${registry.namesUnder(NOTICES).join(', ')})`;
    throw new InvalidInputError(message, [{ path: 'locale', message }]);
  }
  const render = localizedRender(registry, definitions, content, { locale, regimes: options.regimes, what: 'notice', itemsAt: 'content.fields' });
  return render({ name: recipient.name, custom: recipient.custom ?? {} });
}
