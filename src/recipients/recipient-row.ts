import type { RecipientsTable } from './recipient-tables.js';

/**
 * One incoming row -> a recipient or the reason it is rejected. The named columns are email,
 * name, locale and jurisdiction; every other column is kept as a custom field.
 */
export type Recipient = Pick<RecipientsTable, 'emailKey' | 'email' | 'name' | 'locale' | 'jurisdiction' | 'custom'>;

export type RowResult = { ok: true; recipient: Recipient } | { ok: false; reason: string; email: string };

const NAMED = new Set(['email', 'name', 'locale', 'jurisdiction']);
// Local part and a dotted domain without spaces: what mail systems accept in practice. Delivery
// is the real test; this catches typos and columns shifted by a stray separator.
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;.]+(\.[^\s@"<>,;.]+)+$/;
const MAX_EMAIL = 254;
const MAX_FIELD = 1000;
// ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision (US-CA, DE-BY, FR-75C).
const JURISDICTION = /^([A-Z]{2})(-[A-Z0-9]{1,3})?$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

// At most 26 x 26 answers; asking ICU once per row cost more than the rest of the row's checks.
const countries = new Map<string, boolean>();

/** Whether ICU knows the two letters as a country (it echoes unknown codes back). */
function isCountry(code: string): boolean {
  let known = countries.get(code);
  if (known === undefined) {
    const name = regionNames.of(code);
    known = name !== undefined && name !== code && name !== 'Unknown Region';
    countries.set(code, known);
  }
  return known;
}

const text = (value: unknown): string | null | undefined => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined; // objects and arrays: not a field value
};

export class RowValidator {
  private readonly locales: ReadonlyMap<string, string>;

  constructor(locales: readonly string[]) {
    // Matched case-insensitively, stored as the template folder spells it.
    this.locales = new Map(locales.map((locale) => [locale.toLowerCase(), locale]));
  }

  get knownLocales(): string[] {
    return [...this.locales.values()];
  }

  check(fields: Readonly<Record<string, unknown>>): RowResult {
    const rawEmail = fields.email;
    const email = text(rawEmail);
    const given = typeof rawEmail === 'string' ? rawEmail : email ?? '';
    const reject = (reason: string): RowResult => ({ ok: false, reason, email: given.slice(0, MAX_EMAIL + 1) });
    if (email === undefined || email === null) return reject('email is missing');
    if (email.length > MAX_EMAIL || !EMAIL.test(email)) return reject('email is not a valid address');

    const name = text(fields.name);
    if (name === undefined) return reject('name must be text');
    if (name !== null && name.length > MAX_FIELD) return reject(`name is longer than ${MAX_FIELD} characters`);

    const localeText = text(fields.locale);
    if (localeText === undefined) return reject('locale must be text');
    const locale = localeText === null ? null : this.locales.get(localeText.toLowerCase());
    if (locale === undefined) return reject(`locale is not one of ${this.knownLocales.join(', ')}`);

    const jurisdictionText = text(fields.jurisdiction);
    if (jurisdictionText === undefined) return reject('jurisdiction must be text');
    const jurisdiction = jurisdictionText?.toUpperCase() ?? null;
    if (jurisdiction !== null) {
      const match = JURISDICTION.exec(jurisdiction);
      if (match === null || !isCountry(match[1]!)) return reject('jurisdiction is not an ISO 3166 code like DE or US-CA');
    }

    const custom: Record<string, string> = Object.create(null);
    for (const [key, value] of Object.entries(fields)) {
      if (NAMED.has(key)) continue;
      const field = text(value);
      if (field === undefined) return reject(`custom field ${key.slice(0, 100)} must be text, a number or a boolean`);
      if (field !== null && field.length > MAX_FIELD) return reject(`custom field ${key.slice(0, 100)} is longer than ${MAX_FIELD} characters`);
      if (field !== null) custom[key] = field;
    }
    return { ok: true, recipient: { emailKey: email.toLowerCase(), email, name, locale, jurisdiction, custom: JSON.stringify(custom) } };
  }
}
