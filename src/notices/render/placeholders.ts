/**
 * Suggested text: words Breachline puts into a draft from the incident's facts, between `[[` and
 * `]]`. A person confirms or rewrites them; until no `[[` is left, the version cannot go to review,
 * be approved or be sent, so a suggestion never reaches a reader as if someone had written it.
 */
const OPENS = '[[';
const CLOSES = ']]';

export const placeholder = (text: string): string => `${OPENS}${text}${CLOSES}`;

/** Any opening mark counts, closed or not: half-deleted suggested text still needs a person. */
export const holdsPlaceholder = (value: string | undefined): boolean => value !== undefined && value.includes(OPENS);

/** The keys of `values` whose text still holds suggested text, in the given order. */
export const placeholdersIn = (values: Readonly<Record<string, string>>, order: readonly string[]): string[] =>
  order.filter((key) => holdsPlaceholder(values[key]));
