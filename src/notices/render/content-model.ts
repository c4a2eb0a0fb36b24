import type { Regime, RegimeRecipient } from '../obligations/regime-schema.js';

/** One item a document must carry, merged across every regime that asks for it under this name. */
export interface RequiredField {
  field: string;
  label: string;
  citation: string | null;
  /** The regime file marks it "(optional)": shown when given, never demanded. */
  optional: boolean;
  requiredBy: string[];
}

type Content = RegimeRecipient['requiredContents'][number];

/**
 * Items a rendered document satisfies by its form, not by a value someone types: California's
 * title, headings and type size, HIPAA's plain language, PIPEDA's "in writing". Scoped to the
 * regime, because the same camelCase name could mean a value elsewhere. The templates' tests check
 * that the form is there (California's title and five headings, for instance).
 */
const SATISFIED_BY_TEMPLATE: Readonly<Record<string, readonly string[]>> = {
  'us-ca-1798.82': ['title', 'headings', 'presentation'],
  'us-hipaa': ['plainLanguage'],
  'ca-pipeda': ['format'],
};

/**
 * Items that stand for another entry's list: s 26WL says the notice to individuals carries the
 * contents of the s 26WK statement, which the same regime file lists under its regulator entry.
 */
const EXPANDED_FROM_ENTRY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'au-ndb': { statementContents: 'regulator' },
};

const isOptional = (content: Content) => /^\(optional\)/i.test(content.label);

function expand(regime: Regime, contents: readonly Content[]): Content[] {
  const skipped = new Set(SATISFIED_BY_TEMPLATE[regime.id] ?? []);
  return contents.flatMap((content) => {
    if (skipped.has(content.field)) return [];
    const entryId = EXPANDED_FROM_ENTRY[regime.id]?.[content.field];
    const entry = entryId === undefined ? undefined : regime.recipients.find((r) => r.id === entryId);
    return entry === undefined ? [content] : entry.requiredContents;
  });
}

function merge(into: Map<string, RequiredField>, regime: Regime, contents: readonly Content[]): void {
  for (const content of expand(regime, contents)) {
    const known = into.get(content.field);
    if (known === undefined) {
      into.set(content.field, {
        field: content.field,
        label: content.label,
        citation: content.citation ?? null,
        optional: isOptional(content),
        requiredBy: [regime.id],
      });
      continue;
    }
    // One regime demanding an item outweighs another listing it as optional.
    known.optional = known.optional && isOptional(content);
    if (!known.requiredBy.includes(regime.id)) known.requiredBy.push(regime.id);
  }
}

/** The union of what the notice to individuals must say for each of these regimes. */
export function individualNoticeFields(regimes: readonly Regime[]): RequiredField[] {
  const fields = new Map<string, RequiredField>();
  for (const regime of regimes) {
    for (const entry of regime.recipients.filter((r) => r.recipient === 'individuals')) merge(fields, regime, entry.requiredContents);
  }
  return [...fields.values()];
}

/**
 * What one report must say. A stage with its own list (NIS2's early warning, CAC's final summary)
 * uses that list; a stage without one (GDPR's notification, CAC's initial report) carries the
 * entry's list.
 */
export function reportFields(regime: Regime, entry: RegimeRecipient, stageId: string | null): RequiredField[] {
  const stage = stageId === null ? undefined : entry.stages?.find((s) => s.id === stageId);
  const contents = stage?.requiredContents !== undefined && stage.requiredContents.length > 0 ? stage.requiredContents : entry.requiredContents;
  const fields = new Map<string, RequiredField>();
  merge(fields, regime, contents);
  return [...fields.values()];
}

/** Every field name any report of this entry may carry, across its stages: what its template may name. */
export function reportFieldNames(regime: Regime, entry: RegimeRecipient): Set<string> {
  const stages = (entry.stages ?? []).map((s) => s.id);
  return new Set([null, ...stages].flatMap((stage) => reportFields(regime, entry, stage).map((f) => f.field)));
}

/** Names of the non-optional fields with no usable value, in the order the regimes list them. */
export function missingFrom(fields: readonly RequiredField[], values: Readonly<Record<string, unknown>>): string[] {
  return fields.filter((f) => !f.optional && !hasText(values[f.field])).map((f) => f.field);
}

export const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
