/**
 * Which language a person reads a notice in. Their own `locale` comes first when a template ships
 * for it (`de-AT` reads the `de` notice); else the official language of where they live; else the
 * notice's primary language. Official languages are listed most widely used first, so a Swiss
 * resident with no locale reads German and a Quebec resident French; a language with no template
 * is skipped (Ireland's Irish, so English).
 */
const OFFICIAL_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  AT: ['de'], BE: ['nl', 'fr', 'de'], BG: ['bg'], CH: ['de', 'fr', 'it'], CY: ['el', 'tr'], CZ: ['cs'], DE: ['de'],
  DK: ['da'], EE: ['et'], ES: ['es'], FI: ['fi', 'sv'], FR: ['fr'], GR: ['el'], HR: ['hr'], HU: ['hu'],
  IE: ['ga', 'en'], IS: ['is'], IT: ['it'], LI: ['de'], LT: ['lt'], LU: ['lb', 'fr', 'de'], LV: ['lv'],
  MT: ['mt', 'en'], NL: ['nl'], NO: ['nb'], PL: ['pl'], PT: ['pt-PT'], RO: ['ro'], SE: ['sv'], SI: ['sl'],
  SK: ['sk'], GB: ['en'], US: ['en'], 'US-PR': ['es', 'en'], CA: ['en', 'fr'], 'CA-QC': ['fr'], MX: ['es'],
  AR: ['es'], CL: ['es'], CO: ['es'], PE: ['es'], BR: ['pt-BR'], AU: ['en'], NZ: ['en', 'mi'], IN: ['hi', 'en'],
  SG: ['en', 'zh-CN', 'ms', 'ta'], CN: ['zh-CN'], TW: ['zh-TW'], HK: ['zh-HK', 'en'], MO: ['zh-HK', 'pt-PT'],
  JP: ['ja'], KR: ['ko'], ZA: ['en', 'af', 'zu', 'xh'], MY: ['ms', 'en'], ID: ['id'], TH: ['th'], VN: ['vi'], PH: ['fil', 'en'],
  KE: ['sw', 'en'], NG: ['en'], EG: ['ar'], IL: ['he', 'ar'], TR: ['tr'], SA: ['ar'], AE: ['ar', 'en'], QA: ['ar'],
};

/** The shipped locale a locale tag falls back to: itself, then its language (`de-AT` -> `de`, `zh` -> `zh-CN`), or null. */
export function shippedLocale(shipped: readonly string[], tag: string): string | null {
  const lower = tag.toLowerCase();
  const exact = shipped.find((locale) => locale.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const language = lower.split('-')[0];
  // A bare language matches its one shipped variant; a variant never stands in for a sibling (pt-PT is not pt-BR).
  const variants = shipped.filter((locale) => locale.toLowerCase().split('-')[0] === language);
  const bare = variants.find((locale) => !locale.includes('-'));
  if (bare !== undefined) return bare;
  return !lower.includes('-') && variants.length === 1 ? (variants[0] as string) : null;
}

/** The first official language of a jurisdiction (or of its country) that a template ships for, or null. */
export function officialLanguage(shipped: readonly string[], jurisdiction: string): string | null {
  const languages = OFFICIAL_LANGUAGES[jurisdiction] ?? OFFICIAL_LANGUAGES[jurisdiction.slice(0, 2)] ?? [];
  for (const language of languages) {
    const locale = shipped.find((l) => l === language);
    if (locale !== undefined) return locale;
  }
  return null;
}

export type LanguageReason = 'locale' | 'jurisdiction' | 'primary';

export interface RecipientLanguage {
  locale: string;
  /** Why: their own locale, the official language where they live, or the notice's primary language. */
  reason: LanguageReason;
}

/** The language a recipient's own columns decide (their locale, else where they live), or null when neither does. */
export function readerLanguage(shipped: readonly string[], recipient: { locale: string | null; jurisdiction: string | null }): RecipientLanguage | null {
  const own = recipient.locale === null ? null : shippedLocale(shipped, recipient.locale);
  if (own !== null) return { locale: own, reason: 'locale' };
  const official = recipient.jurisdiction === null ? null : officialLanguage(shipped, recipient.jurisdiction);
  return official === null ? null : { locale: official, reason: 'jurisdiction' };
}

/** The language one recipient reads the notice in, as the rule above says. */
export const recipientLanguage = (
  shipped: readonly string[],
  primary: string,
  recipient: { locale: string | null; jurisdiction: string | null },
): RecipientLanguage => readerLanguage(shipped, recipient) ?? { locale: primary, reason: 'primary' };
