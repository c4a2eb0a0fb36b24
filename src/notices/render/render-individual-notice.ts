import { InvalidInputError } from '../../errors.js';
import { NOTICE_SECTIONS } from '../../obligations/notice-sections.js';
import type { Regime } from '../../obligations/regime-schema.js';
import { noticeRequirements, SECTION_LABELS, type RequiredField } from './content-model.js';
import { assertAllRendered, documentData } from './document-data.js';
import { longDate } from './locale-phrases.js';
import { withRecipientSlots } from './recipient-slots.js';
import { checkRequiredFields, individualNoticeInputSchema, parseInput, type NoticeContent } from './render-inputs.js';
import { TemplateRenderError } from './template-helpers.js';
import { NOTICES, type TemplateRegistry } from './template-registry.js';

export interface IndividualNoticeOptions {
  /** Overrides the recipient's own locale. */
  locale?: string;
  /** Ids of the regimes whose notice to individuals this one message must satisfy. */
  regimes: readonly string[];
  /** The day the notice is dated (UTC ISO instant): the day it is sent, or today for a preview. */
  date: string;
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
  date: string;
  /** How errors name the document: `notice`, `notice in zh-CN`. */
  what: string;
  /** Where its items sit in the caller's input, for error paths: `content.fields`, `translations.zh-CN`. */
  itemsAt: string;
}

/**
 * The regimes named, each checked to exist and to have a notice to individuals. None named is a
 * notice no law governs (a place with no rules), held to the sections any notice must have.
 */
export function noticeRegimes(definitions: readonly Regime[], ids: readonly string[]): Regime[] {
  const withNotice = definitions.filter((r) => r.recipients.some((e) => e.recipient === 'individuals'));
  const known = withNotice.map((r) => r.id).join(', ');
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
 * Every section a notice may carry: those the regimes require, then the rest as optional, so a
 * writer may add a section no law demands (what the reader can do, say) and it is printed.
 */
export function noticeSections(required: readonly RequiredField[]): RequiredField[] {
  return NOTICE_SECTIONS.map(
    (section) => required.find((f) => f.field === section) ?? { field: section, label: SECTION_LABELS[section], citation: null, optional: true, requiredBy: [], covers: [] },
  );
}

/**
 * Everything about one locale's notice that is the same for every recipient, done once: the
 * template set, the regimes, the required sections (every section a named regime maps an item to
 * must be written; the error names the missing ones) and the helpers' document data. The function
 * it returns is a full render of one recipient.
 */
function localizedRender(registry: TemplateRegistry, definitions: readonly Regime[], content: NoticeContent, options: LocalizedNoticeOptions): RecipientRender {
  const set = registry.get(`${NOTICES}/${options.locale}`);
  if (set === undefined) {
    const message = `unknown locale "${options.locale}" (known: ${registry.namesUnder(NOTICES).join(', ')})`;
    throw new InvalidInputError(message, [{ path: 'locale', message }]);
  }
  if (set.html === null) throw new TemplateRenderError(`template ${set.key} has no HTML body`);
  const { sections } = noticeRequirements(noticeRegimes(definitions, options.regimes));
  checkRequiredFields(sections, content.fields, options.what, options.itemsAt);
  const doc = documentData({ fields: noticeSections(sections), values: content.fields, knownFields: NOTICE_SECTIONS });
  const data = { doc };
  const shared = { organization: content.organization, notice: { date: longDate(options.locale, options.date) } };
  return (recipient) => {
    // Which sections a rendering printed is checked every time, so no text leaves here incomplete.
    doc.rendered.clear();
    const rendered = registry.render(set, { ...shared, recipient: { name: recipient.name, custom: recipient.custom } }, data);
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
  const render = localizedRender(registry, definitions, content, { locale, regimes: options.regimes, date: options.date, what: 'notice', itemsAt: 'content.fields' });
  return render({ name: recipient.name, custom: recipient.custom ?? {} });
}
