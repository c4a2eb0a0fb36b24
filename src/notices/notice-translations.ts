/** The languages of a notice to individuals: which a draft starts in, and edits that add, change, remove or promote one. */
import { InvalidInputError } from '../errors.js';
import { individualsTemplate, localesOf, withTranslations, type LocaleFields, type VersionContent } from './notice-content.js';
import type { CreateNoticeInput } from './notice-requests.js';

const invalid = (path: string, message: string) => new InvalidInputError(message, [{ path, message }]);

/** A notice can be written only in a locale the templates ship. */
export function checkLocale(known: readonly string[], locale: string, path: string): void {
  if (!known.includes(locale)) throw invalid(path, `unknown locale "${locale}" (known: ${known.join(', ')})`);
}

/**
 * The locales a draft asks for, the primary apart: `locale` names one, `locales` several, and a
 * draft that names none is written in `byDefault` (the affected people's languages).
 */
export function requestedLocales(
  known: readonly string[],
  request: Pick<CreateNoticeInput, 'locale' | 'locales'>,
  byDefault: readonly string[],
): { primary: string; others: string[] } {
  if (request.locale !== undefined && request.locales !== undefined) throw invalid('locales', 'give `locale` or `locales`, not both');
  const path = request.locales === undefined ? 'locale' : 'locales';
  const locales = request.locales ?? (request.locale === undefined ? byDefault : [request.locale]);
  locales.forEach((code, index) => {
    const at = path === 'locale' ? path : `locales.${index}`;
    checkLocale(known, code, at);
    if (locales.indexOf(code) !== index) throw invalid(at, `"${code}" is named twice`);
  });
  const [primary, ...others] = locales;
  if (primary === undefined) throw invalid(path, `a notice to individuals needs a locale (known: ${known.join(', ')})`);
  return { primary, others };
}

/**
 * Makes `locale` the primary one. The old primary stays as a translation, so no words are lost; a
 * locale the notice is not written in yet is added first, starting from `prefill` as a new
 * translation does, so one language's words never sit under another language's template.
 */
export function withPrimaryLocale(content: VersionContent, locale: string, prefill: (locale: string) => LocaleFields): VersionContent {
  if (locale === content.locale) return content;
  const translations = { ...content.translations };
  const own = translations[locale] ?? prefill(locale);
  delete translations[locale];
  if (content.locale !== null) translations[content.locale] = content.fields;
  return withTranslations({ ...content, locale, template: individualsTemplate(locale), fields: own }, translations);
}

/** Sets the named items of one locale (or of a report), clearing those given null or blank; only items the document has. */
export function editItems(fields: LocaleFields, edits: Readonly<Record<string, string | null>>, known: readonly string[], path: string): LocaleFields {
  const next = { ...fields };
  for (const [field, value] of Object.entries(edits)) {
    if (!known.includes(field)) throw invalid(`${path}.${field}`, `"${field}" is not an item of this document (known: ${known.join(', ')})`);
    if (value === null || value.trim() === '') delete next[field];
    else next[field] = value;
  }
  return next;
}

export interface TranslationRules {
  /** The locales the templates ship. */
  locales: readonly string[];
  /** The items this notice has. */
  fields: readonly string[];
  /** What a newly added locale starts with: the incident's facts in that language, as a first draft does. */
  prefill: (locale: string) => LocaleFields;
}

/** The other locales' edits: items set or cleared per locale, a new locale added, a `null` one removed. */
export function editTranslations(
  content: VersionContent,
  edits: Readonly<Record<string, Readonly<Record<string, string | null>> | null>>,
  rules: TranslationRules,
): VersionContent {
  const translations = { ...content.translations };
  for (const [locale, items] of Object.entries(edits)) {
    const path = `translations.${locale}`;
    checkLocale(rules.locales, locale, path);
    if (locale === content.locale) throw invalid(path, `${locale} is the primary locale: edit its items with \`fields\`, or make another locale primary with \`locale\``);
    if (items !== null) {
      translations[locale] = editItems(translations[locale] ?? rules.prefill(locale), items, rules.fields, path);
      continue;
    }
    if (translations[locale] === undefined) throw invalid(path, `this notice is not written in ${locale} (its locales: ${localesOf(content).join(', ')})`);
    delete translations[locale];
  }
  return withTranslations(content, translations);
}
