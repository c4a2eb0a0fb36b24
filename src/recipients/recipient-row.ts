import type { RecipientsTable } from './recipient-tables.js';

/**
 * One incoming row -> a recipient or the reason it is rejected. The named columns are email,
 * name, locale and jurisdiction; every other column is kept as a custom field.
 */
export type Recipient = Pick<RecipientsTable, 'emailKey' | 'email' | 'name' | 'locale' | 'jurisdiction' | 'custom'>;

export type RowRejection = { ok: false; reason: string; email: string };
/** Flat rather than wrapping the recipient: one object per row, for a million rows. */
export type RowResult = ({ ok: true } & Recipient) | RowRejection;

/** Checks the rows of one CSV file, whose columns were resolved once from its header. */
export type CsvRowCheck = (record: readonly string[]) => RowResult;

/** A field as text: trimmed, null when empty or absent, undefined when it is not a scalar. */
type Text = string | null | undefined;

const NAMED = new Set(['email', 'name', 'locale', 'jurisdiction']);
// Local part and a dotted domain without spaces: what mail systems accept in practice. Delivery
// is the real test; this catches typos and columns shifted by a stray separator.
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;.]+(\.[^\s@"<>,;.]+)+$/;
const MAX_EMAIL = 254;
const MAX_FIELD = 1000;
// ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision (US-CA, DE-BY, FR-75C).
const JURISDICTION = /^([A-Z]{2})(-[A-Z0-9]{1,3})?$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

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

const text = (value: unknown): Text => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined; // objects and arrays: not a field value
};

// Bounds on what `remembered` keeps: real locales and jurisdictions are short and few, while a
// file's junk can be long and endless.
const REMEMBERED_TEXTS = 1024;
const REMEMBERED_CHARS = 20;

/**
 * `resolve`, remembered per distinct short text. Files repeat a handful of locales and
 * jurisdictions; resolving each row's afresh cost about 7% of the reader thread's time.
 */
function remembered(resolve: (text: string) => string | false): (text: string) => string | false {
  const known = new Map<string, string | false>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = resolve(text);
      if (known.size < REMEMBERED_TEXTS && text.length <= REMEMBERED_CHARS) known.set(text, value);
    }
    return value;
  };
}

/** The code in upper case if it is ISO 3166-1 (a country ICU knows), with an optional subdivision. */
function jurisdictionCode(text: string): string | false {
  const code = text.toUpperCase();
  const match = JURISDICTION.exec(code);
  return match !== null && isCountry(match[1]!) ? code : false;
}

const rejection = (given: string, reason: string): RowRejection => ({ ok: false, reason, email: given.slice(0, MAX_EMAIL + 1) });
const notText = (key: string) => `custom field ${key.slice(0, 100)} must be text, a number or a boolean`;
const tooLong = (key: string) => `custom field ${key.slice(0, 100)} is longer than ${MAX_FIELD} characters`;

/**
 * A language tag (BCP 47) whose language ICU knows, in its canonical spelling (`de-at` -> `de-AT`).
 * Any language is kept, shipped or not: the person reads their own language when a notice template
 * ships for it and the official language where they live otherwise (notice-languages.ts), so a Polish
 * reader's `pl` is worth keeping; what is not a language at all (`Germany`, `xx`) is a broken row.
 */
function languageTag(text: string): string | false {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(text)[0];
  } catch {
    return false;
  }
  return tag !== undefined && languageNames.of(tag.split('-')[0] as string) !== undefined ? tag : false;
}

export class RowValidator {
  private readonly locales: ReadonlyMap<string, string>;
  private readonly locale: (text: string) => string | false;
  private readonly jurisdiction = remembered(jurisdictionCode);

  constructor(locales: readonly string[]) {
    // A shipped locale is matched case-insensitively and stored as the template folder spells it.
    this.locales = new Map(locales.map((locale) => [locale.toLowerCase(), locale]));
    this.locale = remembered((text) => this.locales.get(text.toLowerCase()) ?? languageTag(text));
  }

  /** A row given as an object (NDJSON): values may be any JSON. */
  check(fields: Readonly<Record<string, unknown>>): RowResult {
    const rawEmail = fields.email;
    const email = text(rawEmail);
    const given = typeof rawEmail === 'string' ? rawEmail : email ?? '';
    const accepted = this.named(given, email, text(fields.name), text(fields.locale), text(fields.jurisdiction));
    if (!accepted.ok) return accepted;
    const custom: Record<string, string> = Object.create(null);
    for (const [key, value] of Object.entries(fields)) {
      if (NAMED.has(key)) continue;
      const field = text(value);
      if (field === undefined) return rejection(given, notText(key));
      if (field !== null && field.length > MAX_FIELD) return rejection(given, tooLong(key));
      if (field !== null) custom[key] = field;
    }
    accepted.custom = JSON.stringify(custom);
    return accepted;
  }

  /**
   * The check for rows under `header` (names trimmed, unique, one of them "email"). It gives the
   * same answers as `check` on an object built from the row, without building one: the columns
   * are found once, and the custom fields' JSON is written directly.
   */
  csvColumns(header: readonly string[]): CsvRowCheck {
    const column = (name: string) => header.indexOf(name);
    const [email, name, locale, jurisdiction] = [column('email'), column('name'), column('locale'), column('jurisdiction')];
    // The order an object built from the header lists its keys (integer-like names first), which
    // is the order `check` reports a custom field's problem and writes the JSON in.
    const customNames = Object.keys(Object.fromEntries(header.filter((n) => n !== '' && !NAMED.has(n)).map((n) => [n, true])));
    const custom = customNames.map((key) => ({ key, index: column(key), prefix: `${JSON.stringify(key)}:` }));
    const optional = (record: readonly string[], index: number): Text => (index < 0 ? null : text(record[index]));
    return (record) => {
      const given = record[email]!;
      const accepted = this.named(given, text(given), optional(record, name), optional(record, locale), optional(record, jurisdiction));
      if (!accepted.ok) return accepted;
      let json = '';
      for (const { key, index, prefix } of custom) {
        const field = text(record[index]);
        if (field === null || field === undefined) continue;
        if (field.length > MAX_FIELD) return rejection(given, tooLong(key));
        json += `${json === '' ? '' : ','}${prefix}${JSON.stringify(field)}`;
      }
      accepted.custom = `{${json}}`;
      return accepted;
    };
  }

  /**
   * The named columns' checks, in the order their reasons are reported (before any custom
   * field's). An accepted row comes back with no custom fields, for the caller to fill in.
   */
  private named(given: string, email: Text, name: Text, localeText: Text, jurisdictionText: Text): RowResult {
    if (email === undefined || email === null) return rejection(given, 'email is missing');
    if (email.length > MAX_EMAIL || !EMAIL.test(email)) return rejection(given, 'email is not a valid address');

    if (name === undefined) return rejection(given, 'name must be text');
    if (name !== null && name.length > MAX_FIELD) return rejection(given, `name is longer than ${MAX_FIELD} characters`);

    if (localeText === undefined) return rejection(given, 'locale must be text');
    const locale = localeText === null ? null : this.locale(localeText);
    if (locale === false) return rejection(given, 'locale is not a language tag like de, en-GB or pt-BR');

    if (jurisdictionText === undefined) return rejection(given, 'jurisdiction must be text');
    const jurisdiction = jurisdictionText === null ? null : this.jurisdiction(jurisdictionText);
    if (jurisdiction === false) return rejection(given, 'jurisdiction is not an ISO 3166 code like DE or US-CA');
    return { ok: true, emailKey: email.toLowerCase(), email, name, locale, jurisdiction, custom: '{}' };
  }
}
