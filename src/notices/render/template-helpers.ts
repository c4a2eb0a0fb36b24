import type Handlebars from 'handlebars';
import type { DataCategory } from '../../lifecycle/scope.js';
import { hasText, type RequiredField } from './content-model.js';
import { categoriesInWords, longDate, type LocalePhrases } from './locale-phrases.js';

/** A template that names something the document does not know: an author's mistake, never the user's. */
export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError';
}

/**
 * What one render knows beyond its view, handed to helpers as `@data`: the fields this document
 * must or may carry, every field name its templates may use, the stage that applies, and
 * the fields it actually rendered (checked afterwards so no required item is left out).
 */
export interface DocumentData {
  fields: ReadonlyMap<string, RequiredField>;
  values: Readonly<Record<string, string | undefined>>;
  knownFields: ReadonlySet<string>;
  stage: string | null;
  knownStages: ReadonlySet<string>;
  rendered: Set<string>;
}

type Options = Handlebars.HelperOptions & { data: { doc: DocumentData } };

const docOf = (options: Options): DocumentData => options.data.doc;

function known(set: ReadonlySet<string>, name: unknown, what: string): string {
  if (typeof name !== 'string' || !set.has(name)) {
    throw new TemplateRenderError(`unknown ${what} ${JSON.stringify(name)} (known: ${[...set].join(', ') || 'none'})`);
  }
  return name;
}

const isShown = (doc: DocumentData, name: unknown): boolean => {
  const field = doc.fields.get(known(doc.knownFields, name, 'field'));
  return field !== undefined && (!field.optional || hasText(doc.values[field.field]));
};

/**
 * Helpers take names, not values, so a misspelt field or stage fails loudly instead of
 * rendering a blank, which strict mode cannot catch inside `{{#if}}` or partial parameters.
 * `phrases` gives a notice language's words, for the facts a report states in its own language.
 */
export function registerHelpers(env: typeof Handlebars, phrases: (locale: string) => LocalePhrases): void {
  env.registerHelper('shown', (name: unknown, options: Options) => isShown(docOf(options), name));
  // A heading over several sections shows when any of them does: `(any-shown "whatWeAreDoing" "identityProtection")`.
  env.registerHelper('any-shown', (...args: unknown[]) => {
    const options = args.pop() as Options;
    return args.some((name) => isShown(docOf(options), name));
  });
  env.registerHelper('field-value', (name: unknown, options: Options) => {
    const doc = docOf(options);
    const field = known(doc.knownFields, name, 'field');
    const value = doc.values[field];
    if (!doc.fields.has(field) || !hasText(value)) throw new TemplateRenderError(`field "${field}" is rendered without {{#if (shown "${field}")}} and has no value`);
    doc.rendered.add(field);
    return value.trim();
  });
  env.registerHelper('field-label', (name: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.fields.get(known(doc.knownFields, name, 'field'))?.label ?? '';
  });
  env.registerHelper('field-citation', (name: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.fields.get(known(doc.knownFields, name, 'field'))?.citation ?? '';
  });
  env.registerHelper('stage', (id: unknown, options: Options) => {
    const doc = docOf(options);
    return doc.stage === known(doc.knownStages, id, 'stage');
  });
  // A report's facts in the report's language: `{{count report.facts.affected "de"}}`, `{{day ...}}`,
  // `{{categories ...}}`, `{{region "DE" "zh-CN"}}`.
  env.registerHelper('count', (value: unknown, locale: unknown) => new Intl.NumberFormat(String(locale)).format(Number(value)));
  env.registerHelper('day', (iso: unknown, locale: unknown) => longDate(String(locale), String(iso)));
  env.registerHelper('categories', (list: unknown, locale: unknown) => categoriesInWords(phrases(String(locale)), String(locale), list as DataCategory[]));
  env.registerHelper('region', (code: unknown, locale: unknown) => {
    const region = String(code);
    const name = new Intl.DisplayNames([String(locale)], { type: 'region' }).of(region.slice(0, 2)) ?? region;
    return region.length > 2 ? `${name} (${region})` : name;
  });
  // HTML only: escapes the text, then keeps its paragraphs and line breaks visible.
  env.registerHelper('paragraphs', (text: unknown) => {
    const paragraphs = String(text ?? '')
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((p) => `<p>${p.split(/\r?\n/).map((line) => env.escapeExpression(line)).join('<br>\n')}</p>`);
    return new env.SafeString(paragraphs.join('\n'));
  });
}
