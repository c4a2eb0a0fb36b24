import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { fieldsIn, localesOf, type VersionContent } from './notice-content.js';
import { individualVersionSchema, parseInput } from './notice-input.js';
import type { NoticeRenderer } from './notice-renderer.js';
import type { RecipientRender } from './render-individual-notice.js';

/** One person a notice goes to, as delivery reads them from the recipients table. */
export interface NoticeRecipient {
  name: string | null;
  locale: string | null;
  custom: Record<string, string>;
}

/** An approved notice to individuals, checked once and ready to render for each recipient. */
export interface PreparedNotice {
  /** The locales this version is written in; the first is its primary locale. */
  locales: readonly string[];
  /** Renders one recipient's message in their locale, or the primary locale when theirs is null. Throws InvalidInputError if their locale is not one of `locales`. */
  render(recipient: NoticeRecipient): { subject: string; html: string; text: string };
}

type CheckedVersion = z.infer<typeof individualVersionSchema>;

const notWrittenIn = (locale: string, locales: readonly string[]): InvalidInputError => {
  const message = `this notice is not written in "${locale}" (its locales: ${locales.join(', ')})`;
  return new InvalidInputError(message, [{ path: 'locale', message }]);
};

/** One locale of a checked version bound to its template; errors point at the version's own keys, locale included. */
function prepareLocale(renderer: NoticeRenderer, version: CheckedVersion, locale: string): RecipientRender {
  const fields = fieldsIn(version, locale);
  if (fields === undefined) throw notWrittenIn(locale, localesOf(version));
  return renderer.prepareLocalizedNotice(
    { organization: { name: version.metadata.organizationName }, fields },
    { locale, regimes: version.regimes, what: `notice in ${locale}`, itemsAt: locale === version.locale ? 'fields' : `translations.${locale}` },
  );
}

/**
 * One locale of a version (its primary one when none is named), for a preview or one side of a
 * diff: a reviewer reads each language on its own while another one is still being written.
 */
export function prepareNoticeLocale(renderer: NoticeRenderer, content: VersionContent, locale?: string): RecipientRender {
  const version = parseInput(individualVersionSchema, content, 'notice');
  return prepareLocale(renderer, version, locale ?? version.locale);
}

/**
 * The whole notice, every locale, for delivery. Everything that is the same for every recipient
 * (the version's shape, the required items of each locale, the helpers' document data) is checked
 * here, once; a version with a gap in any locale is refused as a whole, naming each gap, because
 * legal approved all its languages together. `render` is left with the per-recipient template work.
 */
export function prepareIndividualNotice(renderer: NoticeRenderer, content: VersionContent): PreparedNotice {
  const version = parseInput(individualVersionSchema, content, 'notice');
  const locales = Object.freeze(localesOf(version));
  const renders = new Map<string, RecipientRender>();
  const refusals: InvalidInputError[] = [];
  for (const locale of locales) {
    try {
      renders.set(locale, prepareLocale(renderer, version, locale));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      refusals.push(error);
    }
  }
  if (refusals.length > 0) throw new InvalidInputError(refusals.map((e) => e.message).join('; '), refusals.flatMap((e) => e.issues));
  const primary = version.locale;
  return {
    locales,
    render(recipient) {
      const render = renders.get(recipient.locale ?? primary);
      if (render === undefined) throw notWrittenIn(recipient.locale ?? primary, locales);
      return render(recipient);
    },
  };
}
