import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { DATA_CATEGORIES, type DataCategory } from '../../lifecycle/scope.js';

const text = z.string().trim().min(1);
const withSlot = (slot: string) => text.refine((value) => value.includes(`{${slot}}`), `must contain {${slot}}`);

/**
 * What a notice language says besides its templates, in `phrases.yaml` beside them: the language's
 * own name, a sample name for previews, the data categories in words, and the sentences a draft
 * suggests from the incident's facts. Translators edit one folder per language.
 */
const phrasesSchema = z.strictObject({
  /** The language's name in itself ("Deutsch"), shown to reviewers beside the code. */
  language: text,
  /** Whom a preview addresses when the reviewer names nobody: a name typical for readers of this language. */
  sampleRecipient: text,
  /** Each data category as the notice names it, fitting the `informationInvolved` sentence. */
  categories: z.strictObject(Object.fromEntries(DATA_CATEGORIES.map((c) => [c, text])) as Record<DataCategory, typeof text>),
  /** Sentences a draft suggests (as placeholders a person must confirm), built from the incident's facts. */
  suggestions: z.strictObject({
    informationInvolved: withSlot('categories'),
    began: withSlot('date'),
    learned: withSlot('date'),
  }),
});
export type LocalePhrases = z.infer<typeof phrasesSchema>;

/** Reads and checks one language's phrases; the problems name the key, for the caller to put beside the file name. */
export async function readPhrases(file: string): Promise<{ phrases: LocalePhrases } | { problems: string[] }> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problems: ['is missing: every notice language needs its phrases.yaml'] };
    return { problems: [(error as Error).message.split('\n')[0] ?? 'cannot be read'] };
  }
  const result = phrasesSchema.safeParse(data);
  if (result.success) return { phrases: result.data };
  return { problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
}

/** Building an ICU formatter costs far more than using one: one of each per locale, for the process's life. */
function remembered<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (formatter === undefined) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}
const listFormat = remembered((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));
const dayFormat = remembered((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));

/** The categories in words, joined as the language joins a list ("A, B and C", "A、B和C"). */
export function categoriesInWords(phrases: LocalePhrases, locale: string, categories: readonly DataCategory[]): string {
  return listFormat(locale).format(categories.map((c) => phrases.categories[c]));
}

/**
 * A day as a reader of this language writes it in a letter ("20 November 2026", "2026年11月20日"),
 * in UTC. French writes the first of the month as an ordinal ("1er décembre"), which ICU does not.
 */
export function longDate(locale: string, iso: string): string {
  const date = new Date(iso);
  const formatted = dayFormat(locale).format(date);
  return locale.split('-')[0] === 'fr' && date.getUTCDate() === 1 ? formatted.replace(/^1 /, '1er ') : formatted;
}
