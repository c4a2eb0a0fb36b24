import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { fieldsIn, localesOf, senderOf, type NoticeSender, type VersionContent } from './notice-content.js';
import { recipientLanguage, type RecipientLanguage } from './render/notice-languages.js';
import { placeholdersIn } from './render/placeholders.js';
import type { RecipientRender } from './render/render-individual-notice.js';
import { individualVersionSchema, parseInput } from './render/render-inputs.js';
import type { NoticeRenderer } from './render/renderer.js';

/** One person a notice goes to, as delivery reads them from the recipients table. */
export interface NoticeRecipient {
  name: string | null;
  locale: string | null;
  jurisdiction: string | null;
  custom: Record<string, string>;
}

/** An approved notice to individuals, checked once and ready to render for each recipient. */
export interface PreparedNotice {
  /** The locales this version is written in; the first is its primary locale. */
  locales: readonly string[];
  /** The sender the version names; null on a version written before notices named one (MAIL_FROM then). */
  sender: NoticeSender | null;
  /** The language a recipient reads it in (their locale, where they live, or the primary one), and why. */
  languageOf(recipient: Pick<NoticeRecipient, 'locale' | 'jurisdiction'>): RecipientLanguage;
  /** Renders one recipient's message in their language. Throws InvalidInputError when the notice is not written in it. */
  render(recipient: NoticeRecipient): { subject: string; html: string; text: string };
}

type CheckedVersion = z.infer<typeof individualVersionSchema>;

/** Distinct locale and jurisdiction pairs a prepared notice remembers the language of; beyond it, each is worked out again. */
const REMEMBERED_LANGUAGES = 4096;

const notWrittenIn = (locale: string, locales: readonly string[]): InvalidInputError => {
  const message = `this notice is not written in "${locale}" (its locales: ${locales.join(', ')})`;
  return new InvalidInputError(message, [{ path: 'locale', message }]);
};

/** One locale of a checked version bound to its template; errors point at the version's own keys, locale included. */
function prepareLocale(renderer: NoticeRenderer, version: CheckedVersion, locale: string, date: string): RecipientRender {
  const fields = fieldsIn(version, locale);
  if (fields === undefined) throw notWrittenIn(locale, localesOf(version));
  return renderer.prepareLocalizedNotice(
    { organization: { name: version.metadata.organizationName }, fields },
    { locale, regimes: version.regimes, date, what: `notice in ${locale}`, itemsAt: locale === version.locale ? 'fields' : `translations.${locale}` },
  );
}

/**
 * One locale of a version (its primary one when none is named), dated `date`, for a preview or one
 * side of a diff: a reviewer reads each language on its own while another one is still being written.
 */
export function prepareNoticeLocale(renderer: NoticeRenderer, content: VersionContent, locale: string | undefined, date: string): RecipientRender {
  const version = parseInput(individualVersionSchema, content, 'notice');
  return prepareLocale(renderer, version, locale ?? version.locale, date);
}

/** Suggested text left in any locale: approval should have refused it, and delivery refuses it again. */
function refuseSuggestions(version: CheckedVersion): void {
  const issues = localesOf(version).flatMap((locale) => {
    const at = locale === version.locale ? 'fields' : `translations.${locale}`;
    const fields = fieldsIn(version, locale) ?? {};
    return placeholdersIn(fields, Object.keys(fields)).map((field) => ({ path: `${at}.${field}`, message: 'still holds suggested text between [[ and ]]' }));
  });
  if (issues.length > 0) throw new InvalidInputError(`notice: suggested text was never replaced: ${issues.map((i) => i.path).join(', ')}`, issues);
}

/**
 * The whole notice, every locale, dated `date`, for delivery. Everything that is the same for every
 * recipient (the version's shape, the required sections of each locale, the helpers' document data)
 * is checked here, once; a version with a gap or suggested text in any locale is refused as a
 * whole, naming each, because legal approved all its languages together. `render` is left with the
 * per-recipient template work.
 */
export function prepareIndividualNotice(renderer: NoticeRenderer, content: VersionContent, date: string): PreparedNotice {
  const version = parseInput(individualVersionSchema, content, 'notice');
  refuseSuggestions(version);
  const locales = Object.freeze(localesOf(version));
  const renders = new Map<string, RecipientRender>();
  const refusals: InvalidInputError[] = [];
  for (const locale of locales) {
    try {
      renders.set(locale, prepareLocale(renderer, version, locale, date));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      refusals.push(error);
    }
  }
  if (refusals.length > 0) throw new InvalidInputError(refusals.map((e) => e.message).join('; '), refusals.flatMap((e) => e.issues));
  // Every message asks this; recipients repeat a handful of locale and jurisdiction pairs.
  const languages = new Map<string, RecipientLanguage>();
  const languageOf = (recipient: Pick<NoticeRecipient, 'locale' | 'jurisdiction'>): RecipientLanguage => {
    const key = `${recipient.locale ?? ''}|${recipient.jurisdiction ?? ''}`;
    let language = languages.get(key);
    if (language === undefined) {
      language = recipientLanguage(renderer.locales, version.locale, recipient);
      if (languages.size < REMEMBERED_LANGUAGES) languages.set(key, language);
    }
    return language;
  };
  return {
    locales,
    sender: senderOf(version.metadata),
    languageOf,
    render(recipient) {
      const { locale } = languageOf(recipient);
      const render = renders.get(locale);
      if (render === undefined) throw notWrittenIn(locale, locales);
      return render(recipient);
    },
  };
}
